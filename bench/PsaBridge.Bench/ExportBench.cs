using System.Diagnostics;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using PsaBridge.Infrastructure.Export;

namespace PsaBridge.Bench;

/// <summary>
/// Export of N generated rows (an actual's shape: text, amount, quantity, date, time) to a forward-only null output:
/// wall time, peak working set and the largest managed heap seen, for CSV, XLSX through MiniExcel (what the app uses)
/// and XLSX through the Open XML SDK's writer (the alternative measured against it).
///   dotnet bench/PsaBridge.Bench/bin/Release/net10.0/PsaBridge.Bench.dll export --rows 1000000 --format csv|xlsx|openxml
/// </summary>
public static class ExportBench
{
    private sealed record Row(Guid Id, string Project, decimal Amount, decimal Quantity, DateOnly Day, DateTime At, int Type);

    private static readonly ExportColumn<Row>[] Columns =
    [
        ExportColumn<Row>.Text("Actual", r => r.Id),
        ExportColumn<Row>.Text("Project", r => r.Project),
        ExportColumn<Row>.Number("Amount", r => r.Amount),
        ExportColumn<Row>.Number("Quantity", r => r.Quantity),
        ExportColumn<Row>.Date("Document date", r => r.Day),
        ExportColumn<Row>.DateTime("Created (UTC)", r => r.At),
        ExportColumn<Row>.Integer("Transaction type", r => r.Type),
    ];

    public static async Task RunAsync(string[] args)
    {
        var rows = int.Parse(Value(args, "--rows") ?? "1000000");
        var format = Value(args, "--format") ?? "csv";
        var output = new NullOutput();
        long maxHeap = 0;
        using var sampler = new Timer(_ => maxHeap = Math.Max(maxHeap, GC.GetTotalMemory(false)), null, 0, 50);
        var clock = Stopwatch.StartNew();
        switch (format)
        {
            case "csv": await CsvExport.WriteAsync(output, Columns, Generate(rows)); break;
            case "xlsx": await XlsxExport.WriteAsync(output, Columns, Generate(rows)); break;
            case "openxml": await OpenXmlSdkAsync(output, Generate(rows)); break;
            default: throw new ArgumentException($"Format '{format}' is not one of csv, xlsx, openxml.");
        }
        clock.Stop();
        using var self = Process.GetCurrentProcess();
        Console.WriteLine($"export {format}: {rows:N0} rows, {output.Written / 1048576.0:N1} MB in {clock.Elapsed.TotalSeconds:N2} s " +
                          $"({rows / clock.Elapsed.TotalSeconds:N0} rows/s), peak working set {self.PeakWorkingSet64 / 1048576} MB, " +
                          $"largest managed heap seen {maxHeap / 1048576} MB, allocated {GC.GetTotalAllocatedBytes() / 1048576} MB");
    }

    private static async IAsyncEnumerable<Row> Generate(int count)
    {
        var start = new DateTime(2018, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i < count; i++)
        {
            if (i % 2000 == 0) await Task.Yield(); // a page read from the database
            yield return new Row(Guid.NewGuid(), $"Project {i % 997}", i * 1.25m, i % 9, DateOnly.FromDateTime(start.AddDays(i % 3000)), start.AddSeconds(i), 192350000 + i % 6);
        }
    }

    /// <summary>
    /// The Open XML SDK's streaming writer (sync only, so fed from the async rows by blocking). It refuses a forward-only
    /// output ("The stream was not opened for reading"): the package goes to a temporary file, copied to the output after.
    /// </summary>
    private static async Task OpenXmlSdkAsync(Stream output, IAsyncEnumerable<Row> rows)
    {
        var path = Path.GetTempFileName();
        await using (var file = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose))
        {
            await Task.Run(() => WriteOpenXml(file, rows));
            file.Position = 0;
            await file.CopyToAsync(output);
        }
    }

    private static void WriteOpenXml(Stream file, IAsyncEnumerable<Row> rows)
    {
        using var document = SpreadsheetDocument.Create(file, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        var sheet = workbook.AddNewPart<WorksheetPart>();
        using (var writer = OpenXmlWriter.Create(sheet))
        {
            writer.WriteStartElement(new Worksheet());
            writer.WriteStartElement(new SheetData());
            var e = rows.GetAsyncEnumerator();
            while (e.MoveNextAsync().AsTask().GetAwaiter().GetResult())
            {
                var r = e.Current;
                writer.WriteStartElement(new DocumentFormat.OpenXml.Spreadsheet.Row());
                writer.WriteElement(new Cell { DataType = CellValues.String, CellValue = new CellValue(r.Id.ToString()) });
                writer.WriteElement(new Cell { DataType = CellValues.String, CellValue = new CellValue(r.Project) });
                writer.WriteElement(new Cell { CellValue = new CellValue(r.Amount) });
                writer.WriteElement(new Cell { CellValue = new CellValue(r.Quantity) });
                writer.WriteElement(new Cell { CellValue = new CellValue(r.Day.ToDateTime(TimeOnly.MinValue).ToOADate()) });
                writer.WriteElement(new Cell { CellValue = new CellValue(r.At.ToOADate()) });
                writer.WriteElement(new Cell { CellValue = new CellValue(r.Type) });
                writer.WriteEndElement();
            }
            writer.WriteEndElement();
            writer.WriteEndElement();
        }
        workbook.Workbook = new Workbook(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = "Sheet1" }));
    }

    private static string? Value(string[] args, string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;

    /// <summary>Counts the bytes and keeps none, forward only.</summary>
    private sealed class NullOutput : Stream
    {
        public long Written { get; private set; }
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => Written;
        public override long Position { get => Written; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => Written += count;
        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken ct = default) { Written += buffer.Length; return ValueTask.CompletedTask; }
    }
}
