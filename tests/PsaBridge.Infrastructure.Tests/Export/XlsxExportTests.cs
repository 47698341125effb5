using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using PsaBridge.Infrastructure.Export;

namespace PsaBridge.Infrastructure.Tests.Export;

/// <summary>The workbook read back with the Open XML SDK, another library than the one that wrote it.</summary>
public sealed class XlsxExportTests
{
    [Fact]
    public async Task An_xlsx_has_a_frozen_filterable_header_row_numbers_as_numbers_and_dates_as_dates()
    {
        var output = new ForwardOnlyStream();

        await XlsxExport.WriteAsync(output, ExportRows.Columns, ExportRows.Async(ExportRows.Sample));

        using var workbook = Sheet.Open(output.Received);
        workbook.Row(1).Select(c => (c.Text, c.IsNumber)).ShouldBe([
            ("Name", false), ("Amount", false), ("Count", false), ("Day", false), ("At (UTC)", false), ("Active", false),
        ]);
        var first = workbook.Row(2);
        (first[0].Text, first[0].IsNumber).ShouldBe(("Fourth Coffee, Inc.", false));
        (first[1].Text, first[1].IsNumber).ShouldBe(("1234.5", true));
        (first[2].Text, first[2].IsNumber).ShouldBe(("3", true));
        first[3].IsNumber.ShouldBeTrue();
        DateTime.FromOADate(double.Parse(first[3].Text, System.Globalization.CultureInfo.InvariantCulture)).ShouldBe(new DateTime(2018, 2, 10));
        first[3].NumberFormat.ShouldBe("yyyy-mm-dd");
        DateTime.FromOADate(double.Parse(first[4].Text, System.Globalization.CultureInfo.InvariantCulture)).ShouldBe(new DateTime(2018, 2, 10, 14, 30, 5));
        first[4].NumberFormat.ShouldBe("yyyy-mm-dd hh:mm:ss");
        (first[5].Text, first[5].IsBoolean).ShouldBe(("1", true));
        var second = workbook.Row(3);
        second[0].Text.ShouldBe("Say \"Hi\"\nLtd");
        second[1].Text.ShouldBe("");
        (second[2].Text, second[2].IsNumber).ShouldBe(("-7", true));
        (second[5].Text, second[5].IsBoolean).ShouldBe(("0", true));
        workbook.Row(4)[0].Text.ShouldBe("Ærøskøbing Café");
        (workbook.Row(4)[1].Text, workbook.Row(4)[1].IsNumber).ShouldBe(("0.001", true));

        var pane = workbook.Worksheet.Descendants<Pane>().Single();
        (pane.State?.Value, pane.VerticalSplit?.Value, pane.TopLeftCell?.Value).ShouldBe((PaneStateValues.Frozen, 1d, "A2"));
        workbook.Worksheet.Descendants<AutoFilter>().Single().Reference?.Value.ShouldBe("A1:F4");
    }

    [Fact]
    public async Task An_empty_list_exports_its_header_row()
    {
        var output = new ForwardOnlyStream();
        await ExportFormat.Xlsx.WriteAsync(output, ExportRows.Columns, ExportRows.Async(Array.Empty<ExportRow>()));
        using var workbook = Sheet.Open(output.Received);
        workbook.Row(1).Select(c => c.Text).ShouldBe(["Name", "Amount", "Count", "Day", "At (UTC)", "Active"]);
        workbook.RowCount.ShouldBe(1);
    }

    [Fact]
    public async Task Rows_reach_the_output_while_later_rows_are_still_being_read()
    {
        var output = new ForwardOnlyStream();
        long receivedBeforeLastRow = -1;
        const int rows = 200_000;

        await XlsxExport.WriteAsync(output, ExportRows.Columns, Rows());

        receivedBeforeLastRow.ShouldBeGreaterThan(1_000_000);
        output.Received.Length.ShouldBeGreaterThan(receivedBeforeLastRow);
        using var workbook = Sheet.Open(output.Received);
        workbook.RowCount.ShouldBe(rows + 1);

        async IAsyncEnumerable<ExportRow> Rows()
        {
            for (var i = 0; i < rows; i++)
            {
                if (i == rows - 1) receivedBeforeLastRow = output.Received.Length;
                if (i % 1000 == 0) await Task.Yield();
                yield return ExportRows.Sample[i % 3] with { Count = i };
            }
        }
    }

    private sealed class Sheet(SpreadsheetDocument document) : IDisposable
    {
        public static Sheet Open(MemoryStream bytes) => new(SpreadsheetDocument.Open(new MemoryStream(bytes.ToArray()), false));

        public Worksheet Worksheet => document.WorkbookPart!.WorksheetParts.Single().Worksheet;
        public int RowCount => Worksheet.Descendants<Row>().Count();
        public void Dispose() => document.Dispose();

        public IReadOnlyList<CellView> Row(int number) =>
            Worksheet.Descendants<Row>().Single(r => r.RowIndex?.Value == (uint)number).Elements<Cell>().Select(View).ToList();

        private CellView View(Cell cell)
        {
            var type = cell.DataType?.Value;
            var text = type == CellValues.SharedString
                ? document.WorkbookPart!.SharedStringTablePart!.SharedStringTable.Elements<SharedStringItem>().ElementAt(int.Parse(cell.CellValue!.Text)).InnerText
                : type == CellValues.InlineString ? cell.InlineString!.InnerText : cell.CellValue?.Text ?? "";
            return new CellView(text, type is null || type == CellValues.Number, type == CellValues.Boolean, Format(cell.StyleIndex?.Value));
        }

        private string? Format(uint? style)
        {
            if (style is not { } index) return null;
            var styles = document.WorkbookPart!.WorkbookStylesPart!.Stylesheet;
            var id = styles.CellFormats!.Elements<CellFormat>().ElementAt((int)index).NumberFormatId?.Value;
            return styles.NumberingFormats?.Elements<NumberingFormat>().FirstOrDefault(f => f.NumberFormatId?.Value == id)?.FormatCode?.Value
                   ?? (id is { } builtIn ? $"builtin:{builtIn}" : null);
        }
    }

    private sealed record CellView(string Text, bool IsNumber, bool IsBoolean, string? NumberFormat);
}
