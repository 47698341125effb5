using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PsaBridge.Infrastructure.Storage;

/// <summary>
/// The step of a migration that turns a SQLite database's GUIDs from EF's text into their 16 bytes
/// (<see cref="SqliteGuidConverter"/>), in place: the columns keep their declared type, so no table is rebuilt.
/// Each migration lists its own tables as they were when it was written: rows written later are bytes already.
/// PostgreSQL stores uuid and is left alone.
/// </summary>
public static class GuidBytesMigration
{
    public static void Up(MigrationBuilder m, IEnumerable<(string Table, string[] Columns)> tables) =>
        Convert(m, tables, ToBytes);

    public static void Down(MigrationBuilder m, IEnumerable<(string Table, string[] Columns)> tables) =>
        Convert(m, tables, ToText);

    private static void Convert(MigrationBuilder m, IEnumerable<(string Table, string[] Columns)> tables, Func<string, string> convert)
    {
        if (!m.IsSqlite()) return;
        // A key and the keys that refer to it change in different statements: checked once, at the migration's commit.
        m.Sql("PRAGMA defer_foreign_keys = ON;");
        foreach (var (table, columns) in tables)
            m.Sql($"UPDATE \"{table}\" SET {string.Join(", ", columns.Select(c => $"\"{c}\" = {convert($"\"{c}\"")}"))};");
    }

    /// <summary>
    /// EF's text (upper-case "D") as the 16 bytes its digits spell. NULL, bytes already converted and text that spells no
    /// GUID stay as they are: unhex would make the last NULL, and clear a reference without a word. EF then fails on
    /// such a row when it reads it, naming the blob it cannot read.
    /// </summary>
    private static string ToBytes(string column)
    {
        var bytes = $"unhex(replace({column}, '-', ''))";
        return $"CASE WHEN typeof({column}) = 'text' AND length({column}) = 36 AND length({bytes}) = 16 THEN {bytes} ELSE {column} END";
    }

    /// <summary>The bytes as EF's text again: hex() writes upper case.</summary>
    private static string ToText(string column)
    {
        var hex = $"hex({column})";
        return $"CASE typeof({column}) WHEN 'blob' THEN substr({hex}, 1, 8) || '-' || substr({hex}, 9, 4) || '-' || substr({hex}, 13, 4) || '-' || " +
               $"substr({hex}, 17, 4) || '-' || substr({hex}, 21, 12) ELSE {column} END";
    }
}
