using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PsaBridge.Cli.Infrastructure;
using PsaBridge.Finance;
using PsaBridge.Infrastructure.Storage;
using PsaBridge.Integration.Hosting;
using PsaBridge.Psa;
using Spectre.Console;

namespace PsaBridge.Cli.Commands;

/// <summary><c>psabridge db</c>: create, upgrade and inspect the two databases.</summary>
internal static class DbCommands
{
    public static Command Create() => new("db", "The PSA and finance databases: create, upgrade, inspect.")
    {
        Upgrade(),
        Status(),
    };

    private static Command Upgrade() => new Command("upgrade",
        "Creates or upgrades both databases to the current schema, keeping every row, and loads what every installation " +
        "starts with: countries, states, cities, zip codes, currencies, payment terms, customer groups, the customer number sequence. " +
        "Safe to run again.").Runs(async ctx =>
    {
        var results = await DatabaseSetup.UpgradeAsync(ctx.Services, ctx.Cancellation);
        ctx.Console.Write(Output.Table(results,
            ("System", r => r.System),
            ("Database", r => r.Location),
            ("Applied now", r => r.Applied.Count == 0 ? "nothing: already up to date" : string.Join('\n', r.Applied)),
            ("Schema version", r => r.All.LastOrDefault())));
        await WriteContentsAsync(ctx);
        return ExitCodes.Ok;
    });

    private static Command Status() => new Command("status",
        "Shows where each database is, which schema migrations it has and which are pending, and what it holds.").Runs(async ctx =>
    {
        var rows = new List<SchemaState>();
        await using (var psa = await ctx.Service<IDbContextFactory<PsaDb>>().CreateDbContextAsync(ctx.Cancellation))
            rows.Add(SchemaState.Of("PSA", Location(ctx, PsaServices.DatabaseName), psa));
        await using (var finance = await ctx.Service<IDbContextFactory<FinanceDb>>().CreateDbContextAsync(ctx.Cancellation))
            rows.Add(SchemaState.Of("Finance", Location(ctx, FinanceServices.DatabaseName), finance));
        ctx.Console.Write(Output.Table(rows,
            ("System", r => r.System),
            ("Database", r => r.Location),
            ("Applied", r => r.Applied.Count == 0 ? "none" : string.Join('\n', r.Applied)),
            ("Pending", r => r.Pending.Count == 0 ? "none" : string.Join('\n', r.Pending)),
            ("State", r => r.State)));
        if (rows.All(r => r.Pending.Count == 0)) await WriteContentsAsync(ctx);
        else ctx.Console.WriteLine("Run 'psabridge db upgrade' to apply the pending migrations.");
        return ExitCodes.Ok;
    });

    private static string Location(CommandContext ctx, string system) =>
        ctx.Services.GetRequiredKeyedService<DatabaseLocation>(system).ToString();

    /// <summary>How many rows each table of interest holds: the reference data loaded, and the work done so far.</summary>
    private static async Task WriteContentsAsync(CommandContext ctx)
    {
        var ct = ctx.Cancellation;
        await using var psa = await ctx.Service<IDbContextFactory<PsaDb>>().CreateDbContextAsync(ct);
        await using var finance = await ctx.Service<IDbContextFactory<FinanceDb>>().CreateDbContextAsync(ct);
        var counts = new List<(string System, string What, int Rows)>
        {
            ("PSA", "Accounts", await psa.Accounts.CountAsync(ct)),
            ("Finance", "Countries/regions", await finance.Countries.CountAsync(ct)),
            ("Finance", "States", await finance.States.CountAsync(ct)),
            ("Finance", "Cities", await finance.Cities.CountAsync(ct)),
            ("Finance", "Zip codes", await finance.ZipCodes.CountAsync(ct)),
            ("Finance", "Currencies", await finance.Currencies.CountAsync(ct)),
            ("Finance", "Payment terms", await finance.PaymentTerms.CountAsync(ct)),
            ("Finance", "Customer groups", await finance.CustomerGroups.CountAsync(ct)),
            ("Finance", "Number sequences", await finance.NumberSequences.CountAsync(ct)),
            ("Finance", "Customers", await finance.Customers.CountAsync(ct)),
            ("Finance", "Integration log runs", await finance.IntegrationLogHeaders.CountAsync(ct)),
        };
        ctx.Console.Write(Output.Table(counts, ("System", c => c.System), ("Table", c => c.What), ("Rows", c => c.Rows)));
    }

    private sealed record SchemaState(string System, string Location, IReadOnlyList<string> Applied, IReadOnlyList<string> Pending)
    {
        public string State => Applied.Count == 0 ? "empty: no schema yet"
            : Pending.Count == 0 ? "up to date"
            : $"{Pending.Count} migration(s) pending";

        public static SchemaState Of(string system, string location, DbContext db)
        {
            var applied = SchemaMigrator.Applied(db);
            return new SchemaState(system, location, applied, SchemaMigrator.Known(db).Except(applied).ToList());
        }
    }
}
