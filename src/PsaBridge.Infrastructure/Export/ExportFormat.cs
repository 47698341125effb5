using PsaBridge.Infrastructure.Validation;

namespace PsaBridge.Infrastructure.Export;

public enum ExportFormat { Csv, Xlsx }

public static class ExportFormats
{
    public static string ContentType(this ExportFormat format) => format switch
    {
        ExportFormat.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        _ => "text/csv; charset=utf-8",
    };

    public static string Extension(this ExportFormat format) => format == ExportFormat.Xlsx ? "xlsx" : "csv";

    /// <summary><c>csv</c> or <c>xlsx</c>, any case; anything else is a field error on <paramref name="field"/>.</summary>
    public static ExportFormat Parse(string? value, string field = "format") =>
        value?.Trim().ToLowerInvariant() switch
        {
            "csv" => ExportFormat.Csv,
            "xlsx" => ExportFormat.Xlsx,
            _ => throw new ValidationFailedException(field, $"Format '{value}' is not one of csv, xlsx."),
        };

    /// <summary>Writes the rows in the format asked for; the rows are read one at a time, never held.</summary>
    public static Task WriteAsync<T>(this ExportFormat format, Stream output, IReadOnlyList<ExportColumn<T>> columns,
        IAsyncEnumerable<T> rows, CancellationToken ct = default) =>
        format == ExportFormat.Xlsx ? XlsxExport.WriteAsync(output, columns, rows, ct: ct) : CsvExport.WriteAsync(output, columns, rows, ct);
}
