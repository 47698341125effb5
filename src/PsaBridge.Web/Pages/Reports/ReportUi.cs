using System.Globalization;

namespace PsaBridge.Web.Pages.Reports;

/// <summary>How the report tables carry a figure for their chart: the exact number, invariant, beside the formatted text.</summary>
public static class ReportUi
{
    public static string Raw(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Month(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}
