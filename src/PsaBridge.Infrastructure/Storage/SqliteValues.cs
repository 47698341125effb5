using System.Globalization;

namespace PsaBridge.Infrastructure.Storage;

/// <summary>
/// How values SQLite has no type of its own for are stored: as EF Core's SQLite provider stores them (dates and
/// decimals as text), and GUIDs as 16-byte blobs (<see cref="SqliteGuidConverter"/>), so rows written by our bulk
/// paths read back through EF unchanged (and compare equal in SQL).
/// </summary>
public static class SqliteValues
{
    /// <summary>
    /// A GUID as SQLite stores it here: 16 bytes in RFC 9562 order (big-endian), so SQLite's byte-wise comparison
    /// orders GUIDs as <see cref="System.Guid.CompareTo(System.Guid)"/> does and version 7 ids (<see cref="Ids"/>)
    /// by time. EF's own SQLite default is 36 characters of text: more than twice the bytes in every row and index key
    /// that holds one (see <see cref="SqliteGuidConverter"/>).
    /// </summary>
    public static byte[] GuidBytes(Guid value)
    {
        var bytes = new byte[16];
        value.TryWriteBytes(bytes, bigEndian: true, out _);
        return bytes;
    }

    /// <summary>The GUID of 16 bytes written by <see cref="GuidBytes"/>.</summary>
    public static Guid Guid(ReadOnlySpan<byte> bytes) =>
        bytes.Length == 16 ? new Guid(bytes, bigEndian: true) : throw new InvalidCastException($"A {bytes.Length}-byte blob is not a GUID.");

    /// <summary>The GUID of <paramref name="bytes"/> (<see cref="GuidBytes"/>): for EF's converter, which calls methods, not constructors of spans.</summary>
    public static Guid Guid(byte[] bytes) => Guid(bytes.AsSpan());

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

    public static string Decimal(decimal value) => value.ToString(DecimalFormat, CultureInfo.InvariantCulture);

    /// <summary>A value as it is bound to SQLite for a column EF maps: in the storage formats above, an enum as its number.</summary>
    public static object? ToDb(object? value) => value switch
    {
        System.Guid g => GuidBytes(g),
        System.DateTime d => DateTime(d),
        DateOnly d => Date(d),
        decimal m => Decimal(m),
        bool b => b ? 1L : 0L,
        Enum e => Convert.ToInt64(e, CultureInfo.InvariantCulture),
        _ => value,
    };
}
