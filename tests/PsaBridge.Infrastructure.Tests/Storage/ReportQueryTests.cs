using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PsaBridge.Infrastructure.Storage;

namespace PsaBridge.Infrastructure.Tests.Storage;

/// <summary>
/// <see cref="DatabaseLocation.ConfigureForReports"/> on SQLite, which keeps decimals as text: a grouped sum of a four-decimal
/// column is taken natively in ten-thousandths and must still be exact and order by its value, and a sum of a column of
/// more decimals must be left to EF.
/// </summary>
public sealed class ReportQueryTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"psabridge-report-{Guid.NewGuid():N}.db");

    private static readonly Line[] Lines =
    [
        new() { Group = "a", Amount = 0.0001m, Rate = 0.123456m },
        new() { Group = "a", Amount = 0.0002m, Rate = 0.000001m },
        new() { Group = "a", Amount = 274_877_906_943.9999m, Rate = 1m },
        new() { Group = "b", Amount = -1234.5678m, Rate = 2.5m },
        new() { Group = "b", Amount = 1234.5677m, Rate = 0.000002m },
        new() { Group = "c", Amount = 0.1m, Rate = 0m },
        new() { Group = "c", Amount = 0.2m, Rate = 0m },
    ];

    [Fact]
    public async Task Grouped_sums_of_four_decimal_columns_are_taken_natively_and_stay_exact()
    {
        await using var db = await CreateAsync(forReports: true);
        var query = db.Lines.GroupBy(l => l.Group).Select(g => new { g.Key, Total = g.Sum(l => l.Amount) });

        query.ToQueryString().ShouldContain("round(");
        var totals = await query.ToDictionaryAsync(t => t.Key, t => t.Total);

        totals.ShouldBe(Lines.GroupBy(l => l.Group).ToDictionary(g => g.Key, g => g.Sum(l => l.Amount)));
        totals["a"].ShouldBe(274_877_906_944.0002m);
        totals["b"].ShouldBe(-0.0001m);
        totals["c"].ShouldBe(0.3m);
    }

    [Fact]
    public async Task A_column_of_more_than_four_decimals_is_summed_by_EF_exactly()
    {
        await using var db = await CreateAsync(forReports: true);
        var query = db.Lines.GroupBy(l => l.Group).Select(g => new { g.Key, Total = g.Sum(l => l.Rate) });

        query.ToQueryString().ShouldNotContain("round(");
        (await query.ToDictionaryAsync(t => t.Key, t => t.Total))["a"].ShouldBe(1.123457m);
    }

    [Fact]
    public async Task Natively_summed_totals_order_by_their_value()
    {
        await using var db = await CreateAsync(forReports: true);
        var byTotal = await db.Lines.GroupBy(l => l.Group).Select(g => new { g.Key, Total = g.Sum(l => l.Amount) })
            .OrderByDescending(t => t.Total).ToListAsync();

        byTotal.Select(t => t.Key).ShouldBe(["a", "c", "b"]);
        byTotal.Select(t => t.Total).ShouldBe([274_877_906_944.0002m, 0.3m, -0.0001m]);
    }

    [Fact]
    public async Task Without_the_report_configuration_EF_sums_in_managed_code_to_the_same_totals()
    {
        await using var db = await CreateAsync(forReports: false);
        var query = db.Lines.GroupBy(l => l.Group).Select(g => new { g.Key, Total = g.Sum(l => l.Amount) });

        query.ToQueryString().ShouldContain("ef_sum(");
        (await query.ToDictionaryAsync(t => t.Key, t => t.Total)).ShouldBe(Lines.GroupBy(l => l.Group).ToDictionary(g => g.Key, g => g.Sum(l => l.Amount)));
    }

    private async Task<LineDb> CreateAsync(bool forReports)
    {
        var location = DatabaseLocation.Sqlite(_file);
        var options = new DbContextOptionsBuilder<LineDb>();
        if (forReports) location.ConfigureForReports(options);
        else location.Configure(options);
        var db = new LineDb(options.Options);
        if (await db.Database.EnsureCreatedAsync())
        {
            db.Lines.AddRange(Lines.Select(l => l with { Id = Guid.NewGuid() }));
            await db.SaveChangesAsync();
        }
        return db;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _file, _file + "-wal", _file + "-shm" }) File.Delete(file);
    }

    public sealed record Line
    {
        public Guid Id { get; init; }
        public required string Group { get; init; }
        public decimal Amount { get; init; }
        public decimal Rate { get; init; }
    }

    private sealed class LineDb(DbContextOptions<LineDb> options) : DbContext(options)
    {
        public DbSet<Line> Lines => Set<Line>();

        protected override void OnModelCreating(ModelBuilder model) => model.Entity<Line>(e =>
        {
            e.ToTable("Lines");
            e.Property(l => l.Amount).HasPrecision(19, 4);
            e.Property(l => l.Rate).HasPrecision(19, 6);
        });
    }
}
