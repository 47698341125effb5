using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PsaBridge.Finance.IntegrationLog;
using PsaBridge.Integration.Log;
using PsaBridge.Psa.Accounts;
using PsaBridge.Testing;

namespace PsaBridge.Web.Tests.Browser;

/// <summary>Cleaning up the integration log by age: old runs and lines go, an account's latest line and its run stay.</summary>
[Trait("Engine", "Both")]
public sealed class LogCleanupTests
{
    [Fact]
    public async Task Cleanup_deletes_old_runs_and_superseded_lines_but_never_an_accounts_latest_line()
    {
        await using var app = await PsaBridgeApp.StartAsync();
        var idle = await app.Services.RunSyncAsync();
        var fixedLater = await app.Services.CreateAccountAsync(Arrange.Account("Blue Yonder Airlines", state: "Washingtn"));
        var stillFailing = await app.Services.CreateAccountAsync(Arrange.Account("Lamna Healthcare", state: "Nowhere"));
        var first = await app.Services.RunSyncAsync();
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<AccountService>().PatchAsync(fixedLater.Id, new JsonObject { ["address1"] = new JsonObject { ["stateOrProvince"] = "WA" } });
        var second = await app.Services.RunSyncAsync();
        var recent = await app.Services.RunSyncAsync();
        await using (var finance = app.Databases.OpenFinance())
        {
            var now = DateTime.UtcNow;
            foreach (var (id, daysAgo) in new[] { (idle.Id, 300), (first.Id, 200), (second.Id, 150), (recent.Id, 1) })
                await finance.IntegrationLogHeaders.Where(h => h.Id == id).ExecuteUpdateAsync(u => u.SetProperty(h => h.ExecutionDate, now.AddDays(-daysAgo)));
        }

        CleanupResult result;
        await using (var scope = app.Services.CreateAsyncScope())
            result = await scope.ServiceProvider.GetRequiredService<LogCleanup>().DeleteOlderThanAsync(90);

        (result.Runs, result.Lines).ShouldBe((1, 1));
        await using var after = app.Databases.OpenFinance();
        (await after.IntegrationLogHeaders.Select(h => h.Id).ToListAsync()).ShouldBe([first.Id, second.Id, recent.Id], ignoreOrder: true);
        (await after.IntegrationLogLines.Where(l => l.HeaderId == first.Id).Select(l => l.PsaAccountId).ToListAsync()).ShouldBe([stillFailing.Id]);
        (await after.IntegrationLogLines.Where(l => l.HeaderId == second.Id).Select(l => new { l.PsaAccountId, l.Status }).ToListAsync())
            .Select(l => (l.PsaAccountId, l.Status)).ShouldBe([(fixedLater.Id, IntegrationStatus.Completed)]);
    }

    [Fact]
    public async Task Cleanup_refuses_an_age_out_of_range_by_name()
    {
        await using var app = await PsaBridgeApp.StartAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var error = await Should.ThrowAsync<PsaBridge.Infrastructure.Validation.ValidationFailedException>(
            () => scope.ServiceProvider.GetRequiredService<LogCleanup>().DeleteOlderThanAsync(0));
        error.Errors.Single().ShouldBe(new PsaBridge.Infrastructure.Validation.FieldError("days", "'days' is 0; it must be between 1 and 3650."));
    }
}
