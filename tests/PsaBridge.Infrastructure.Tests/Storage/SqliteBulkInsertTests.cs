using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PsaBridge.Infrastructure.Storage;

namespace PsaBridge.Infrastructure.Tests.Storage;

/// <summary>
/// The SQLite bulk insert binds by position through SQLitePCLRaw, beside EF: every value must be stored byte for byte as EF
/// stores it, so EF reads and queries the rows unchanged, and a failing row must fail the write.
/// </summary>
public sealed class SqliteBulkInsertTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"psabridge-bulk-{Guid.NewGuid():N}.db");

    [Fact]
    public async Task Every_value_is_stored_exactly_as_EF_stores_it_and_reads_back_unchanged()
    {
        var samples = new[]
        {
            Sample.Of("Zürich 😀 \"quoted\" 'single'", note: "Königstraße 1\nHinterhaus", blob: [1, 2, 255], other: Guid.NewGuid(),
                at: new DateTime(2026, 12, 7, 23, 4, 5, DateTimeKind.Utc).AddTicks(1_234_567), amount: 50_000m, place: new Place { Street = "Bahnhofstr. 1", City = "Bern" }),
            Sample.Of("", note: null, blob: [], other: null, at: new DateTime(2026, 1, 1), amount: -0.0001m, place: new Place { Street = "", City = null }),
            Sample.Of("Ünïcode", note: "", blob: null, other: null, at: DateTime.MinValue, amount: 79_228_162_514_264_337_593_543_950_335m, place: null),
        };
        await using var db = await CreateAsync();
        // EF saves one copy of each, the bulk path the other; only the ids differ.
        var copies = samples.Select(s => s with { Id = Guid.NewGuid() }).ToList();
        db.Samples.AddRange(samples);
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            await BulkInsert.InsertEntitiesAsync(db, copies, CancellationToken.None);
            await tx.CommitAsync();
        }

        var stored = await StoredAsync(db);
        stored.Count.ShouldBe(6);
        for (var i = 0; i < samples.Length; i++) stored[copies[i].Id].ShouldBe(stored[samples[i].Id], $"sample {i}");

        var read = await db.Samples.AsNoTracking().ToDictionaryAsync(s => s.Id);
        for (var i = 0; i < samples.Length; i++)
        {
            var back = read[copies[i].Id];
            (back with { Blob = null }).ShouldBe(copies[i] with { Blob = null });
            (back.Blob ?? []).ShouldBe(copies[i].Blob ?? []);
            (back.Blob is null).ShouldBe(copies[i].Blob is null);
        }
        // Queries compare what the bulk path stored as they compare what EF stored.
        (await db.Samples.CountAsync(s => s.Amount == 50_000m)).ShouldBe(2);
        (await db.Samples.CountAsync(s => s.Other == copies[0].Other)).ShouldBe(2);
        (await db.Samples.CountAsync(s => s.Name == "")).ShouldBe(2);
        (await db.Samples.CountAsync(s => s.Shade == Shade.Dark && s.Flag && s.Day == new DateOnly(2026, 12, 7))).ShouldBe(6);
    }

    [Fact]
    public async Task A_row_the_database_refuses_fails_the_write_with_SQLite_s_error_and_the_rollback_leaves_nothing()
    {
        await using var db = await CreateAsync();
        var first = Sample.Of("first");
        var rows = new[] { first, Sample.Of("second"), first with { Name = "the same id again" } };

        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            var refused = await Should.ThrowAsync<SqliteException>(() => BulkInsert.InsertEntitiesAsync(db, rows, CancellationToken.None));
            (refused.SqliteErrorCode, refused.Message).ShouldBe((19, "SQLite Error 19: 'UNIQUE constraint failed: Samples.Id'."));
            await tx.RollbackAsync();
        }
        (await db.Samples.CountAsync()).ShouldBe(0);

        // The statement was reset and finalized: the connection writes on.
        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            await BulkInsert.InsertEntitiesAsync(db, rows.Take(2).ToList(), CancellationToken.None);
            await tx.CommitAsync();
        }
        (await db.Samples.OrderBy(s => s.Name).Select(s => s.Name).ToListAsync()).ShouldBe(["first", "second"]);
    }

    [Fact]
    public async Task It_writes_only_inside_the_caller_s_transaction_and_stops_when_cancelled()
    {
        await using var db = await CreateAsync();
        var rows = new[] { Sample.Of("a"), Sample.Of("b") };
        (await Should.ThrowAsync<InvalidOperationException>(() => BulkInsert.InsertEntitiesAsync(db, rows, CancellationToken.None)))
            .Message.ShouldBe("Bulk inserts write inside the caller's transaction; none is open.");

        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            await Should.ThrowAsync<OperationCanceledException>(() => BulkInsert.InsertEntitiesAsync(db, rows, new CancellationToken(canceled: true)));
            await tx.RollbackAsync();
        }
        (await db.Samples.CountAsync()).ShouldBe(0);
    }

    /// <summary>Each row's columns but its id as SQLite's <c>quote()</c> shows them (type and bytes), by id.</summary>
    private static async Task<Dictionary<Guid, string>> StoredAsync(SampleDb db)
    {
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        var columns = new List<string>();
        await using (var info = connection.CreateCommand())
        {
            info.CommandText = "SELECT name FROM pragma_table_info('Samples') WHERE name <> 'Id'";
            await using var reader = await info.ExecuteReaderAsync();
            while (await reader.ReadAsync()) columns.Add(reader.GetString(0));
        }
        columns.Count.ShouldBe(14);
        await using var select = connection.CreateCommand();
        select.CommandText = $"SELECT Id, {string.Join(" || '|' || ", columns.Select(c => $"quote(\"{c}\")"))} FROM Samples";
        var rows = new Dictionary<Guid, string>();
        await using (var reader = await select.ExecuteReaderAsync())
            while (await reader.ReadAsync()) rows.Add(SqliteValues.Guid((byte[])reader.GetValue(0)), reader.GetString(1));
        return rows;
    }

    private async Task<SampleDb> CreateAsync()
    {
        var db = new SampleDb(_file);
        await db.Database.EnsureCreatedAsync();
        return db;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _file, _file + "-wal", _file + "-shm" }) File.Delete(file);
    }

    public enum Shade { Light = 1, Dark = 2 }

    public sealed record Place
    {
        public string Street { get; set; } = "";
        public string? City { get; set; }
    }

    public sealed record Sample
    {
        public Guid Id { get; init; }
        public Guid? Other { get; init; }
        public required string Name { get; init; }
        public string? Note { get; init; }
        public byte[]? Blob { get; init; }
        public DateTime At { get; init; }
        public DateOnly Day { get; init; }
        public decimal Amount { get; init; }
        public bool Flag { get; init; }
        public Shade Shade { get; init; }
        public long Big { get; init; }
        public int Small { get; init; }
        public double Ratio { get; init; }
        public Place? Place { get; init; }

        public static Sample Of(string name, string? note = null, byte[]? blob = null, Guid? other = null, DateTime at = default, decimal amount = 1m,
            Place? place = null) => new()
        {
            Id = Guid.NewGuid(), Other = other, Name = name, Note = note, Blob = blob, At = at, Day = new DateOnly(2026, 12, 7), Amount = amount, Flag = true,
            Shade = Shade.Dark, Big = long.MinValue, Small = int.MaxValue, Ratio = 0.1, Place = place,
        };
    }

    private sealed class SampleDb(string file) : DbContext
    {
        public DbSet<Sample> Samples => Set<Sample>();

        protected override void OnConfiguring(DbContextOptionsBuilder options) => options.UseSqlite($"Data Source={file};Pooling=False");

        protected override void ConfigureConventions(ModelConfigurationBuilder conventions) => SqliteGuidConverter.Apply(conventions, Database);

        protected override void OnModelCreating(ModelBuilder model) => model.Entity<Sample>(e =>
        {
            e.ToTable("Samples");
            e.OwnsOne(s => s.Place, p => p.ToTable("Samples"));
            e.Property(s => s.Blob);
        });
    }
}
