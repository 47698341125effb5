using Microsoft.EntityFrameworkCore;
using PsaBridge.Finance;
using PsaBridge.Infrastructure.Storage;

namespace PsaBridge.Finance.Tests.ReferenceData;

/// <summary>
/// A fresh, migrated finance database for one test, deleted afterwards. <see cref="CreateLocation"/> is the one
/// place that decides the engine (a SQLite file today); swap it for a PostgreSQL fixture to run the same tests there.
/// </summary>
public sealed class FinanceTestDb : IDisposable
{
    private readonly string _folder;

    public DatabaseLocation Location { get; }

    private FinanceTestDb(string folder, DatabaseLocation location)
    {
        _folder = folder;
        Location = location;
        using var db = NewContext();
        SchemaMigrator.Upgrade(db);
    }

    public static FinanceTestDb Create()
    {
        var folder = Path.Combine(Path.GetTempPath(), "psabridge-tests", Guid.NewGuid().ToString("N"));
        return new FinanceTestDb(folder, CreateLocation(folder));
    }

    /// <summary>The engine under test.</summary>
    private static DatabaseLocation CreateLocation(string folder) => DatabaseLocation.Sqlite(Path.Combine(folder, "finance.db"));

    public FinanceDb NewContext()
    {
        var options = new DbContextOptionsBuilder<FinanceDb>();
        Location.Configure(options);
        return new FinanceDb(options.Options);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true); }
        catch (IOException) { /* a file still open on another thread: the temp folder is cleaned later */ }
    }
}
