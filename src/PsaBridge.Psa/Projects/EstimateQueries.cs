using Microsoft.EntityFrameworkCore;
using PsaBridge.Infrastructure.Paging;
using PsaBridge.Infrastructure.Validation;
using PsaBridge.Psa.Actuals;
using PsaBridge.Psa.Resources;
using PsaBridge.Psa.Scheduling;

namespace PsaBridge.Psa.Projects;

/// <summary>What the estimates grid is asked for: its periods, its rows and, optionally, the window.</summary>
public sealed record EstimateGridRequest(PeriodLength Period = PeriodLength.Week, EstimateRows Rows = EstimateRows.Task, DateOnly? From = null, DateOnly? To = null);

/// <summary>Reads a project's estimate: the lines, and the grid by week or month.</summary>
public sealed class EstimateQueries(PsaDb db, AssignmentPlanner planner)
{
    public async Task<EstimateGrid> GridAsync(Guid projectId, EstimateGridRequest request, CancellationToken ct = default)
    {
        var rules = new Rules();
        if (request.From is { } from && request.To is { } to && to < from) rules.Add("to", $"To {to:yyyy-MM-dd} is before from {from:yyyy-MM-dd}.");
        if (request.From is { } f && request.To is { } t && t.DayNumber - f.DayNumber > Periods.MaxDays)
            rules.Add("to", $"The window is longer than {Periods.MaxDays} days.");
        rules.Defined("period", (PeriodLength?)request.Period).Defined("rows", (EstimateRows?)request.Rows).ThrowIfAny();
        var project = await db.Set<Project>().AsNoTracking().SingleOrDefaultAsync(p => p.Id == projectId, ct)
                      ?? throw new NotFoundException("Project", projectId.ToString());
        var prices = await planner.PricesAsync(project, ct);
        var lines = await db.Set<EstimateLine>().AsNoTracking().Where(l => l.ProjectId == projectId)
            .Select(l => new { l.AssignmentId, l.DocumentDate, l.TransactionType, l.Quantity, l.Amount, l.TaskId, l.RoleId, l.ResourceId }).ToListAsync(ct);
        var labels = await LabelsAsync(projectId, request.Rows, ct);
        var facts = lines.GroupBy(l => (l.AssignmentId, l.DocumentDate)).Select(day =>
        {
            var cost = day.FirstOrDefault(l => l.TransactionType == TransactionType.Cost);
            var first = day.First();
            var key = request.Rows switch
            {
                EstimateRows.Task => first.TaskId!.Value.ToString(),
                EstimateRows.Role => first.RoleId!.Value.ToString(),
                _ => first.ResourceId?.ToString() ?? "generic:" + first.RoleId,
            };
            var (label, order) = labels.TryGetValue(key, out var known) ? known : ("Generic " + labels[first.RoleId!.Value.ToString()].Label, "\uffff" + key);
            return new EstimateFact(day.Key.DocumentDate, key, label, order, cost?.Quantity ?? 0m, cost?.Amount ?? 0m,
                day.Where(l => l.TransactionType == TransactionType.ProjectContract).Sum(l => l.Amount));
        }).ToList();
        return EstimateGrid.Build(facts, request.Period, request.Rows, prices.CostCurrency, prices.SalesCurrency, request.From, request.To);
    }

    public async Task<Page<EstimateLine>> LinesAsync(Guid projectId, PageRequest page, CancellationToken ct = default)
    {
        if (!await db.Set<Project>().AnyAsync(p => p.Id == projectId, ct)) throw new NotFoundException("Project", projectId.ToString());
        return await db.Set<EstimateLine>().AsNoTracking().Where(l => l.ProjectId == projectId)
            .OrderBy(l => l.DocumentDate).ThenBy(l => l.AssignmentId).ThenBy(l => l.TransactionType).ToPageAsync(page, ct);
    }

    /// <summary>Each row's label and sort key: tasks by outline number, roles and resources by name (roles always, for generic rows).</summary>
    private async Task<Dictionary<string, (string Label, string Order)>> LabelsAsync(Guid projectId, EstimateRows rows, CancellationToken ct)
    {
        var labels = (await db.Set<Role>().AsNoTracking().Select(r => new { r.Id, r.Name }).ToListAsync(ct))
            .ToDictionary(r => r.Id.ToString(), r => (r.Name, r.Name.ToLowerInvariant()));
        if (rows == EstimateRows.Task)
            foreach (var t in await db.Set<ProjectTask>().AsNoTracking().Where(t => t.ProjectId == projectId).Select(t => new { t.Id, t.WbsId, t.Name }).ToListAsync(ct))
                labels[t.Id.ToString()] = ($"{t.WbsId} {t.Name}", AssignmentService.WbsOrder(t.WbsId));
        if (rows == EstimateRows.Resource)
        {
            var ids = await db.Set<ResourceAssignment>().Where(a => a.ProjectId == projectId && a.ResourceId != null).Select(a => a.ResourceId!.Value).Distinct().ToListAsync(ct);
            foreach (var r in await db.Set<BookableResource>().AsNoTracking().Where(r => ids.Contains(r.Id)).Select(r => new { r.Id, r.Name }).ToListAsync(ct))
                labels[r.Id.ToString()] = (r.Name, r.Name.ToLowerInvariant());
        }
        return labels;
    }
}
