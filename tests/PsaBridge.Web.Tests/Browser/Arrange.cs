using Microsoft.Extensions.DependencyInjection;
using PsaBridge.Integration.CustomerSync;
using PsaBridge.Integration.Log;
using PsaBridge.Psa.Accounts;
using PsaBridge.Web.Infrastructure;

namespace PsaBridge.Web.Tests.Browser;

/// <summary>Puts accounts in PSA and runs the job the way the application does, for tests that then look at the pages.</summary>
public static class Arrange
{
    /// <summary>An account every rule accepts (Seattle, WA, US; Net30), unless a field is given otherwise.</summary>
    public static AccountInput Account(string name, string state = "WA", string? accountNumber = null, string paymentTerms = "Net30") =>
        new(name, accountNumber, "USD", "+1 425 555 0100", $"ap@{name.Replace(" ", "").ToLowerInvariant()}.example",
            new AddressInput("1 Main St", City: "Seattle", StateOrProvince: state, PostalCode: "98101", Country: "US"), 50_000, paymentTerms);

    public static async Task<Account> CreateAccountAsync(this IServiceProvider services, AccountInput input)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AccountService>().CreateAsync(input);
    }

    /// <summary>An interactive run, to its end.</summary>
    public static Task<LogHeaderView> RunSyncAsync(this IServiceProvider services) =>
        services.GetRequiredService<InteractiveRuns>().RunAsync(new SyncRequest(), CancellationToken.None);
}
