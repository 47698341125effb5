using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using PsaBridge.Finance;
using PsaBridge.Infrastructure.Storage;
using PsaBridge.Integration.CustomerSync;
using PsaBridge.Psa.Actuals;
using PsaBridge.Psa.Invoicing;
using PsaBridge.Psa.Tests.Actuals;
using PsaBridge.Psa.Time;
using PsaBridge.Testing;

namespace PsaBridge.Psa.Tests.Schema;

/// <summary>
/// The migrations that store SQLite's GUIDs as 16 bytes instead of EF's text: a database with GUIDs as text (made by
/// stepping a filled one back below them) is upgraded in place, every row kept and every reference still joined.
/// On SQLite whichever engine the run is for: PostgreSQL's uuid columns are not touched by them.
/// </summary>
public sealed class GuidBytesMigrationTests
{
    private const string PsaBefore = "20261122000002_ProjectAccounting";
    private const string FinanceBefore = "20261122000003_SetupVersion";

    [Fact]
    public async Task A_database_with_GUIDs_as_text_is_upgraded_to_bytes_keeping_every_row_and_reference()
    {
        DatabaseLocation psa, finance;
        Guid entry;
        await using (var world = await PostingWorld.SubmittedAsync(12, DatabaseEngine.Sqlite))
        {
            // Actuals, journal lines, origins and connections; an invoice with its lines and details; customers and the log.
            (await world.Get<TimeEntryService>().ApproveTimeEntries(world.A)).Approved.ShouldBe(12);
            var invoice = await world.Get<InvoiceService>().CreateDraftAsync(new InvoiceInput(world.Alpine.Contract, new DateOnly(2019, 1, 31)));
            await world.Get<InvoiceService>().ConfirmAsync(invoice.Id);
            (await world.App.Service<SynchronizeCustomers>().RunAsync(new SyncRequest())).Header.CreatedCount.ShouldBeGreaterThan(0);
            (psa, finance, entry) = (world.App.Databases.Psa, world.App.Databases.Finance, world.A[0]);
        }
        SqliteConnection.ClearAllPools();
        var psaRows = Rows(psa, TestDatabases.OpenPsa);
        var financeRows = Rows(finance, TestDatabases.OpenFinance);
        psaRows.Count(r => r.StartsWith("Actual ", StringComparison.Ordinal)).ShouldBe(24 + 24); // cost and unbilled sales of 12 entries; billed sales and the unbilled reversed on confirming
        financeRows.Count(r => r.StartsWith("IntegrationLogLine ", StringComparison.Ordinal)).ShouldBeGreaterThan(0);
        var joined = OriginsJoinedToTheirEntry(psa, entry);
        joined.ShouldBeGreaterThan(0);

        // Back to text: what the migration meets in a database made before it.
        using (var db = TestDatabases.OpenPsa(psa)) db.GetService<IMigrator>().Migrate(PsaBefore);
        using (var db = TestDatabases.OpenFinance(finance)) db.GetService<IMigrator>().Migrate(FinanceBefore);
        StoredAs(psa, Migrations.GuidBytes.Tables).ShouldBe("text");
        StoredAs(finance, Finance.Migrations.GuidBytes.Tables).ShouldBe("text");
        Scalar(psa, "SELECT \"Id\" FROM \"TimeEntries\" WHERE \"Id\" = @p0", entry.ToString("D").ToUpperInvariant()).ShouldNotBeNull(); // EF's own text
        // Text that spells no GUID (a reference without a foreign key, so nothing else refuses it) is kept, not cleared.
        var customer = (string)Scalar(finance, "SELECT \"CustomerAccount\" FROM \"Customers\" WHERE \"PsaAccountId\" IS NOT NULL ORDER BY 1 LIMIT 1")!;
        var itsAccount = (string)Scalar(finance, "SELECT \"PsaAccountId\" FROM \"Customers\" WHERE \"CustomerAccount\" = @p0", customer)!;
        Scalar(finance, "UPDATE \"Customers\" SET \"PsaAccountId\" = '{' || \"PsaAccountId\" || '}' WHERE \"CustomerAccount\" = @p0", customer);

        // Later migrations follow these two; each is stepped down and up again here too.
        using (var db = TestDatabases.OpenPsa(psa)) SchemaMigrator.Upgrade(db).Take(2).ShouldBe(["20261202000003_GuidBytes", "20261202000004_OriginsByTransactionOnly"]);
        using (var db = TestDatabases.OpenFinance(finance)) SchemaMigrator.Upgrade(db).Take(2).ShouldBe(["20261202000004_GuidBytes", "20261202000005_LogLinesByPsaAccount"]);
        Scalar(finance, "SELECT \"PsaAccountId\" FROM \"Customers\" WHERE \"CustomerAccount\" = @p0", customer).ShouldBe("{" + itsAccount + "}");
        Scalar(finance, "UPDATE \"Customers\" SET \"PsaAccountId\" = @p0 WHERE \"CustomerAccount\" = @p1", SqliteValues.GuidBytes(Guid.Parse(itsAccount)), customer);
        StoredAs(psa, Migrations.GuidBytes.Tables).ShouldBe("blob");
        StoredAs(finance, Finance.Migrations.GuidBytes.Tables).ShouldBe("blob");
        Scalar(psa, "SELECT count(*) FROM pragma_foreign_key_check").ShouldBe(0L);
        Scalar(finance, "SELECT count(*) FROM pragma_foreign_key_check").ShouldBe(0L);

        // Every row of every table reads back through EF as it read before, and the keys still join.
        Rows(psa, TestDatabases.OpenPsa).ShouldBe(psaRows);
        Rows(finance, TestDatabases.OpenFinance).ShouldBe(financeRows);
        OriginsJoinedToTheirEntry(psa, entry).ShouldBe(joined);
    }

    /// <summary>The entry's origins found by joining the origins to the time entries on the GUID key, in SQL.</summary>
    private static int OriginsJoinedToTheirEntry(DatabaseLocation psa, Guid entry)
    {
        using var db = TestDatabases.OpenPsa(psa);
        return db.Set<TransactionOrigin>().Count(o => db.Set<TimeEntry>().Any(e => e.Id == o.OriginId) && o.OriginId == entry);
    }

    /// <summary>Every row of every entity of the model as "Entity {json}", sorted: the database's content as EF reads it.</summary>
    private static List<string> Rows<T>(DatabaseLocation location, Func<DatabaseLocation, T> open) where T : DbContext
    {
        using var db = open(location);
        db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.NoTracking;
        var rows = new List<string>();
        // Tables of later migrations go with the step down; what they held cannot come back with the step up.
        foreach (var entity in db.Model.GetEntityTypes().Where(e => !e.IsOwned() && !PsaTablesAddedLater.Contains(e.GetTableName()!) && !MadeAfter(e.GetTableName())))
        {
            var set = (IQueryable<object>)typeof(DbContext).GetMethod(nameof(DbContext.Set), Type.EmptyTypes)!.MakeGenericMethod(entity.ClrType).Invoke(db, null)!;
            var table = entity.GetTableName()!;
            rows.AddRange(set.AsEnumerable().Select(r => $"{entity.ClrType.Name} {WithoutLaterColumns(table, JsonSerializer.SerializeToNode(r, entity.ClrType)!)}"));
        }
        return rows.Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>The row without the columns later migrations added to its table: the step down drops them with their values.</summary>
    private static string WithoutLaterColumns(string table, JsonNode row)
    {
        foreach (var column in PsaAddedLater.Where(c => c.StartsWith(table + ".", StringComparison.Ordinal)))
            row.AsObject().Remove(column[(table.Length + 1)..]);
        return row.ToJsonString();
    }

    /// <summary>How the tables' GUIDs are stored: SQLite's types of every non-NULL value in their GUID columns, joined by commas.</summary>
    private static string? StoredAs(DatabaseLocation location, (string Table, string[] Columns)[] tables) =>
        (string?)Scalar(location, "SELECT group_concat(type) FROM (" +
            string.Join(" UNION ", tables.SelectMany(t => t.Columns.Select(c => $"SELECT typeof(\"{c}\") AS type FROM \"{t.Table}\" WHERE \"{c}\" IS NOT NULL"))) + ")");

    private static object? Scalar(DatabaseLocation location, string sql, params object[] parameters)
    {
        using var connection = new SqliteConnection(location.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        for (var i = 0; i < parameters.Length; i++) command.Parameters.AddWithValue("@p" + i, parameters[i]);
        return command.ExecuteScalar();
    }

    /// <summary>
    /// The migrations' lists hold every GUID column of both models, so none is left as text. A table added by a later
    /// migration is born with bytes: leave it out here when it comes.
    /// </summary>
    [Fact]
    public void The_migrations_convert_every_GUID_column_of_both_models()
    {
        using var psa = new PsaDb(new DbContextOptionsBuilder<PsaDb>().UseSqlite("Data Source=:memory:").Options);
        using var finance = new FinanceDb(new DbContextOptionsBuilder<FinanceDb>().UseSqlite("Data Source=:memory:").Options);
        GuidColumns(psa).Except(PsaAddedLater).Where(c => !PsaTablesAddedLater.Contains(c[..c.IndexOf('.')])).ShouldBe(Listed(Migrations.GuidBytes.Tables));
        GuidColumns(finance).Except(BornWithBytes).ShouldBe(Listed(Finance.Migrations.GuidBytes.Tables));
    }

    /// <summary>GUID columns that migrations after 0003 added to existing PSA tables: their values are bytes from the start.</summary>
    private static readonly string[] PsaAddedLater =
    [
        "InvoiceLineDetails.BilledActualId", "InvoiceLineDetails.OriginalDetailId", "Invoices.OriginalInvoiceId", // 0008
        "ProjectContracts.AccountManagerId", "ProjectContracts.OpportunityId", "ProjectContracts.QuoteId", "ContractLines.InvoiceFrequencyId",
        "ContractLines.QuoteLineId", // 0005
        "ProjectTasks.ParentTaskId", // 0006
    ];

    /// <summary>PSA tables that migrations after 0003 created: born with bytes.</summary>
    private static readonly HashSet<string> PsaTablesAddedLater =
    [
        // 0005
        "InvoiceFrequencies", "InvoiceFrequencyDetails", "ProjectParameters", "ProjectParameterPriceLists", "Opportunities", "OpportunityLines",
        "OpportunityPriceLists", "Quotes", "QuotePriceLists", "QuoteLines", "QuoteLineRoles", "QuoteLineCategories", "QuoteLinePriceLists",
        "QuoteLineMilestones", "QuoteLineInvoiceSchedules", "QuoteLineDetails", "ContractLineRoles", "ContractLineCategories", "ContractLinePriceLists",
        "ContractLineInvoiceSchedules", "ContractLineDetails",
        // 0006
        "BookingHeaders", "Bookings", "Characteristics", "DaysOff", "EstimateLines", "Estimates", "RatingModels", "RatingValues", "RequirementCharacteristics",
        "ResourceAssignments", "ResourceCharacteristics", "ResourceRequirements", "ResourceRoles", "WorkHours",
        // 0012
        "InvoiceRunLogHeaders", "InvoiceRunLogLines",
    ];

    /// <summary>GUID columns of finance tables made after the conversion.</summary>
    private static readonly string[] BornWithBytes = ["PersonalAccessTokens.Id", "AuditEntries.Id", "SyncIntents.HeaderId", "SyncIntents.PsaAccountId"];

    /// <summary>Tables of later migrations, which going back before the conversion drops with their rows.</summary>
    private static bool MadeAfter(string? table) =>
        table is not null && (table.StartsWith("AspNet", StringComparison.Ordinal) || table is "PersonalAccessTokens" or "DataProtectionKeys" or "AuditEntries" or "SyncIntents");

    private static List<string> Listed((string Table, string[] Columns)[] tables) =>
        tables.SelectMany(t => t.Columns.Select(c => $"{t.Table}.{c}")).Order(StringComparer.Ordinal).ToList();

    private static List<string> GuidColumns(DbContext db) =>
        db.Model.GetEntityTypes().Where(e => e.GetTableName() is not null)
            .SelectMany(e => e.GetProperties()
                .Where(p => (Nullable.GetUnderlyingType(p.ClrType) ?? p.ClrType) == typeof(Guid))
                .Select(p => $"{e.GetTableName()}.{p.GetColumnName(StoreObjectIdentifier.Table(e.GetTableName()!, e.GetSchema()))}"))
            .Distinct().Order(StringComparer.Ordinal).ToList();
}
