using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace PsaBridge.Infrastructure.Storage;

/// <summary>What feature code may ask of the engine underneath, as properties of the store rather than its name.</summary>
public static class EngineExtensions
{
    public static DatabaseEngine Engine(this DatabaseFacade database) =>
        database.IsNpgsql() ? DatabaseEngine.PostgreSql : DatabaseEngine.Sqlite;

    /// <summary>
    /// Whether another connection can write while this one holds a write transaction open. SQLite has one writer: a
    /// transaction of one's own started meanwhile waits for the open one until it times out.
    /// </summary>
    public static bool AllowsConcurrentWriters(this DatabaseFacade database) => database.IsNpgsql();
}
