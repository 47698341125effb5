using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace PsaBridge.Web.Tests.Browser;

/// <summary>An XLSX download read back with the Open XML SDK: its one sheet's rows as text, numbers in invariant form.</summary>
public static class Workbook
{
    public static List<string[]> Rows(byte[] xlsx)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var strings = document.WorkbookPart!.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];
        return document.WorkbookPart.WorksheetParts.Single().Worksheet.Descendants<Row>()
            .Select(row => row.Elements<Cell>().Select(cell => cell.DataType?.Value == CellValues.SharedString ? strings[int.Parse(cell.CellValue!.Text)]
                : cell.DataType?.Value == CellValues.InlineString ? cell.InlineString!.InnerText : cell.CellValue?.Text ?? "").ToArray())
            .ToList();
    }
}
