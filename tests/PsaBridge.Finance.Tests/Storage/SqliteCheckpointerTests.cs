using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using PsaBridge.Infrastructure.Storage;
using PsaBridge.Testing;

namespace PsaBridge.Finance.Tests.Storage;

/// <summary>
/// SQLite's log is copied back into the database file by a background checkpoint after commits, not by the
/// committing request; new databases have 8 KiB pages. SQLite-only behaviour: these tests use SQLite files whichever engine the run is for.
/// </summary>
public sealed class SqliteCheckpointerTests
{
    [Fact]
    public async Task A_new_database_is_made_with_8_KiB_pages_and_an_older_one_keeps_its_own()
    {
        var pair = await TestDatabases.CreateAsync(DatabaseEngine.Sqlite);
        // Made by the migrations through the application's connections (the copies are left out of WAL for copying).
        Pragma(pair.Psa, "page_size").ShouldBe(8192L);
        Pragma(pair.Finance, "page_size").ShouldBe(8192L);

        // A database made before (SQLite's 4 KiB pages, with a table) is upgraded and used as it is.
        var older = DatabaseLocation.Sqlite(Path.Combine(pair.Directory!, "older.db"));
        await using (var raw = new SqliteConnection(older.ConnectionString))
        {
            await raw.OpenAsync();
            await using var create = raw.CreateCommand();
            create.CommandText = "CREATE TABLE \"Notes\" (\"Text\" TEXT); INSERT INTO \"Notes\" VALUES ('kept');";
            await create.ExecuteNonQueryAsync();
        }
        await using (var db = TestDatabases.OpenFinance(older)) SchemaMigrator.Upgrade(db).ShouldNotBeEmpty();
        Pragma(older, "page_size").ShouldBe(4096L);
        Pragma(older, "journal_mode").ShouldBe("wal");
        await using (var db = TestDatabases.OpenFinance(older))
            (await db.Database.SqlQueryRaw<string>("SELECT \"Text\" AS \"Value\" FROM \"Notes\"").SingleAsync()).ShouldBe("kept");
    }

    private static object? Pragma(DatabaseLocation location, string name)
    {
        using var connection = new SqliteConnection(location.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA {name}";
        return command.ExecuteScalar();
    }

    [Fact]
    public async Task A_commit_reaches_the_database_file_itself_without_the_committer_checkpointing()
    {
        var pair = await TestDatabases.CreateAsync(DatabaseEngine.Sqlite);
        var path = new SqliteConnectionStringBuilder(pair.Finance.ConnectionString).DataSource;
        await using (var db = pair.OpenFinance())
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            var insert = new BulkInsert(db.Database.GetDbConnection(), tx.GetDbTransaction(), "CustomerGroups", "Id", "Description", "DefaultPaymentTerms");
            for (var i = 0; i < 3_000; i++) insert.Add($"CK{i:D4}", $"Checkpointed group {i}", null);
            await insert.FlushAsync(default);
            await tx.CommitAsync();
            // The connection stays open in the pool, so SQLite's checkpoint-on-close does not run; the log is
            // far below SQLite's own (safety-net) threshold, so the commit did not checkpoint either.
            await SqliteCheckpointer.WhenIdleAsync();
        }

        // The database file alone, without its -wal, holds the committed rows: the background checkpoint copied them.
        var copy = Path.Combine(pair.Directory!, "copy-without-wal.db");
        File.Copy(path, copy);
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = copy, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var count = connection.CreateCommand();
        count.CommandText = "SELECT count(*) FROM CustomerGroups WHERE Id LIKE 'CK%'";
        Convert.ToInt32(await count.ExecuteScalarAsync()).ShouldBe(3_000);
    }

    [Fact]
    public async Task A_request_for_a_database_that_is_not_there_creates_no_file()
    {
        var dir = Path.Combine(Path.GetTempPath(), "psabridge-checkpointer", Guid.NewGuid().ToString("N"));
        var path = Path.Combine(dir, "gone.db");
        Directory.CreateDirectory(dir);
        SqliteCheckpointer.Request(path);
        await SqliteCheckpointer.WhenIdleAsync();
        File.Exists(path).ShouldBeFalse();
        Directory.Delete(dir, recursive: true);
    }
}
