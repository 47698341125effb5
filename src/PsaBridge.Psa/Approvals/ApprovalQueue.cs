using Microsoft.EntityFrameworkCore;
using PsaBridge.Infrastructure.Paging;
using PsaBridge.Psa.Expenses;
using PsaBridge.Psa.Pricing;
using PsaBridge.Psa.Projects;
using PsaBridge.Psa.Resources;
using PsaBridge.Psa.Time;

namespace PsaBridge.Psa.Approvals;

/// <summary>Approval <c>msdyn_entrytype</c>: what kind of entry waits for a decision.</summary>
public enum ApprovalEntryType { Time = 0, Expense = 1 }

/// <summary>Approval <c>msdyn_recordstage</c> of the entries in the queue: submitted for approval, or approved and recalled.</summary>
public enum ApprovalStage { Submitted = 0, RecallRequested = 4 }

public sealed record ApprovalQueueFilter(Guid? ProjectId = null, Guid? ResourceId = null, ApprovalEntryType? EntryType = null, ApprovalStage? Stage = null);

/// <summary>
/// One entry waiting for its approver: time in hours with the role it was worked in, an expense in its quantity with its
/// category and amount. <see cref="Quantity"/> is what an approver may lower as billable.
/// </summary>
public sealed record ApprovalItem(
    ApprovalEntryType EntryType,
    Guid Id,
    DateOnly Date,
    ApprovalStage Stage,
    Guid? ResourceId,
    string? Resource,
    Guid ProjectId,
    string Project,
    string? Task,
    string? RoleOrCategory,
    decimal Quantity,
    string Unit,
    decimal? Amount,
    string? Currency,
    string? Description,
    DateTime ModifiedOn);

/// <summary>
/// The approver's queue: submitted and recall-requested time and expense, oldest first, filtered by project, resource,
/// kind and stage. The two kinds are read in the same order and merged, so a page reads at most one page's worth beyond
/// what it skips from each.
/// </summary>
public sealed class ApprovalQueue(PsaDb db)
{
    public async Task<Page<ApprovalItem>> ListAsync(ApprovalQueueFilter filter, PageRequest page, CancellationToken ct = default)
    {
        var withTime = filter.EntryType is null or ApprovalEntryType.Time;
        var withExpenses = filter.EntryType is null or ApprovalEntryType.Expense;
        var total = (withTime ? await TimeEntries(filter).CountAsync(ct) : 0) + (withExpenses ? await Expenses(filter).CountAsync(ct) : 0);
        var reach = page.Skip + page.PageSize;
        var items = new List<ApprovalItem>();
        if (withTime) items.AddRange(await TimeItemsAsync(filter, reach, ct));
        if (withExpenses) items.AddRange(await ExpenseItemsAsync(filter, reach, ct));
        var merged = items.OrderBy(i => i.Date).ThenBy(i => i.ModifiedOn).ThenBy(i => i.Id).Skip(page.Skip).Take(page.PageSize).ToList();
        return new Page<ApprovalItem>(merged, total, page.PageNumber, page.PageSize);
    }

    private IQueryable<TimeEntry> TimeEntries(ApprovalQueueFilter filter)
    {
        var entries = db.Set<TimeEntry>().AsNoTracking()
            .Where(e => e.EntryStatus == TimeEntryStatus.Submitted || e.EntryStatus == TimeEntryStatus.RecallRequested);
        if (filter.ProjectId is { } project) entries = entries.Where(e => e.ProjectId == project);
        if (filter.ResourceId is { } resource) entries = entries.Where(e => e.ResourceId == resource);
        if (filter.Stage is { } stage)
        {
            var status = stage == ApprovalStage.Submitted ? TimeEntryStatus.Submitted : TimeEntryStatus.RecallRequested;
            entries = entries.Where(e => e.EntryStatus == status);
        }
        return entries.OrderBy(e => e.Date).ThenBy(e => e.ModifiedOn).ThenBy(e => e.Id);
    }

    private IQueryable<ExpenseEntry> Expenses(ApprovalQueueFilter filter)
    {
        var entries = db.Set<ExpenseEntry>().AsNoTracking()
            .Where(e => e.ExpenseStatus == ExpenseStatus.Submitted || e.ExpenseStatus == ExpenseStatus.RecallRequested);
        if (filter.ProjectId is { } project) entries = entries.Where(e => e.ProjectId == project);
        if (filter.ResourceId is { } resource) entries = entries.Where(e => e.ResourceId == resource);
        if (filter.Stage is { } stage)
        {
            var status = stage == ApprovalStage.Submitted ? ExpenseStatus.Submitted : ExpenseStatus.RecallRequested;
            entries = entries.Where(e => e.ExpenseStatus == status);
        }
        return entries.OrderBy(e => e.TransactionDate).ThenBy(e => e.ModifiedOn).ThenBy(e => e.Id);
    }

    private async Task<List<ApprovalItem>> TimeItemsAsync(ApprovalQueueFilter filter, int reach, CancellationToken ct)
    {
        var rows = await (from e in TimeEntries(filter).Take(reach)
                          join p in db.Set<Project>() on e.ProjectId equals p.Id
                          join r in db.Set<BookableResource>() on e.ResourceId equals r.Id
                          join role in db.Set<Role>() on e.RoleId equals role.Id
                          from task in db.Set<ProjectTask>().Where(t => t.Id == e.TaskId).DefaultIfEmpty()
                          select new { Entry = e, Project = p.Name, Resource = r.Name, Role = role.Name, Task = task == null ? null : task.Name }).ToListAsync(ct);
        return rows.Select(x => new ApprovalItem(ApprovalEntryType.Time, x.Entry.Id, x.Entry.Date,
            x.Entry.EntryStatus == TimeEntryStatus.Submitted ? ApprovalStage.Submitted : ApprovalStage.RecallRequested, x.Entry.ResourceId, x.Resource,
            x.Entry.ProjectId, x.Project, x.Task, x.Role, x.Entry.Hours, "Hour", null, null, x.Entry.Description, x.Entry.ModifiedOn)).ToList();
    }

    private async Task<List<ApprovalItem>> ExpenseItemsAsync(ApprovalQueueFilter filter, int reach, CancellationToken ct)
    {
        var rows = await (from e in Expenses(filter).Take(reach)
                          join p in db.Set<Project>() on e.ProjectId equals p.Id
                          join c in db.Set<TransactionCategory>() on e.TransactionCategoryId equals c.Id
                          from r in db.Set<BookableResource>().Where(r => r.Id == e.ResourceId).DefaultIfEmpty()
                          from task in db.Set<ProjectTask>().Where(t => t.Id == e.TaskId).DefaultIfEmpty()
                          select new { Entry = e, Project = p.Name, Resource = r == null ? null : r.Name, Category = c.Name, c.DefaultUnit, Task = task == null ? null : task.Name })
            .ToListAsync(ct);
        return rows.Select(x => new ApprovalItem(ApprovalEntryType.Expense, x.Entry.Id, x.Entry.TransactionDate,
            x.Entry.ExpenseStatus == ExpenseStatus.Submitted ? ApprovalStage.Submitted : ApprovalStage.RecallRequested, x.Entry.ResourceId, x.Resource,
            x.Entry.ProjectId, x.Project, x.Task, x.Category, x.Entry.Quantity, x.Entry.Unit ?? x.DefaultUnit, x.Entry.Amount, x.Entry.Currency,
            x.Entry.Description, x.Entry.ModifiedOn)).ToList();
    }
}
