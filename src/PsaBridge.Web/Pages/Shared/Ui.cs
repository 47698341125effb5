using System.Globalization;
using PsaBridge.Finance.IntegrationLog;

namespace PsaBridge.Web.Pages.Shared;

/// <summary>How the pages show times, durations, amounts and statuses: one way everywhere.</summary>
public static class Ui
{
    /// <summary>Times are stored and shown in UTC (the column headers say so), to the second.</summary>
    public static string When(DateTime? utc) =>
        utc is { } t ? t.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) : "—";

    /// <summary>The machine-readable form for <c>&lt;time datetime&gt;</c>.</summary>
    public static string Iso(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    public static string Duration(long ms) => ms switch
    {
        < 1_000 => $"{ms} ms",
        < 60_000 => (ms / 1_000d).ToString("0.0 's'", CultureInfo.InvariantCulture),
        _ => $"{ms / 60_000} min {ms % 60_000 / 1_000} s",
    };

    public static string Amount(decimal? value) =>
        value is { } v ? v.ToString("#,##0.00", CultureInfo.InvariantCulture) : "—";

    public static string Count(int value) => value.ToString("#,##0", CultureInfo.InvariantCulture);

    public static string StatusClass(IntegrationStatus status) => status switch
    {
        IntegrationStatus.Completed => "status status-completed",
        IntegrationStatus.Error => "status status-error",
        _ => "status status-running",
    };

    public static string Action(SyncAction action) => action switch
    {
        SyncAction.Created => "Created",
        SyncAction.Updated => "Updated",
        SyncAction.Unchanged => "Unchanged",
        _ => "None",
    };
}
