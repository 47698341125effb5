using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using PsaBridge.Finance;
using PsaBridge.Finance.Customers;
using PsaBridge.Finance.IntegrationLog;
using PsaBridge.Infrastructure.Storage;
using PsaBridge.Integration.CustomerSync;

namespace PsaBridge.Integration.Targets;

/// <summary>
/// Writes one page of the sync into finance in one transaction: customers, created zip codes, log
/// lines, the failure list and the watermark. Prepared statements, no change tracking: this is the
/// bulk path, and it must run near the engine's own speed.
/// </summary>
public sealed class FinanceCustomerWriter : IAsyncDisposable
{
    private readonly FinanceDb _db;
    private readonly IDbContextTransaction _tx;
    private readonly DbConnection _connection;
    private readonly DbTransaction _transaction;
    private readonly DatabaseEngine _engine;
    private readonly BulkInsert _zips;
    // New customers, log lines and first failures, written at flush through the entity bulk path (a million of each in a full run).
    private readonly List<Customer> _customers = [], _updates = [];
    private readonly List<IntegrationLogLine> _lines = [];
    private readonly List<SyncFailure> _newFailures = [], _repeatedFailures = [];
    private readonly List<(string Job, Guid Account)> _cleared = [];

    private FinanceCustomerWriter(FinanceDb db, IDbContextTransaction tx)
    {
        _db = db;
        _tx = tx;
        _connection = db.Database.GetDbConnection();
        _transaction = tx.GetDbTransaction();
        _engine = db.Database.Engine();
        _zips = new BulkInsert(_connection, _transaction, _engine, "ZipCodes", "Id", "CountryId", "Code", "StateId", "City", "CreatedBySyncAt");
    }

    public static async Task<FinanceCustomerWriter> BeginAsync(FinanceDb db, CancellationToken ct) =>
        new(db, await db.Database.BeginTransactionAsync(ct));

    /// <summary>Buffered: new rows (customers, zip codes, log lines) are written together at flush. The customer is not to change meanwhile.</summary>
    public void InsertCustomer(Customer c) => _customers.Add(c);

    /// <summary>Updates a customer found by its customer account and PSA account id (buffered, as <see cref="InsertCustomer"/>).</summary>
    public void UpdateCustomer(Customer c) => _updates.Add(c);

    public void InsertZipCode(NewZipCode zip, DateTime now) => _zips.Add(Guid.NewGuid(), zip.CountryId, zip.Code, zip.StateId, zip.City, now);

    /// <summary>Buffered, as <see cref="InsertCustomer"/>.</summary>
    public void InsertLine(IntegrationLogLine l) => _lines.Add(l);

    /// <summary>Buffered, as <see cref="InsertCustomer"/>: an account of the page whose failure is cleared (it went through).</summary>
    public void ClearFailure(string job, Guid accountId) => _cleared.Add((job, accountId));

    /// <summary>
    /// Buffered, as <see cref="InsertCustomer"/>: the first failure of an account, or one more when <paramref name="recordedBefore"/>
    /// (its failure row exists: the page's lookup found it, or this run recorded it).
    /// </summary>
    public void RecordFailure(string job, Guid accountId, long version, string messages, long setupVersion, DateTime now, bool recordedBefore) =>
        (recordedBefore ? _repeatedFailures : _newFailures).Add(new SyncFailure
        {
            Job = job, PsaAccountId = accountId, PsaVersion = version, Attempts = 1, FirstFailedAt = now, LastFailedAt = now,
            LastMessages = messages, SetupVersion = setupVersion,
        });

    public async Task SetWatermarkAsync(string job, long version, DateTime now, CancellationToken ct) =>
        await _db.Database.ExecuteSqlAsync(
            $"INSERT INTO \"SyncWatermarks\" (\"Job\", \"LastVersion\", \"UpdatedAt\") VALUES ({job}, {version}, {now}) ON CONFLICT (\"Job\") DO UPDATE SET \"LastVersion\" = excluded.\"LastVersion\", \"UpdatedAt\" = excluded.\"UpdatedAt\"", ct);

    public async Task SaveHeaderAsync(IntegrationLogHeader h, CancellationToken ct) =>
        await _db.IntegrationLogHeaders.Where(x => x.Id == h.Id).ExecuteUpdateAsync(s => s
            .SetProperty(x => x.ReadCount, h.ReadCount).SetProperty(x => x.CreatedCount, h.CreatedCount).SetProperty(x => x.UpdatedCount, h.UpdatedCount)
            .SetProperty(x => x.UnchangedCount, h.UnchangedCount).SetProperty(x => x.FailedCount, h.FailedCount)
            .SetProperty(x => x.ZipCodesCreatedCount, h.ZipCodesCreatedCount).SetProperty(x => x.DurationMs, h.DurationMs), ct);

    /// <summary>
    /// Writes what is buffered (zip codes, customers new and updated, log lines, failures recorded and cleared); <see cref="CommitAsync"/>
    /// does too, for what is left. A page holds an account once; were it ever to hold one twice, failures are cleared before
    /// they are recorded, the order the page planned them in for any one account that failed after going through.
    /// </summary>
    public async Task FlushAsync(CancellationToken ct)
    {
        await _zips.FlushAsync(ct);
        await BulkInsert.InsertEntitiesAsync(_db, _customers, ct);
        _customers.Clear();
        foreach (var c in _updates)
            await _db.Customers.Where(x => x.CustomerAccount == c.CustomerAccount && x.PsaAccountId == c.PsaAccountId).ExecuteUpdateAsync(s => s
                .SetProperty(x => x.Name, c.Name).SetProperty(x => x.RelationType, c.RelationType).SetProperty(x => x.CustomerGroupId, c.CustomerGroupId)
                .SetProperty(x => x.Currency, c.Currency).SetProperty(x => x.PaymentTerms, c.PaymentTerms).SetProperty(x => x.CreditLimit, c.CreditLimit)
                .SetProperty(x => x.Phone, c.Phone).SetProperty(x => x.Email, c.Email).SetProperty(x => x.Address.Street, c.Address.Street)
                .SetProperty(x => x.Address.City, c.Address.City).SetProperty(x => x.Address.State, c.Address.State)
                .SetProperty(x => x.Address.County, c.Address.County).SetProperty(x => x.Address.ZipCode, c.Address.ZipCode)
                .SetProperty(x => x.Address.CountryRegion, c.Address.CountryRegion).SetProperty(x => x.ModifiedAt, c.ModifiedAt), ct);
        _updates.Clear();
        await BulkInsert.InsertEntitiesAsync(_db, _lines, ct);
        _lines.Clear();
        foreach (var job in _cleared.Select(c => c.Job).Distinct())
        {
            var accounts = _cleared.Where(c => c.Job == job).Select(c => c.Account).ToArray();
            await _db.SyncFailures.Where(f => f.Job == job && EF.Parameter(accounts).Contains(f.PsaAccountId)).ExecuteDeleteAsync(ct);
        }
        _cleared.Clear();
        foreach (var f in _repeatedFailures)
        {
            var updated = await _db.SyncFailures.Where(x => x.Job == f.Job && x.PsaAccountId == f.PsaAccountId).ExecuteUpdateAsync(s => s
                .SetProperty(x => x.PsaVersion, f.PsaVersion).SetProperty(x => x.Attempts, x => x.Attempts + 1).SetProperty(x => x.LastFailedAt, f.LastFailedAt)
                .SetProperty(x => x.LastMessages, f.LastMessages).SetProperty(x => x.SetupVersion, f.SetupVersion), ct);
            if (updated == 0) _newFailures.Add(f); // cleared meanwhile: a first failure again
        }
        _repeatedFailures.Clear();
        await BulkInsert.InsertEntitiesAsync(_db, _newFailures, ct);
        _newFailures.Clear();
    }

    public async Task CommitAsync(CancellationToken ct)
    {
        await FlushAsync(ct);
        await _tx.CommitAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _tx.DisposeAsync();
        _db.ChangeTracker.Clear();
    }
}
