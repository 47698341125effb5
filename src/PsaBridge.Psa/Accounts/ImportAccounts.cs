using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.EntityFrameworkCore;
using PsaBridge.Infrastructure.Storage;
using PsaBridge.Psa.Versioning;

namespace PsaBridge.Psa.Accounts;

public enum ImportRowStatus { Imported, Error }

public sealed record ImportRowResult(int Row, ImportRowStatus Status, Guid? AccountId, string? Name, IReadOnlyList<string> Messages);

public sealed record ImportReport(int Rows, int Imported, int Failed, IReadOnlyList<ImportRowResult> Lines);

/// <summary>
/// Bulk import of accounts from CSV (header row; columns named as the JSON fields, address columns
/// as <c>line1</c>…<c>country</c>). A bad row fails alone; good rows are written in batches of 1,000,
/// each batch in one transaction with one block of version numbers.
/// </summary>
public sealed class ImportAccounts(PsaDb db, TimeProvider clock)
{
    public const int BatchSize = 1_000;

    private static readonly string[] Columns =
        ["id", "name", "accountNumber", "currency", "telephone1", "emailAddress1", "line1", "line2", "line3", "city",
         "stateOrProvince", "postalCode", "country", "creditLimit", "paymentTerms"];

    public async Task<ImportReport> RunAsync(TextReader csv, IProgress<int>? progress = null, CancellationToken ct = default)
    {
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            PrepareHeaderForMatch = a => a.Header.Trim().ToLowerInvariant(), MissingFieldFound = null, BadDataFound = null,
            DetectDelimiter = true,
        };
        using var reader = new CsvReader(csv, config);
        var lines = new List<ImportRowResult>();
        if (!await reader.ReadAsync() || !reader.ReadHeader())
            return new ImportReport(0, 0, 0, [new ImportRowResult(1, ImportRowStatus.Error, null, null, ["The file is empty: a header row is expected."])]);
        var header = reader.HeaderRecord!.Select(h => h.Trim().ToLowerInvariant()).ToHashSet();
        var unknown = header.Where(h => !Columns.Any(c => c.Equals(h, StringComparison.OrdinalIgnoreCase))).ToList();
        if (!header.Contains("name") || unknown.Count > 0)
        {
            var message = !header.Contains("name") ? "The header has no 'name' column." : $"Unknown columns: {string.Join(", ", unknown)}. Known: {string.Join(", ", Columns)}.";
            return new ImportReport(0, 0, 0, [new ImportRowResult(1, ImportRowStatus.Error, null, null, [message])]);
        }

        var batch = new List<(int Row, Account Account)>();
        var seen = new HashSet<Guid>();
        var rows = 0;
        while (await reader.ReadAsync())
        {
            rows++;
            var row = reader.Parser.Row;
            string? Field(string name) => header.Contains(name.ToLowerInvariant()) ? reader.GetField(name.ToLowerInvariant()) : null;
            var messages = new List<string>();
            decimal? credit = null;
            var creditText = Field("creditLimit");
            if (!string.IsNullOrWhiteSpace(creditText))
            {
                if (decimal.TryParse(creditText, NumberStyles.Number, CultureInfo.InvariantCulture, out var value)) credit = value;
                else messages.Add($"creditLimit: '{creditText}' is not a number.");
            }
            Guid? id = null;
            var idText = Field("id");
            if (!string.IsNullOrWhiteSpace(idText))
            {
                if (Guid.TryParse(idText, out var g)) id = g;
                else messages.Add($"id: '{idText}' is not a GUID.");
            }
            var input = new AccountInput(Field("name"), Field("accountNumber"), Field("currency"), Field("telephone1"), Field("emailAddress1"),
                new AddressInput(Field("line1"), Field("line2"), Field("line3"), Field("city"), Field("stateOrProvince"), Field("postalCode"), Field("country")),
                credit, Field("paymentTerms"));
            messages.AddRange(input.Validate().Errors.Select(e => $"{e.Field}: {e.Message}"));
            if (id is { } dup && !seen.Add(dup)) messages.Add($"id: '{dup}' appears twice in the file.");
            if (messages.Count > 0)
            {
                lines.Add(new ImportRowResult(row, ImportRowStatus.Error, id, input.Name, messages));
                continue;
            }
            var now = clock.GetUtcNow().UtcDateTime;
            var account = new Account { Id = id ?? Ids.New(), Name = "", CreatedOn = now, ModifiedOn = now };
            input.ApplyTo(account);
            batch.Add((row, account));
            if (batch.Count == BatchSize) { await FlushAsync(batch, lines, ct); progress?.Report(rows); }
        }
        await FlushAsync(batch, lines, ct);
        progress?.Report(rows);
        lines.Sort((a, b) => a.Row.CompareTo(b.Row));
        var imported = lines.Count(l => l.Status == ImportRowStatus.Imported);
        return new ImportReport(rows, imported, rows - imported, lines);
    }

    private async Task FlushAsync(List<(int Row, Account Account)> batch, List<ImportRowResult> lines, CancellationToken ct)
    {
        if (batch.Count == 0) return;
        var ids = batch.Select(b => b.Account.Id).ToList();
        var existing = (await db.Accounts.Where(a => ids.Contains(a.Id)).Select(a => a.Id).ToListAsync(ct)).ToHashSet();
        var fresh = new List<(int Row, Account Account)>();
        foreach (var item in batch)
        {
            if (existing.Contains(item.Account.Id))
                lines.Add(new ImportRowResult(item.Row, ImportRowStatus.Error, item.Account.Id, item.Account.Name, [$"id: account '{item.Account.Id}' already exists."]));
            else fresh.Add(item);
        }
        if (fresh.Count > 0)
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var first = await Versions.TakeAsync(db, fresh.Count, ct);
            for (var i = 0; i < fresh.Count; i++) fresh[i].Account.VersionNumber = first + i;
            db.Accounts.AddRange(fresh.Select(f => f.Account));
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            db.ChangeTracker.Clear();
            lines.AddRange(fresh.Select(f => new ImportRowResult(f.Row, ImportRowStatus.Imported, f.Account.Id, f.Account.Name, [])));
        }
        batch.Clear();
    }
}
