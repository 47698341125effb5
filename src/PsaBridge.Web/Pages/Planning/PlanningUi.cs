using System.Globalization;

namespace PsaBridge.Web.Pages.Planning;

/// <summary>How the planning pages write hours and dates: hours without trailing zeros (40, 7.5), dates as yyyy-MM-dd.</summary>
public static class PlanningUi
{
    public static string Hours(decimal? value) => value is { } v ? v.ToString("#,##0.##", CultureInfo.InvariantCulture) : "—";

    public static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "—";
}
