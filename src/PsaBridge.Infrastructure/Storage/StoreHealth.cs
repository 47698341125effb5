using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace PsaBridge.Infrastructure.Storage;

/// <summary>Whether a store takes writes now, for <c>/health</c>: one that can only be read stops every run and every change.</summary>
public static class StoreHealth
{
    /// <summary>
    /// Commits a write that changes nothing, or throws what the store answered. On SQLite through a connection of its own,
    /// not one from the pool, which may have been opened while the file could still be written (a file that cannot be
    /// written is opened read-only); the write is the database header's user version, set to what it is. SQLite may hand
    /// that connection a descriptor it already holds open for writing, so the operating system is asked as well.
    /// </summary>
    public static async Task ProbeWriteAsync(DatabaseFacade database, CancellationToken ct)
    {
        if (database.IsSqlite())
        {
            var builder = new SqliteConnectionStringBuilder(database.GetConnectionString()) { Pooling = false, Mode = SqliteOpenMode.ReadWrite };
            foreach (var file in new[] { builder.DataSource, builder.DataSource + "-wal" }.Where(File.Exists))
                using (File.OpenHandle(file, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete)) { }
            await using var connection = new SqliteConnection(builder.ToString());
            await connection.OpenAsync(ct);
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "PRAGMA user_version";
            var version = (long)(await command.ExecuteScalarAsync(ct))!;
            command.CommandText = $"PRAGMA user_version = {version}";
            await command.ExecuteNonQueryAsync(ct);
            await transaction.CommitAsync(ct);
            return;
        }
        // An update of no rows is refused all the same by a read-only database or standby; a transaction id alone is not.
        await using var tx = await database.BeginTransactionAsync(ct);
        await database.ExecuteSqlRawAsync("UPDATE \"__EFMigrationsHistory\" SET \"MigrationId\" = \"MigrationId\" WHERE false", ct);
        await tx.CommitAsync(ct);
    }
}
