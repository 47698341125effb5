using Microsoft.Extensions.DependencyInjection;
using PsaBridge.Finance.Identity;
using PsaBridge.Web.Security;

namespace PsaBridge.ReportingBench;

/// <summary>A Viewer and a personal access token of theirs, made in the bench's finance database, for the HTTP requests.</summary>
public static class ViewerToken
{
    public static async Task<string> CreateAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserAccounts>().AddAsync($"bench-{Guid.NewGuid():N}@bench.example", Roles.Viewer);
        var tokens = ActivatorUtilities.CreateInstance<PersonalAccessTokens>(scope.ServiceProvider);
        return (await tokens.CreateAsync(user.User.Id, "reporting bench", Roles.Viewer, 1)).Secret;
    }
}
