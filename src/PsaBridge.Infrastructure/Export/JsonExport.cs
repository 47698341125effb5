using System.Globalization;
using System.Text.Json;

namespace PsaBridge.Infrastructure.Export;

/// <summary>
/// The rows as a JSON array of objects keyed by the column headers, for programs that read a list: numbers as JSON
/// numbers, booleans as booleans, dates and times as the CSV writes them (ISO dates, UTC times), the rest as strings.
/// </summary>
public static class JsonExport
{
    public static async Task WriteAsync<T>(Stream output, IReadOnlyList<ExportColumn<T>> columns, IAsyncEnumerable<T> rows, CancellationToken ct = default)
    {
        await using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        json.WriteStartArray();
        await foreach (var row in rows.WithCancellation(ct))
        {
            json.WriteStartObject();
            foreach (var column in columns) WriteValue(json, column.Header, column.Value(row), column.Type);
            json.WriteEndObject();
            if (json.BytesPending > 64 * 1024) await json.FlushAsync(ct);
        }
        json.WriteEndArray();
        await json.FlushAsync(ct);
    }

    private static void WriteValue(Utf8JsonWriter json, string name, object? value, ExportType type)
    {
        switch (value)
        {
            case null: json.WriteNull(name); break;
            case bool b: json.WriteBoolean(name, b); break;
            case decimal d: json.WriteNumber(name, d); break;
            case int or long or short or byte: json.WriteNumber(name, Convert.ToInt64(value, CultureInfo.InvariantCulture)); break;
            case double or float: json.WriteNumber(name, Convert.ToDouble(value, CultureInfo.InvariantCulture)); break;
            default: json.WriteString(name, CsvExport.Format(value, type)); break;
        }
    }
}
