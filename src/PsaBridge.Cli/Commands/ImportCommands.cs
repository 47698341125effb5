using System.CommandLine;
using PsaBridge.Cli.Infrastructure;
using PsaBridge.Finance.AddressSetup;
using PsaBridge.Psa.Accounts;
using Spectre.Console;

namespace PsaBridge.Cli.Commands;

/// <summary>
/// <c>psabridge import</c>: bulk loads from CSV with a progress bar. A bad row fails alone and is
/// listed with its messages; good rows are stored in batches.
/// </summary>
internal static class ImportCommands
{
    public static Command Create() => new("import", "Bulk imports from CSV files (UTF-8, a header row; comma, semicolon or tab separated).")
    {
        AddressData(),
        Accounts(),
    };

    private static Argument<FileInfo> FileArgument(string what) => new Argument<FileInfo>("FILE") { Description = $"The CSV file of {what}." }.AcceptExistingOnly();

    private static Command AddressData()
    {
        var file = FileArgument("cities and zip codes");
        var command = new Command("address-data",
            "Imports cities and zip codes into the finance address setup. Columns: country,state,city[,zip]. " +
            "Country by ISO alpha-2, alpha-3 or name; state by code or name. Cities and zip codes that exist are skipped; " +
            "countries and states are never created (they come from ISO reference data).") { file };
        command.Aliases.Add("cities");
        command.Aliases.Add("zip-codes");
        return command.Runs(async ctx =>
        {
            var csv = ctx.Value(file);
            var result = await ctx.Console.WithProgressAsync($"Importing {csv.Name}", CountDataRows(csv), async bar =>
            {
                using var reader = csv.OpenText();
                return await ctx.Service<ImportAddressData>().ImportAsync(reader, new InlineProgress<int>(rows => bar.Report(rows)), ctx.Cancellation);
            });
            await ctx.AuditAsync("ImportAddressData", "City", "", $"{csv.Name}: {result.CitiesCreated} cities, {result.ZipCodesCreated} zip codes created");
            ctx.Console.WriteFields($"Import of {csv.Name}",
                ("Rows read", result.RowsRead),
                ("Imported", result.Imported),
                ("Skipped (already there)", result.Skipped),
                ("Errors", result.Errors),
                ("Cities created", result.CitiesCreated),
                ("Zip codes created", result.ZipCodesCreated));
            var errors = result.Rows.Where(r => r.Status == AddressImportStatus.Error).ToList();
            if (errors.Count == 0) return ExitCodes.Ok;
            ctx.Console.WriteLine($"Rows in error ({errors.Count}); nothing of them was stored:");
            ctx.Console.Write(Output.Table(errors, ("Row", r => r.RowNumber), ("Message", r => r.Message)));
            return ExitCodes.CompletedWithErrors;
        });
    }

    private static Command Accounts()
    {
        var file = FileArgument("accounts");
        var command = new Command("accounts",
            "Imports PSA accounts. Columns, named as the API's fields: name (required), id, accountNumber, currency, telephone1, " +
            "emailAddress1, line1, line2, line3, city, stateOrProvince, postalCode, country, creditLimit, paymentTerms.") { file };
        return command.Runs(async ctx =>
        {
            var csv = ctx.Value(file);
            var report = await ctx.Console.WithProgressAsync($"Importing {csv.Name}", CountDataRows(csv), async bar =>
            {
                using var reader = csv.OpenText();
                return await ctx.Service<ImportAccounts>().RunAsync(reader, new InlineProgress<int>(rows => bar.Report(rows)), ctx.Cancellation);
            });
            var errors = report.Lines.Where(l => l.Status == ImportRowStatus.Error).ToList();
            if (report.Rows == 0 && errors.Count > 0)
            {
                // The file itself is unusable (empty, no name column, unknown columns): nothing was read.
                foreach (var message in errors.SelectMany(e => e.Messages)) await ctx.Error.WriteLineAsync($"error: {csv.Name}: {message}");
                return ExitCodes.Failed;
            }
            await ctx.AuditAsync("ImportAccounts", "Account", "", $"{csv.Name}: {report.Imported} imported, {report.Failed} in error");
            ctx.Console.WriteFields($"Import of {csv.Name}",
                ("Rows read", report.Rows),
                ("Imported", report.Imported),
                ("Errors", report.Failed));
            if (errors.Count == 0) return ExitCodes.Ok;
            ctx.Console.WriteLine($"Rows in error ({errors.Count}); none of them was stored:");
            ctx.Console.Write(Output.Table(errors, ("Row", e => e.Row), ("Name", e => e.Name), ("Messages", e => e.Messages)));
            return ExitCodes.CompletedWithErrors;
        });
    }

    /// <summary>The rows to expect, for the progress bar: the non-blank lines after the header.</summary>
    private static int CountDataRows(FileInfo file) => Math.Max(0, File.ReadLines(file.FullName).Count(l => l.Length > 0) - 1);
}
