using Microsoft.EntityFrameworkCore;
using PsaBridge.Infrastructure.Paging;
using PsaBridge.Infrastructure.Validation;
using PsaBridge.Psa.Projects;
using PsaBridge.Psa.Resources;

namespace PsaBridge.Psa.Scheduling;

public sealed record BookingDay(DateOnly Date, decimal Hours);

/// <summary>A booking with its days; <see cref="IsOverbooked"/> when its committed hours go beyond the resource's capacity.</summary>
public sealed record BookingView(
    Guid Id,
    Guid ProjectId,
    string Project,
    Guid? TeamMemberId,
    Guid ResourceId,
    string Resource,
    Guid? RequirementId,
    Guid? RoleId,
    string? Role,
    DateOnly StartDate,
    DateOnly EndDate,
    decimal Hours,
    BookingStatus Status,
    AllocationMethod AllocationMethod,
    decimal? Percentage,
    decimal OverbookedHours,
    bool IsOverbooked,
    IReadOnlyList<BookingDay> Days);

/// <summary>Reads bookings with their days.</summary>
public sealed class BookingQueries(PsaDb db)
{
    public async Task<BookingView> GetAsync(Guid id, CancellationToken ct = default) =>
        (await ViewsAsync([id], ct)).SingleOrDefault() ?? throw new NotFoundException("Booking", id.ToString());

    public async Task<Page<BookingView>> ListAsync(BookingFilter filter, PageRequest page, CancellationToken ct = default)
    {
        var rules = new Rules().Defined("status", filter.Status);
        if (filter.From is { } f && filter.To is { } t && t < f) rules.Add("to", $"To {t:yyyy-MM-dd} is before from {f:yyyy-MM-dd}.");
        rules.ThrowIfAny();
        var query = db.Set<BookingHeader>().AsNoTracking();
        if (filter.ResourceId is { } resource) query = query.Where(h => h.ResourceId == resource);
        if (filter.ProjectId is { } project) query = query.Where(h => h.ProjectId == project);
        if (filter.RequirementId is { } requirement) query = query.Where(h => h.RequirementId == requirement);
        if (filter.Status is { } status) query = query.Where(h => h.Status == status);
        if (filter.From is { } from) query = query.Where(h => h.EndDate >= from);
        if (filter.To is { } to) query = query.Where(h => h.StartDate <= to);
        var ordered = query.OrderBy(h => h.StartDate).ThenBy(h => h.Id);
        var total = await ordered.CountAsync(ct);
        var ids = await ordered.Skip(page.Skip).Take(page.PageSize).Select(h => h.Id).ToListAsync(ct);
        var views = await ViewsAsync(ids, ct);
        return new Page<BookingView>(views.OrderBy(v => ids.IndexOf(v.Id)).ToList(), total, page.PageNumber, page.PageSize);
    }

    private async Task<List<BookingView>> ViewsAsync(IReadOnlyList<Guid> ids, CancellationToken ct)
    {
        var list = ids.ToList();
        var rows = await (from h in db.Set<BookingHeader>().AsNoTracking()
                          join p in db.Set<Project>() on h.ProjectId equals p.Id
                          join r in db.Set<BookableResource>() on h.ResourceId equals r.Id
                          join ro in db.Set<Role>() on h.RoleId equals ro.Id into roles
                          from role in roles.DefaultIfEmpty()
                          where list.Contains(h.Id)
                          select new { h, Project = p.Name, Resource = r.Name, Role = role == null ? null : role.Name }).ToListAsync(ct);
        var days = (await db.Set<Booking>().AsNoTracking().Where(l => list.Contains(l.HeaderId)).Select(l => new { l.HeaderId, l.Date, l.Hours }).ToListAsync(ct))
            .ToLookup(l => l.HeaderId, l => new BookingDay(l.Date, l.Hours));
        return rows.Select(x => new BookingView(x.h.Id, x.h.ProjectId, x.Project, x.h.TeamMemberId, x.h.ResourceId, x.Resource, x.h.RequirementId, x.h.RoleId, x.Role,
            x.h.StartDate, x.h.EndDate, x.h.Hours, x.h.Status, x.h.AllocationMethod, x.h.Percentage, x.h.OverbookedHours, x.h.IsOverbooked,
            days[x.h.Id].OrderBy(d => d.Date).ToList())).ToList();
    }
}
