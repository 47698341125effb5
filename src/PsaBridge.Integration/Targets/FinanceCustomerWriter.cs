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
    // New customers and log lines, written at flush through the entity bulk path (typed, no row arrays: a million of each in a full run).
    private readonly List<Customer> _customers = [];
    private readonly List<IntegrationLogLine> _lines = [];
    // Updates, failures recorded and failures cleared, as their statements' values: executed at flush, each statement prepared once.
    private readonly List<object?[]> _updates = [], _failures = [], _cleared = [];

    private const string ClearFailureSql = "DELETE FROM \"SyncFailures\" WHERE \"Job\" = @p0 AND \"PsaAccountId\" = @p1";

    /// <summary>One statement on both engines: INSERT … ON CONFLICT DO UPDATE.</summary>
    private const string RecordFailureSql =
        "INSERT INTO \"SyncFailures\" (\"Job\", \"PsaAccountId\", \"PsaVersion\", \"Attempts\", \"FirstFailedAt\", \"LastFailedAt\", \"LastMessages\", \"SetupVersion\") " +
        "VALUES (@p0, @p1, @p2, 1, @p3, @p3, @p4, @p5) ON CONFLICT (\"Job\", \"PsaAccountId\") DO UPDATE SET " +
        "\"PsaVersion\" = excluded.\"PsaVersion\", \"Attempts\" = \"SyncFailures\".\"Attempts\" + 1, \"LastFailedAt\" = excluded.\"LastFailedAt\", " +
        "\"LastMessages\" = excluded.\"LastMessages\", \"SetupVersion\" = excluded.\"SetupVersion\"";

    /// <summary>The columns an update sets: every one but the key (the customer account) and the PSA id it finds the customer by.</summary>
    private static readonly string[] UpdatedColumns =
    [
        "Name", "RelationType", "CustomerGroupId", "Currency", "PaymentTerms", "CreditLimit", "Phone", "Email",
        "AddressStreet", "AddressCity", "AddressState", "AddressCounty", "AddressZipCode", "AddressCountryRegion", "ModifiedAt",
    ];

    /// <summary>Sets every column of <see cref="UpdatedColumns"/> of the customer with the customer account and the PSA id.</summary>
    private static readonly string UpdateCustomerSql =
        $"UPDATE \"Customers\" SET {string.Join(", ", UpdatedColumns.Select((col, i) => $"\"{col}\" = @p{i}"))} " +
        $"WHERE \"CustomerAccount\" = @p{UpdatedColumns.Length} AND \"PsaAccountId\" = @p{UpdatedColumns.Length + 1}";

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

    /// <summary>
    /// Updates a customer found by its PSA account id (buffered, as <see cref="InsertCustomer"/>): that id is the key and does not
    /// change, so it is not set again (SQLite rewrites the index entries of every column an UPDATE sets).
    /// </summary>
    public void UpdateCustomer(Customer c) =>
        // The values in UpdatedColumns order, then the key: the customer account and the PSA id.
        _updates.Add([
            c.Name, c.RelationType.ToString(), c.CustomerGroupId, c.Currency, c.PaymentTerms, c.CreditLimit, c.Phone, c.Email,
            c.Address.Street, c.Address.City, c.Address.State, c.Address.County, c.Address.ZipCode, c.Address.CountryRegion, c.ModifiedAt,
            c.CustomerAccount, c.PsaAccountId,
        ]);

    public void InsertZipCode(NewZipCode zip, DateTime now) => _zips.Add(Guid.NewGuid(), zip.CountryId, zip.Code, zip.StateId, zip.City, now);

    /// <summary>Buffered, as <see cref="InsertCustomer"/>.</summary>
    public void InsertLine(IntegrationLogLine l) => _lines.Add(l);

    /// <summary>Buffered, as <see cref="InsertCustomer"/>: an account of the page whose failure is cleared (it went through).</summary>
    public void ClearFailure(string job, Guid accountId) => _cleared.Add([job, accountId]);

    /// <summary>Buffered, as <see cref="InsertCustomer"/>: the first failure of an account, or one more.</summary>
    public void RecordFailure(string job, Guid accountId, long version, string messages, long setupVersion, DateTime now) =>
        _failures.Add([job, accountId, version, now, messages, setupVersion]);

    public async Task SetWatermarkAsync(string job, long version, DateTime now, CancellationToken ct)
    {
        await using var upsert = new PreparedStatement(_connection, _transaction, _engine,
            "INSERT INTO \"SyncWatermarks\" (\"Job\", \"LastVersion\", \"UpdatedAt\") VALUES (@p0, @p1, @p2) " +
            "ON CONFLICT (\"Job\") DO UPDATE SET \"LastVersion\" = excluded.\"LastVersion\", \"UpdatedAt\" = excluded.\"UpdatedAt\"", 3);
        await upsert.ExecuteAsync(ct, job, version, now);
    }

    public async Task SaveHeaderAsync(IntegrationLogHeader h, CancellationToken ct)
    {
        await using var update = new PreparedStatement(_connection, _transaction, _engine,
            "UPDATE \"IntegrationLogHeaders\" SET \"ReadCount\" = @p1, \"CreatedCount\" = @p2, \"UpdatedCount\" = @p3, \"UnchangedCount\" = @p4, " +
            "\"FailedCount\" = @p5, \"ZipCodesCreatedCount\" = @p6, \"DurationMs\" = @p7 WHERE \"Id\" = @p0", 8);
        await update.ExecuteAsync(ct, h.Id, h.ReadCount, h.CreatedCount, h.UpdatedCount, h.UnchangedCount, h.FailedCount, h.ZipCodesCreatedCount, h.DurationMs);
    }

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
        await Execute(UpdateCustomerSql, UpdatedColumns.Length + 2, _updates, ct);
        await BulkInsert.InsertEntitiesAsync(_db, _lines, ct);
        _lines.Clear();
        await Execute(ClearFailureSql, 2, _cleared, ct);
        await Execute(RecordFailureSql, 6, _failures, ct);
    }

    private async Task Execute(string sql, int parameters, List<object?[]> rows, CancellationToken ct)
    {
        await BulkInsert.ExecuteEachAsync(_connection, _transaction, _engine, sql, parameters, rows, ct);
        rows.Clear();
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
