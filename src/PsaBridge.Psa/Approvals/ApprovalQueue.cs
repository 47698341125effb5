using System.Linq.Expressions;
using System.Text.Json.Serialization;
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

/// <summary>
/// Approval <c>msdyn_recordstage</c>: in the queue an entry is submitted for approval, or approved and recalled; an approved
/// one is listed apart, for its approval to be cancelled.
/// </summary>
public enum ApprovalStage { Submitted = 0, Approved = 2, RecallRequested = 4 }

public sealed record ApprovalQueueFilter(Guid? ProjectId = null, Guid? ResourceId = null, ApprovalEntryType? EntryType = null, ApprovalStage? Stage = null);

/// <summary>
/// One entry waiting for its approver: time in hours with the role it was worked in, an expense in its quantity with its
/// category and amount. <see cref="Quantity"/> is what an approver may lower as billable. Made in the query (init-only
/// properties), so the queue sorts and filters in the database.
/// </summary>
public sealed record ApprovalItem
{
    public ApprovalEntryType EntryType { get; init; }
    public Guid Id { get; init; }
    public DateOnly Date { get; init; }
    public ApprovalStage Stage { get; init; }
    public Guid? ResourceId { get; init; }
    public string? Resource { get; init; }
    public Guid ProjectId { get; init; }
    public string Project { get; init; } = "";
    public string? Task { get; init; }
    public string? RoleOrCategory { get; init; }

    /// <summary>A time entry's minutes (0 for an expense), read so the hours need no decimal arithmetic in SQL.</summary>
    [JsonIgnore] public int Minutes { get; init; }

    /// <summary>An expense's quantity (0 for time).</summary>
    [JsonIgnore] public decimal ExpenseQuantity { get; init; }

    public decimal Quantity => EntryType == ApprovalEntryType.Time ? Minutes / 60m : ExpenseQuantity;
    public string Unit { get; init; } = "";
    public decimal? Amount { get; init; }
    public string? Currency { get; init; }
    public string? Description { get; init; }
    public DateTime ModifiedOn { get; init; }
}

/// <summary>
/// The approver's queue: submitted and recall-requested time and expense, as one query over both; and the approved entries,
/// whose approval can still be cancelled.
/// </summary>
public sealed class ApprovalQueue(PsaDb db)
{
    public Task<Page<ApprovalItem>> ListAsync(ApprovalQueueFilter filter, PageRequest page, CancellationToken ct = default)
    {
        var items = filter.Stage == ApprovalStage.Approved ? Approved() : Items();
        if (filter.ProjectId is { } project) items = items.Where(i => i.ProjectId == project);
        if (filter.ResourceId is { } resource) items = items.Where(i => i.ResourceId == resource);
        if (filter.EntryType is { } type) items = items.Where(i => i.EntryType == type);
        if (filter.Stage is { } stage) items = items.Where(i => i.Stage == stage);
        return items.OrderBy(i => i.Date).ThenBy(i => i.ModifiedOn).ThenBy(i => i.Id).ToPageAsync(page, ct);
    }

    /// <summary>Every entry in the queue, unordered: for a list that sorts and filters it further.</summary>
    public IQueryable<ApprovalItem> Items() =>
        Entries(e => e.EntryStatus == TimeEntryStatus.Submitted || e.EntryStatus == TimeEntryStatus.RecallRequested,
            e => e.ExpenseStatus == ExpenseStatus.Submitted || e.ExpenseStatus == ExpenseStatus.RecallRequested);

    /// <summary>Every approved entry, unordered, for an approver to cancel an approval.</summary>
    public IQueryable<ApprovalItem> Approved() =>
        Entries(e => e.EntryStatus == TimeEntryStatus.Approved, e => e.ExpenseStatus == ExpenseStatus.Approved);

    private IQueryable<ApprovalItem> Entries(Expression<Func<TimeEntry, bool>> time, Expression<Func<ExpenseEntry, bool>> expense) =>
        (from e in db.Set<TimeEntry>().AsNoTracking().Where(time)
         join p in db.Set<Project>() on e.ProjectId equals p.Id
         join r in db.Set<BookableResource>() on e.ResourceId equals r.Id
         join role in db.Set<Role>() on e.RoleId equals role.Id
         from task in db.Set<ProjectTask>().Where(t => t.Id == e.TaskId).DefaultIfEmpty()
         select new ApprovalItem
         {
             EntryType = ApprovalEntryType.Time, Id = e.Id, Date = e.Date,
             Stage = e.EntryStatus == TimeEntryStatus.Submitted ? ApprovalStage.Submitted
                 : e.EntryStatus == TimeEntryStatus.RecallRequested ? ApprovalStage.RecallRequested : ApprovalStage.Approved,
             ResourceId = e.ResourceId, Resource = r.Name, ProjectId = e.ProjectId, Project = p.Name, Task = task == null ? null : task.Name,
             RoleOrCategory = role.Name, Minutes = e.Duration, ExpenseQuantity = 0m, Unit = "Hour", Amount = null, Currency = null,
             Description = e.Description, ModifiedOn = e.ModifiedOn,
         })
        .Concat(
            from e in db.Set<ExpenseEntry>().AsNoTracking().Where(expense)
            join p in db.Set<Project>() on e.ProjectId equals p.Id
            join c in db.Set<TransactionCategory>() on e.TransactionCategoryId equals c.Id
            from r in db.Set<BookableResource>().Where(r => r.Id == e.ResourceId).DefaultIfEmpty()
            from task in db.Set<ProjectTask>().Where(t => t.Id == e.TaskId).DefaultIfEmpty()
            select new ApprovalItem
            {
                EntryType = ApprovalEntryType.Expense, Id = e.Id, Date = e.TransactionDate,
                Stage = e.ExpenseStatus == ExpenseStatus.Submitted ? ApprovalStage.Submitted
                    : e.ExpenseStatus == ExpenseStatus.RecallRequested ? ApprovalStage.RecallRequested : ApprovalStage.Approved,
                ResourceId = e.ResourceId, Resource = r == null ? null : r.Name, ProjectId = e.ProjectId, Project = p.Name, Task = task == null ? null : task.Name,
                RoleOrCategory = c.Name, Minutes = 0, ExpenseQuantity = e.Quantity, Unit = e.Unit ?? c.DefaultUnit, Amount = e.Amount, Currency = e.Currency,
                Description = e.Description, ModifiedOn = e.ModifiedOn,
            });
}
