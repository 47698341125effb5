using System.Globalization;
using System.IO.Pipelines;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;

namespace PsaBridge.Infrastructure.Export;

/// <summary>
/// XLSX through MiniExcel, which writes a sheet row by row as it reads them: a header row, frozen and with an
/// autofilter; numbers as numbers, dates and times as Excel dates with a date format.
/// </summary>
public static class XlsxExport
{
    public const string DateFormat = "yyyy-mm-dd";
    public const string DateTimeFormat = "yyyy-mm-dd hh:mm:ss";

    public static async Task WriteAsync<T>(Stream output, IReadOnlyList<ExportColumn<T>> columns, IAsyncEnumerable<T> rows,
        string sheetName = "Sheet1", CancellationToken ct = default)
    {
        var configuration = new OpenXmlConfiguration
        {
            AutoFilter = true,
            FreezeRowCount = 1,
            FastMode = false, // Create mode: the zip is written forwards, so the output need not seek and nothing is buffered
            TableStyles = TableStyles.Default,
            Culture = CultureInfo.InvariantCulture,
            DynamicColumns = columns.Select(Dynamic).ToArray(),
        };
        // The zip writer writes its entry headers synchronously; through a pipe, the output (a response body that
        // refuses synchronous writes) only ever sees asynchronous ones.
        var pipe = new Pipe(new PipeOptions(pauseWriterThreshold: 1 << 20, resumeWriterThreshold: 1 << 19));
        var write = Task.Run(async () =>
        {
            Exception? failure = null;
            try
            {
                await using var sink = pipe.Writer.AsStream(leaveOpen: true);
                await using var reader = new RowReader<T>(columns, rows, ct);
                await sink.SaveAsAsync(reader, sheetName: sheetName, excelType: ExcelType.XLSX, configuration: configuration, cancellationToken: ct);
            }
            catch (Exception e)
            {
                failure = e;
            }
            await pipe.Writer.CompleteAsync(failure);
        }, ct);
        try
        {
            await pipe.Reader.CopyToAsync(output, ct);
        }
        finally
        {
            await pipe.Reader.CompleteAsync();
            await write;
        }
    }

    private static DynamicExcelColumn Dynamic<T>(ExportColumn<T> column) => column.Type switch
    {
        ExportType.Date => new DynamicExcelColumn(column.Header) { Format = DateFormat },
        ExportType.DateTime => new DynamicExcelColumn(column.Header) { Format = DateTimeFormat },
        _ => new DynamicExcelColumn(column.Header),
    };

    /// <summary>The value as MiniExcel should write it: a number, a date, a boolean, or text.</summary>
    public static object? Cell(object? value, ExportType type) => value switch
    {
        null => null,
        DateOnly d => d.ToDateTime(TimeOnly.MinValue),
        DateTimeOffset t => t.UtcDateTime,
        DateTime t => t,
        _ when type == ExportType.Number => Convert.ToDecimal(value, CultureInfo.InvariantCulture),
        _ when type == ExportType.Integer => Convert.ToInt64(value, CultureInfo.InvariantCulture),
        bool b => b,
        _ => CsvExport.Format(value, type),
    };

    /// <summary>MiniExcel's asynchronous reader over the rows, so its writer pulls one row at a time.</summary>
    private sealed class RowReader<T>(IReadOnlyList<ExportColumn<T>> columns, IAsyncEnumerable<T> rows, CancellationToken ct) : MiniExcelDataReaderBase
    {
        private IAsyncEnumerator<T>? _rows;

        public override int FieldCount => columns.Count;
        public override string GetName(int i) => columns[i].Header;
        public override int GetOrdinal(string name) => columns.ToList().FindIndex(c => string.Equals(c.Header, name, StringComparison.OrdinalIgnoreCase));
        public override object GetValue(int i) => Cell(columns[i].Value(_rows!.Current), columns[i].Type)!;
        public override Task<object> GetValueAsync(int i, CancellationToken cancellationToken = default) => Task.FromResult(GetValue(i));

        public override bool Read() => throw new NotSupportedException("Rows are read asynchronously.");

        public override async Task<bool> ReadAsync(CancellationToken cancellationToken = default)
        {
            _rows ??= rows.GetAsyncEnumerator(ct);
            return await _rows.MoveNextAsync();
        }

        public override async ValueTask DisposeAsync()
        {
            if (_rows is not null) await _rows.DisposeAsync();
            await base.DisposeAsync();
        }
    }
}
