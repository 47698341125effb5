using System.Globalization;

namespace PsaBridge.Infrastructure.Storage;

/// <summary>
/// The text EF Core's SQLite provider stores for values SQLite has no type of its own for, so rows
/// written by our bulk paths read back through EF unchanged (and compare equal in SQL).
/// </summary>
public static class SqliteValues
{
    /// <summary>EF's SQLite GUID: upper-case "D" format.</summary>
    public static string Guid(Guid value) => value.ToString("D").ToUpperInvariant();

    /// <summary>EF's SQLite DateTime: <c>yyyy-MM-dd HH:mm:ss.FFFFFFF</c> (trailing zero fractions dropped).</summary>
    public static string DateTime(DateTime value) => value.ToString(DateTimeFormat, CultureInfo.InvariantCulture);

    public const string DateTimeFormat = "yyyy-MM-dd HH:mm:ss.FFFFFFF";

    /// <summary>EF's SQLite DateOnly: <c>yyyy-MM-dd</c>.</summary>
    public static string Date(DateOnly value) => value.ToString(DateFormat, CultureInfo.InvariantCulture);

    public const string DateFormat = "yyyy-MM-dd";

    /// <summary>
    /// EF's (and Microsoft.Data.Sqlite's) SQLite decimal: at least one decimal place, so 50000 is stored
    /// as "50000.0" and an EF query for <c>== 50000m</c> finds it.
    /// </summary>
    public const string DecimalFormat = "0.0###########################";
}
