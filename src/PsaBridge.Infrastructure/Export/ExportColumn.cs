namespace PsaBridge.Infrastructure.Export;

/// <summary>How a column's values are written: numbers stay numbers and dates stay dates in XLSX, invariant in CSV.</summary>
public enum ExportType { Text, Number, Integer, Date, DateTime, Boolean }

/// <summary>
/// One column of an export: its header, how to read its value from a row, and its type. A list, a report and a
/// CLI command describe their columns once and hand them to <see cref="CsvExport"/> or <see cref="XlsxExport"/>.
/// </summary>
public sealed record ExportColumn<T>(string Header, Func<T, object?> Value, ExportType Type = ExportType.Text)
{
    public static ExportColumn<T> Text(string header, Func<T, object?> value) => new(header, value, ExportType.Text);
    public static ExportColumn<T> Number(string header, Func<T, decimal?> value) => new(header, r => value(r), ExportType.Number);
    public static ExportColumn<T> Integer(string header, Func<T, long?> value) => new(header, r => value(r), ExportType.Integer);
    public static ExportColumn<T> Date(string header, Func<T, DateOnly?> value) => new(header, r => value(r), ExportType.Date);
    public static ExportColumn<T> DateTime(string header, Func<T, DateTime?> value) => new(header, r => value(r), ExportType.DateTime);
    public static ExportColumn<T> Boolean(string header, Func<T, bool?> value) => new(header, r => value(r), ExportType.Boolean);
}
