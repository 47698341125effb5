using System.Text;
using PsaBridge.Infrastructure.Export;

namespace PsaBridge.Infrastructure.Tests.Export;

public sealed class CsvExportTests
{
    [Fact]
    public async Task A_csv_is_utf8_with_a_bom_crlf_rfc4180_quoting_and_invariant_numbers_and_dates()
    {
        var output = new ForwardOnlyStream();

        await CsvExport.WriteAsync(output, ExportRows.Columns, ExportRows.Async(ExportRows.Sample));

        var bytes = output.Received.ToArray();
        bytes[..3].ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
        Encoding.UTF8.GetString(bytes[3..]).ShouldBe(
            "Name,Amount,Count,Day,At (UTC),Active\r\n" +
            "\"Fourth Coffee, Inc.\",1234.5,3,2018-02-10,2018-02-10 14:30:05,true\r\n" +
            "\"Say \"\"Hi\"\"\nLtd\",,-7,2026-12-31,2026-12-31 23:59:59,false\r\n" +
            "Ærøskøbing Café,0.001,0,2000-01-01,2000-01-01 00:00:00,true\r\n");
    }

    [Fact]
    public async Task An_empty_list_exports_its_header_row()
    {
        var output = new ForwardOnlyStream();
        await ExportFormat.Csv.WriteAsync(output, ExportRows.Columns, ExportRows.Async(Array.Empty<ExportRow>()));
        Encoding.UTF8.GetString(output.Received.ToArray()[3..]).ShouldBe("Name,Amount,Count,Day,At (UTC),Active\r\n");
    }

    [Fact]
    public async Task Rows_reach_the_output_while_later_rows_are_still_being_read()
    {
        var output = new ForwardOnlyStream();
        long receivedBeforeLastRow = -1;
        const int rows = 100_000;

        await CsvExport.WriteAsync(output, ExportRows.Columns, Rows());

        receivedBeforeLastRow.ShouldBeGreaterThan(1_000_000);
        output.Received.Length.ShouldBeGreaterThan(receivedBeforeLastRow);

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

    [Fact]
    public void Format_names_csv_and_xlsx_and_refuses_anything_else_by_field()
    {
        ExportFormats.Parse("CSV").ShouldBe(ExportFormat.Csv);
        ExportFormats.Parse("xlsx").ShouldBe(ExportFormat.Xlsx);
        var error = Should.Throw<PsaBridge.Infrastructure.Validation.ValidationFailedException>(() => ExportFormats.Parse("pdf"));
        error.Errors.Single().Field.ShouldBe("format");
        error.Errors.Single().Message.ShouldBe("Format 'pdf' is not one of csv, xlsx.");
    }
}
