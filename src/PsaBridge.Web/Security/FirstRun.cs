using Microsoft.AspNetCore.Identity;
using PsaBridge.Finance.Identity;

namespace PsaBridge.Web.Security;

/// <summary>
/// Who can sign in on a new installation: with <c>--demo</c>, one demo user of each role (printed with their
/// password); otherwise, when there is no user yet, how to make the first administrator.
/// </summary>
public static class FirstRun
{
    /// <summary>Demo users only exist with demo data, on a trial installation, so their password is printed, not secret.</summary>
    public const string DemoPassword = "Demo-password-1";

    public static string DemoEmail(string role) => $"{role.ToLowerInvariant()}@demo.psabridge.example";

    public static async Task PrepareAsync(IServiceProvider services, bool demo, TextWriter output, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<UserAccounts>();
        if (demo)
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
            foreach (var role in Roles.All)
                if (await users.FindByEmailAsync(DemoEmail(role)) is null)
                    await accounts.AddAsync(DemoEmail(role), role, DemoPassword, ct);
            await output.WriteLineAsync($"Demo users (password {DemoPassword}); sign in at /account/sign-in as:");
            foreach (var role in Roles.All) await output.WriteLineAsync($"  {Roles.DisplayName(role),-22} {DemoEmail(role)}");
        }
        else if (!await accounts.AnyAsync(ct))
        {
            await output.WriteLineAsync("No one can sign in yet. Make the first administrator (it prints a one-time password):");
            await output.WriteLineAsync("  dotnet run --project src/PsaBridge.Cli -- users add --role Administrator you@example.com");
        }
    }
}
