using Microsoft.EntityFrameworkCore;
using PsaBridge.Infrastructure.Export;
using PsaBridge.Psa;
using PsaBridge.Psa.Time;
using PsaBridge.Reporting.Shared;

namespace PsaBridge.Reporting.Exports;

/// <summary>The time entries list as a download, streamed like <see cref="ActualsExport"/>; the period and the filters apply to the entry's own columns.</summary>
public sealed class TimeEntriesExport(PsaDb db, Names names)
{
    public async Task<(IReadOnlyList<ExportColumn<TimeEntry>> Columns, IAsyncEnumerable<TimeEntry> Rows)> OpenAsync(ReportFilter filter, CancellationToken ct = default)
    {
        var projects = await names.ProjectsAsync(ct);
        var resources = await names.ResourcesAsync(ct);
        var roles = await names.RolesAsync(ct);
        IReadOnlyList<ExportColumn<TimeEntry>> columns =
        [
            ExportColumn<TimeEntry>.Date("Date", t => t.Date),
            ExportColumn<TimeEntry>.Text("Resource", t => Names.Of(resources, t.ResourceId)),
            ExportColumn<TimeEntry>.Text("Project", t => Names.Of(projects, t.ProjectId)),
            ExportColumn<TimeEntry>.Text("Role", t => Names.Of(roles, t.RoleId)),
            ExportColumn<TimeEntry>.Number("Hours", t => t.Duration / 60m),
            ExportColumn<TimeEntry>.Text("Type", t => Labels.Words(t.Type)),
            ExportColumn<TimeEntry>.Text("Status", t => Labels.Words(t.EntryStatus)),
            ExportColumn<TimeEntry>.Text("Description", t => t.Description),
            ExportColumn<TimeEntry>.Text("Id", t => t.Id),
        ];
        var entries = db.Set<TimeEntry>().AsNoTracking();
        if (filter.From is { } from) entries = entries.Where(t => t.Date >= from);
        if (filter.To is { } to) entries = entries.Where(t => t.Date <= to);
        if (filter.ProjectId is { } project) entries = entries.Where(t => t.ProjectId == project);
        if (filter.RoleId is { } role) entries = entries.Where(t => t.RoleId == role);
        return (columns, entries.OrderBy(t => t.Date).ThenBy(t => t.CreatedOn).ThenBy(t => t.Id).AsAsyncEnumerable());
    }
}
