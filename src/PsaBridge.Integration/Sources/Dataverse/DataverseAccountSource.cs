using PsaBridge.Integration.Dynamics;

namespace PsaBridge.Integration.Sources.Dataverse;

/// <summary>
/// PSA accounts read from a Dataverse environment, as the customer sync's source (<c>PsaBridge:CustomerSync:Source =
/// Dataverse</c>): the accounts after the committed watermark (a version number) in version order, so a run that stops
/// resumes after its last committed page. <see cref="ReadPageAsync"/> reads by change tracking instead, where a position
/// is a link Dataverse gave (a next link, then a delta link), read in full again when Dataverse says the token expired.
/// </summary>
public sealed class DataverseAccountSource(DataverseClient client) : IPsaAccountSource, ITrackedAccountSource
{
    private Dictionary<Guid, string> _currencies = [];

    /// <summary>Set when the last read started again in full because the delta link had expired (said in the run's log header).</summary>
    public bool ReadAgainInFull { get; private set; }

    public bool Tracking => client.ChangeTracking;

    public async Task<SourcePage> ReadPageAsync(string? position, int pageSize, CancellationToken ct)
    {
        var size = client.PageSize(pageSize);
        DataversePage page;
        var again = false;
        try
        {
            page = await client.AccountsPageAsync(position ?? client.InitialAccountsUrl, size, ct);
        }
        catch (ChangeTrackingExpiredException) when (position is not null)
        {
            ReadAgainInFull = again = true;
            page = await client.AccountsPageAsync(client.InitialAccountsUrl, size, ct);
        }
        var accounts = await RecordsAsync(page.Rows, ct);
        return new SourcePage(accounts, page.NextLink ?? page.DeltaLink, More: page.NextLink is not null, again);
    }

    public async Task<IReadOnlyList<PsaAccountRecord>> ReadChangedAsync(long afterVersion, int pageSize, CancellationToken ct) =>
        await RecordsAsync(await client.AccountsAfterAsync(afterVersion, client.PageSize(pageSize), ct), ct);

    /// <summary>The changed accounts for the run's progress; Dataverse counts at most 5,000, so a larger run's total grows as it reads.</summary>
    public Task<int> CountChangedAsync(long afterVersion, CancellationToken ct) => client.CountAfterAsync(afterVersion, ct);

    public async Task<IReadOnlyList<PsaAccountRecord>> ReadByIdsAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
        ids.Count == 0 ? [] : (await RecordsAsync(await client.AccountsByIdAsync(ids, ct), ct)).OrderBy(a => a.Version).ToList();

    private async Task<List<PsaAccountRecord>> RecordsAsync(IReadOnlyList<System.Text.Json.JsonElement> rows, CancellationToken ct)
    {
        var records = new List<PsaAccountRecord>(rows.Count);
        foreach (var row in rows)
        {
            // A deleted account ($deletedEntity) has no version: a customer is never deleted by the sync.
            if (!row.TryGetProperty(AccountMap.VersionNumber, out _)) continue;
            if (row.TryGetProperty(AccountMap.TransactionCurrency, out var c) && c.ValueKind == System.Text.Json.JsonValueKind.String
                && !_currencies.ContainsKey(c.GetGuid()))
                _currencies = await client.CurrencyCodesAsync(ct); // a currency first seen: the table is read again
            records.Add(AccountMap.ToRecord(row, _currencies));
        }
        return records;
    }
}
