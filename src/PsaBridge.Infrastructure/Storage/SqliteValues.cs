using System.Globalization;
using System.Runtime.CompilerServices;

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
        WriteGuid(value, bytes);
        return bytes;
    }

    /// <summary>The GUID of 16 bytes written by <see cref="GuidBytes"/>.</summary>
    public static Guid Guid(ReadOnlySpan<byte> bytes) =>
        bytes.Length == 16 ? new Guid(bytes, bigEndian: true) : throw new InvalidCastException($"A {bytes.Length}-byte blob is not a GUID.");

    /// <summary>The GUID of <paramref name="bytes"/> (<see cref="GuidBytes"/>): for EF's converter, which calls methods, not constructors of spans.</summary>
    public static Guid Guid(byte[] bytes) => Guid(bytes.AsSpan());

    /// <summary>The 16 bytes of <see cref="GuidBytes"/> written into <paramref name="destination"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // once a value of a bulk write: see SqliteRowBinder.Step
    public static int WriteGuid(Guid value, Span<byte> destination)
    {
        value.TryWriteBytes(destination, bigEndian: true, out var written);
        return written;
    }

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

    /// <summary>
    /// <see cref="DateTimeFormat"/> as UTF-8, written digit by digit (the bulk path formats millions of them; a custom
    /// format string is parsed on every call). Needs 27 bytes.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // once a value of a bulk write: see SqliteRowBinder.Step
    public static int WriteDateTime(DateTime value, Span<byte> destination)
    {
        var n = WriteDate(DateOnly.FromDateTime(value), destination);
        destination[n++] = (byte)' ';
        n += Digits(value.Hour, 2, destination[n..]);
        destination[n++] = (byte)':';
        n += Digits(value.Minute, 2, destination[n..]);
        destination[n++] = (byte)':';
        n += Digits(value.Second, 2, destination[n..]);
        var fraction = (int)(value.Ticks % TimeSpan.TicksPerSecond);
        if (fraction == 0) return n;
        destination[n++] = (byte)'.';
        var digits = 7;
        while (fraction % 10 == 0)
        {
            fraction /= 10;
            digits--;
        }
        return n + Digits(fraction, digits, destination[n..]);
    }

    /// <summary><see cref="DateFormat"/> as UTF-8 (10 bytes).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // once a value of a bulk write: see SqliteRowBinder.Step
    public static int WriteDate(DateOnly value, Span<byte> destination)
    {
        var n = Digits(value.Year, 4, destination);
        destination[n++] = (byte)'-';
        n += Digits(value.Month, 2, destination[n..]);
        destination[n++] = (byte)'-';
        return n + Digits(value.Day, 2, destination[n..]);
    }

    /// <summary>
    /// <see cref="DecimalFormat"/> as UTF-8: the shortest round-trip text with trailing zeros of the scale dropped and
    /// at least one decimal place. Needs 32 bytes.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // once a value of a bulk write: see SqliteRowBinder.Step
    public static int WriteDecimal(decimal value, Span<byte> destination)
    {
        value.TryFormat(destination, out var n, default, CultureInfo.InvariantCulture);
        var point = destination[..n].IndexOf((byte)'.');
        if (point < 0)
        {
            destination[n++] = (byte)'.';
            destination[n++] = (byte)'0';
            return n;
        }
        while (n > point + 2 && destination[n - 1] == (byte)'0') n--;
        return n;
    }

    private static int Digits(int value, int width, Span<byte> destination)
    {
        for (var i = width - 1; i >= 0; i--)
        {
            destination[i] = (byte)('0' + value % 10);
            value /= 10;
        }
        return width;
    }
}
