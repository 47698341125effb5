using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace PsaBridge.Infrastructure.Export;

/// <summary>
/// RFC 4180 CSV (CsvHelper: comma, CRLF, quotes doubled), UTF-8 with a byte order mark so Excel reads accents right,
/// numbers and dates in the invariant culture so every locale reads them back the same.
/// </summary>
public static class CsvExport
{
    public const string DateFormat = "yyyy-MM-dd";
    /// <summary>Times are UTC, as stored; a format Excel recognises as a date and time.</summary>
    public const string DateTimeFormat = "yyyy-MM-dd HH:mm:ss";

    private static readonly CsvConfiguration Configuration = new(CultureInfo.InvariantCulture) { NewLine = "\r\n" };

    public static async Task WriteAsync<T>(Stream output, IReadOnlyList<ExportColumn<T>> columns, IAsyncEnumerable<T> rows, CancellationToken ct = default)
    {
        await using var text = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 64 * 1024, leaveOpen: true);
        await using var csv = new CsvWriter(text, Configuration);
        foreach (var column in columns) csv.WriteField(column.Header);
        await csv.NextRecordAsync();
        await foreach (var row in rows.WithCancellation(ct))
        {
            foreach (var column in columns) csv.WriteField(Format(column.Value(row), column.Type));
            await csv.NextRecordAsync();
        }
        await csv.FlushAsync();
    }

    /// <summary>The text of one value as the CSV carries it.</summary>
    public static string Format(object? value, ExportType type) => value switch
    {
        null => "",
        DateTime t when type == ExportType.Date => t.ToString(DateFormat, CultureInfo.InvariantCulture),
        DateTime t => t.ToString(DateTimeFormat, CultureInfo.InvariantCulture),
        DateTimeOffset t => t.UtcDateTime.ToString(DateTimeFormat, CultureInfo.InvariantCulture),
        DateOnly d => d.ToString(DateFormat, CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
