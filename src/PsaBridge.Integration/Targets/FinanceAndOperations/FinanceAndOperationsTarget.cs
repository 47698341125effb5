using System.Text.Json;
using PsaBridge.Finance.Customers;
using PsaBridge.Finance.IntegrationLog;
using PsaBridge.Integration.CustomerSync;
using PsaBridge.Integration.Dynamics;
using PsaBridge.Integration.Sources;

namespace PsaBridge.Integration.Targets.FinanceAndOperations;

/// <summary>
/// A Finance and Operations environment as the customer sync's target (<c>PsaBridge:CustomerSync:Target=FinanceAndOperations</c>):
/// the rules check against F&amp;O's reference data, customers are found by the PSA key they carry
/// (<see cref="CustomerMap.PsaKey"/>) and written into <c>CustomersV3</c> of the legal entity, numbered by F&amp;O's own
/// sequence when the PSA account has no number. The lease, integration log, failures, intents and watermark stay in the
/// finance database (<see cref="FinanceCustomerTarget"/>). F&amp;O's setup has no version PsaBridge can read, so every run
/// counts as a new setup: failed accounts are tried again by every run.
/// </summary>
public sealed class FinanceAndOperationsTarget(
    FinanceCustomerTarget local,
    FinanceAndOperationsClient client,
    SyncIntentLedger intents,
    Microsoft.Extensions.Options.IOptions<FinanceAndOperationsOptions> options,
    TimeProvider clock) : ICustomerTarget
{
    // F&O has no "in": a lookup is an "or" of keys, a few dozen a request so the URL stays short.
    private const int KeysPerRequest = 40;
    private int _pages;

    public async Task<string> StartRunAsync(IntegrationLogHeader header, CancellationToken ct)
    {
        var owner = await local.StartRunAsync(header, ct);
        try
        {
            // Holding the lease: intents left by a run that died are no other run's writes in flight.
            await intents.ReconcileAsync(keys => FindByPsaKeysAsync(keys, ct), ct);
        }
        catch (Exception e)
        {
            header.Status = IntegrationStatus.Error;
            header.FinishedAt = clock.GetUtcNow().UtcDateTime;
            header.Message = RunMessages.Stopped(e, false);
            await local.FinishRunAsync(header, owner);
            throw;
        }
        return owner;
    }

    public Task<bool> KeepRunAliveAsync(string leaseOwner, CancellationToken ct) => local.KeepRunAliveAsync(leaseOwner, ct);

    public Task FinishRunAsync(IntegrationLogHeader header, string leaseOwner) => local.FinishRunAsync(header, leaseOwner);

    public async Task<TargetStart> ReadStartAsync(bool full, CancellationToken ct)
    {
        var start = await local.ReadStartAsync(full, ct);
        return start with { SetupVersion = clock.GetUtcNow().UtcTicks, Numbering = null, NumbersOnWrite = true };
    }

    public async Task<RunReference> ReferenceAsync(TargetStart start, bool dryRun, CancellationToken ct) =>
        new(await FinanceAndOperationsReference.LoadAsync(client, ct), []);

    public Task KeepReferenceAsync(RunReference reference, TargetStart start, CancellationToken ct) => Task.CompletedTask;

    public Task PrefetchAsync(RunReference reference, IReadOnlyList<PsaAccountRecord> page, CancellationToken ct) =>
        FinanceAndOperationsReference.PrefetchAsync(client, reference.Reference, reference.LoadedCountries, page, ct);

    public Task<List<Guid>> FailedAccountsAsync(long? setupVersion, CancellationToken ct) => local.FailedAccountsAsync(setupVersion, ct);

    public Task ForgetFailuresAsync(IReadOnlyCollection<Guid> accounts, CancellationToken ct) => local.ForgetFailuresAsync(accounts, ct);

    public Task<int> CountWaitingFailuresAsync(long setupVersion, DateTime before, CancellationToken ct) => local.CountWaitingFailuresAsync(setupVersion, before, ct);

    public async Task<FoundInFinance> FindAsync(IReadOnlyList<PsaAccountRecord> page, IReadOnlyCollection<string> numbers, bool failures, int afterPages,
        CancellationToken ct)
    {
        // Both lookups go out together; the HTTP client holds them to the connection's concurrent requests.
        var byPsaIdTask = FindByPsaKeysAsync(page.Select(a => a.Id).ToList(), ct);
        var byNumberTask = ReadByAsync(CustomerMap.CustomerAccount, numbers.Where(n => !n.Contains('*')).ToList(), ct);
        var byPsaId = await byPsaIdTask;
        var byNumber = new Dictionary<string, CustomerHolder>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in await byNumberTask)
        {
            var c = CustomerMap.FromRow(row);
            byNumber.TryAdd(c.CustomerAccount, new CustomerHolder(c.Name, c.PsaAccountId));
        }
        // F&O reads '*' inside an eq filter as a wildcard and documents no escape for it: such a number is read by its key,
        // and only a customer holding exactly that number counts (whether a key read matches '*' too is not documented).
        foreach (var number in numbers.Where(n => n.Contains('*')))
            if (await client.ReadByKeyAsync(CustomerMap.EntitySet, [(CustomerMap.DataAreaId, client.LegalEntity), (CustomerMap.CustomerAccount, number)],
                    string.Join(',', CustomerMap.SyncSelect), ct) is { } row
                && CustomerMap.FromRow(row) is var c && string.Equals(c.CustomerAccount, number, StringComparison.OrdinalIgnoreCase))
                byNumber.TryAdd(c.CustomerAccount, new CustomerHolder(c.Name, c.PsaAccountId));
        return new FoundInFinance(byPsaId, byNumber, failures ? await local.FailedAmongAsync(page, ct) : [], afterPages);
    }

    /// <summary>The legal entity's customers that carry these PSA accounts' keys.</summary>
    public async Task<Dictionary<Guid, Customer>> FindByPsaKeysAsync(IReadOnlyList<Guid> accounts, CancellationToken ct)
    {
        var found = new Dictionary<Guid, Customer>();
        foreach (var row in await ReadByAsync(CustomerMap.PsaKey, accounts.Select(a => a.ToString()).ToList(), ct))
            if (CustomerMap.FromRow(row) is { PsaAccountId: { } id } customer) found.TryAdd(id, customer);
        return found;
    }

    private async Task<List<JsonElement>> ReadByAsync(string property, IReadOnlyList<string> values, CancellationToken ct)
    {
        var rows = new List<JsonElement>();
        var company = $"{CustomerMap.DataAreaId} eq '{client.LegalEntity.Replace("'", "''")}'";
        var requests = values.Chunk(KeysPerRequest).Select(chunk => client.ReadAllAsync(CustomerMap.EntitySet,
            $"{company} and ({string.Join(" or ", chunk.Select(v => $"{property} eq '{v.Replace("'", "''")}'"))})", string.Join(',', CustomerMap.SyncSelect), ct));
        foreach (var answer in await Task.WhenAll(requests)) rows.AddRange(answer);
        return rows;
    }

    public async Task<ICustomerPageWrite> BeginPageAsync(string leaseOwner, CancellationToken ct) =>
        new FinanceAndOperationsPageWrite(await local.BeginLogPageAsync(leaseOwner, ct), client, intents, options.Value, ++_pages);
}
