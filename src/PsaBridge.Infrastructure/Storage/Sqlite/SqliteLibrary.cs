using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace PsaBridge.Infrastructure.Storage.Sqlite;

/// <summary>
/// The one direct call into SQLite left (the commit hook of <see cref="SqlitePragmas"/>) goes through SQLitePCLRaw's
/// provider; this checks at start that it is the library Microsoft.Data.Sqlite, and so EF, opened, by comparing the
/// source id each reports. Invariant: the hook is only ever set on a connection EF or Microsoft.Data.Sqlite opened.
/// </summary>
public static class SqliteLibrary
{
    /// <summary>What to log at start: the library's version and source id, or why the direct call must not be trusted.</summary>
    public static (bool Same, string Description) Check()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT sqlite_source_id()";
        var opened = (string)command.ExecuteScalar()!;
        var direct = raw.sqlite3_sourceid().utf8_to_string();
        return opened == direct
            ? (true, $"SQLite {connection.ServerVersion} ({direct}): the library EF uses, also for the commit hook")
            : (false, $"SQLite differs: EF's connections run {opened}, direct calls reach {direct}; the commit hook would run in another library");
    }
}
