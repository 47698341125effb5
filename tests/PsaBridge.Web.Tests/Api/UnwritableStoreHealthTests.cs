using System.Diagnostics;
using System.Net;
using Npgsql;
using PsaBridge.Infrastructure.Storage;
using PsaBridge.Testing;

namespace PsaBridge.Web.Tests.Api;

/// <summary>
/// Issue 21, fault 3: <c>/health</c> answers 503 for a store that still answers queries but no longer takes writes. On
/// SQLite the finance file is made immutable (as root, file modes do not stop a write); on PostgreSQL its database is
/// made read-only, as a provider does when the disk is full.
/// </summary>
[Trait("Engine", "Both")]
public sealed class UnwritableStoreHealthTests
{
    [Fact]
    public async Task A_finance_store_that_takes_no_writes_makes_health_answer_503_naming_it()
    {
        await using var app = await PsaBridgeApp.StartAsync();
        var client = app.CreateAnonymousClient();
        (await client.GetAsync("/health")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var finance = app.Databases.Finance;
        await using (await MakeReadOnlyAsync(finance))
        {
            var response = await client.GetAsync("/health");
            response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
            var body = await response.JsonAsync();
            (body.GetProperty("status").GetString(), body.GetProperty("psa").GetString()).ShouldBe(("Unhealthy", "Healthy"));
            body.GetProperty("finance").GetString()!.ShouldStartWith("Unhealthy: ");
        }

        (await client.GetAsync("/health")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    /// <summary>Makes the store refuse writes until the result is disposed.</summary>
    private static async Task<IAsyncDisposable> MakeReadOnlyAsync(DatabaseLocation store)
    {
        if (store.Engine == DatabaseEngine.Sqlite)
        {
            var path = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(store.ConnectionString).DataSource;
            Chattr("+i", path);
            return new Undo(() => { Chattr("-i", path); return Task.CompletedTask; });
        }
        var database = new NpgsqlConnectionStringBuilder(store.ConnectionString).Database!;
        await AlterAsync(database, "on");
        return new Undo(() => AlterAsync(database, "off"));
    }

    private static async Task AlterAsync(string database, string readOnly)
    {
        await using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(TestDatabases.PostgresServer) { Database = "postgres" }.ConnectionString);
        await admin.OpenAsync();
        await using var alter = new NpgsqlCommand($"ALTER DATABASE \"{database}\" SET default_transaction_read_only = {readOnly}", admin);
        await alter.ExecuteNonQueryAsync();
        // The setting applies to new sessions: the pool's open ones are let go.
        NpgsqlConnection.ClearAllPools();
    }

    private static void Chattr(string flag, string path)
    {
        using var chattr = Process.Start(new ProcessStartInfo("chattr", [flag, path]) { RedirectStandardError = true })!;
        chattr.WaitForExit();
        chattr.ExitCode.ShouldBe(0, $"chattr {flag} {path}: {chattr.StandardError.ReadToEnd()}");
    }

    private sealed class Undo(Func<Task> undo) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await undo();
    }
}
