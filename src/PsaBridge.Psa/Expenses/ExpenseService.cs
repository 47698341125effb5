using Microsoft.EntityFrameworkCore;
using PsaBridge.Infrastructure.Paging;
using PsaBridge.Infrastructure.Storage;
using PsaBridge.Infrastructure.Validation;
using PsaBridge.Psa.Actuals;
using PsaBridge.Psa.OrganizationalUnits;
using PsaBridge.Psa.Pricing;
using PsaBridge.Psa.Projects;
using PsaBridge.Psa.Resources;

namespace PsaBridge.Psa.Expenses;

public sealed record ExpenseInput(
    DateOnly? TransactionDate,
    Guid? TransactionCategoryId,
    Guid? ProjectId,
    decimal? Quantity,
    decimal? Price,
    string? Currency = null,
    Guid? TaskId = null,
    Guid? ResourceId = null,
    string? Unit = null,
    string? Description = null);

public sealed record ExpenseFilter(Guid? ProjectId = null, Guid? ResourceId = null, ExpenseStatus? Status = null, DateOnly? From = null, DateOnly? To = null);

/// <summary>
/// Expense entries and their status flow: Draft → Submitted (priced into a journal) → Approved (posted as
/// actuals); Submitted → Rejected → Submitted again; Submitted → Draft when recalled; Approved → Recall
/// Requested → Rejected (actuals reversed) or back to Approved. Cancelling an approval reverses its actuals
/// and puts the expense back to Submitted (the expense option set has no Cancelled). Reversals are refused
/// once the expense is on an invoice.
/// </summary>
public sealed class ExpenseService(PsaDb db, EntryPostingStore store, TimeProvider clock)
{
    private readonly EntryWorkflow<ExpenseEntry, ExpenseStatus> _flow = new(db, store, clock, Kind);

    public async Task<ExpenseEntry> CreateAsync(ExpenseInput input, CancellationToken ct = default)
    {
        var rules = new Rules().RequiredValue("transactionDate", input.TransactionDate).RequiredId("transactionCategoryId", input.TransactionCategoryId)
            .RequiredId("projectId", input.ProjectId).RequiredValue("quantity", input.Quantity).Positive("quantity", input.Quantity)
            .RequiredValue("price", input.Price).NotNegative("price", input.Price).Currency("currency", input.Currency, required: false)
            .MaxLength("unit", input.Unit, BusinessTransaction.UnitLength).MaxLength("description", input.Description, ExpenseEntry.DescriptionLength);
        await rules.ExistAsync<TransactionCategory>(db, "transactionCategoryId", input.TransactionCategoryId, "Transaction category", ct);
        await rules.ExistAsync<BookableResource>(db, "resourceId", input.ResourceId, "Resource", ct);
        var project = input.ProjectId is { } pid ? await db.Set<Project>().AsNoTracking().SingleOrDefaultAsync(p => p.Id == pid, ct) : null;
        if (input.ProjectId is { } missing && missing != Guid.Empty && project is null) rules.Add("projectId", $"Project '{missing}' does not exist.");
        if (input.TaskId is { } taskId && project is not null
            && !await db.Set<ProjectTask>().AnyAsync(t => t.Id == taskId && t.ProjectId == project.Id, ct))
            rules.Add("taskId", $"Task '{taskId}' is not a task of project '{project.Name}'.");
        rules.ThrowIfAny();

        // An expense is in the currency entered, else in its project's contracting unit's.
        var currency = InputRules.Clean(input.Currency)?.ToUpperInvariant()
                       ?? await db.Set<OrganizationalUnit>().Where(u => u.Id == project!.ContractingUnitId).Select(u => u.Currency).SingleAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var expense = new ExpenseEntry
        {
            Id = Ids.New(), TransactionDate = input.TransactionDate!.Value, TransactionCategoryId = input.TransactionCategoryId!.Value,
            ProjectId = project!.Id, TaskId = input.TaskId, ResourceId = input.ResourceId, Quantity = input.Quantity!.Value, Unit = InputRules.Clean(input.Unit),
            Price = input.Price!.Value, Amount = PriceResolution.Amount(input.Quantity!.Value, input.Price!.Value), Currency = currency,
            Description = InputRules.Clean(input.Description), CreatedOn = now, ModifiedOn = now,
        };
        db.Add(expense);
        await db.SaveChangesAsync(ct);
        return expense;
    }

    public async Task<ExpenseEntry> SubmitAsync(Guid id, CancellationToken ct = default)
    {
        var expense = await FindAsync(id, ct);
        Expect(expense, "submitted", ExpenseStatus.Draft, ExpenseStatus.Rejected);
        var category = await db.Set<TransactionCategory>().AsNoTracking().SingleAsync(c => c.Id == expense.TransactionCategoryId, ct);
        var inputs = await store.PricingInputsAsync(expense.ProjectId, TransactionClass.Expense, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var posting = new Posting();
        ExpensePricing.Submit(posting, expense, category, inputs, now);
        expense.ExpenseStatus = ExpenseStatus.Submitted;
        expense.ModifiedOn = now;
        posting.AddTo(db);
        await SaveAsync(ct);
        return expense;
    }

    public async Task<ExpenseEntry> ApproveAsync(Guid id, CancellationToken ct = default)
    {
        var result = (await ApproveExpenses([id], ct)).Results.Single();
        if (!result.Approved)
            throw await db.Set<ExpenseEntry>().AnyAsync(e => e.Id == id, ct) ? new ConflictException(result.Error!) : new NotFoundException("Expense", id.ToString());
        return await GetAsync(id, ct);
    }

    /// <summary>Approves many submitted expenses through the shared bulk approval (<see cref="EntryApprover"/>), as time entries are.</summary>
    public Task<ApprovalReport> ApproveExpenses(IReadOnlyList<Guid> ids, CancellationToken ct = default) =>
        new EntryApprover(db, store, clock).ApproveAsync(ids, Approvable, ct);

    /// <summary>As <see cref="ApproveExpenses(IReadOnlyList{Guid}, CancellationToken)"/>, with the approver's billable quantities and comment.</summary>
    public Task<ApprovalReport> ApproveExpenses(IReadOnlyList<Guid> ids, ApprovalDecision decision, CancellationToken ct = default) =>
        new EntryApprover(db, store, clock).ApproveAsync(ids, Approvable, decision with { Comment = ApprovalDecision.CleanComment(decision.Comment) }, ct);

    private static readonly ApprovableEntries<ExpenseStatus> Approvable = new("Expense", "expense", TransactionTypes.Expense, ExpenseStatus.Submitted,
        (source, ids, ct) => source.Set<ExpenseEntry>().AsNoTracking().Where(e => EF.Parameter(ids).Contains(e.Id))
            .Select(e => new { e.Id, e.ExpenseStatus }).ToDictionaryAsync(e => e.Id, e => e.ExpenseStatus, ct),
        // "+ 0" keeps SQLite (no statistics) off the status index, which would scan every submitted expense per batch.
        (target, ids, now, comment, ct) => target.Set<ExpenseEntry>()
            .Where(e => EF.Parameter(ids).Contains(e.Id) && (int)e.ExpenseStatus + 0 == (int)ExpenseStatus.Submitted)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.ExpenseStatus, ExpenseStatus.Approved).SetProperty(e => e.ModifiedOn, now)
                .SetProperty(e => e.ApprovalComment, comment), ct));

    public Task<ExpenseEntry> RejectAsync(Guid id, CancellationToken ct = default) => RejectAsync(id, null, ct);

    /// <summary>Rejects a submitted expense with the approver's comment, the reason its resource reads: its journal is dropped.</summary>
    public Task<ExpenseEntry> RejectAsync(Guid id, string? comment, CancellationToken ct = default) => _flow.SendBackAsync(id, "rejected", comment, ct);

    /// <summary>
    /// Cancels the approval of an expense: its actuals are reversed and it is Submitted again, with a new journal at the
    /// prices it was approved at (refused once it is on an invoice).
    /// </summary>
    public Task<ExpenseEntry> CancelAsync(Guid id, CancellationToken ct = default) => CancelAsync(id, null, ct);

    /// <summary>As <see cref="CancelAsync(Guid, CancellationToken)"/>, with the approver's comment.</summary>
    public Task<ExpenseEntry> CancelAsync(Guid id, string? comment, CancellationToken ct = default) => _flow.CancelApprovalAsync(id, comment, ct);

    /// <summary>The resource takes an expense back (<see cref="EntryWorkflow{TEntry, TStatus}.RecallAsync"/>).</summary>
    public Task<ExpenseEntry> RecallAsync(Guid id, CancellationToken ct = default) => _flow.RecallAsync(id, ct);

    /// <summary>The approver grants a recall: the approval's actuals are reversed and the expense is Rejected back to its resource.</summary>
    public Task<ExpenseEntry> ApproveRecallAsync(Guid id, string? comment, CancellationToken ct = default) => _flow.GrantRecallAsync(id, comment, ct);

    /// <summary>The approver refuses a recall: the expense stays Approved, its actuals untouched.</summary>
    public Task<ExpenseEntry> RejectRecallAsync(Guid id, string? comment, CancellationToken ct = default) => _flow.RefuseRecallAsync(id, comment, ct);

    public async Task<ExpenseEntry> GetAsync(Guid id, CancellationToken ct = default) =>
        await db.Set<ExpenseEntry>().AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, ct) ?? throw new NotFoundException("Expense", id.ToString());

    public Task<Page<ExpenseEntry>> ListAsync(ExpenseFilter filter, PageRequest page, CancellationToken ct = default)
    {
        var query = db.Set<ExpenseEntry>().AsNoTracking();
        if (filter.ProjectId is { } project) query = query.Where(e => e.ProjectId == project);
        if (filter.ResourceId is { } resource) query = query.Where(e => e.ResourceId == resource);
        if (filter.Status is { } status) query = query.Where(e => e.ExpenseStatus == status);
        if (filter.From is { } from) query = query.Where(e => e.TransactionDate >= from);
        if (filter.To is { } to) query = query.Where(e => e.TransactionDate <= to);
        return query.OrderBy(e => e.TransactionDate).ThenBy(e => e.Id).ToPageAsync(page, ct);
    }

    private Task<ExpenseEntry> FindAsync(Guid id, CancellationToken ct) => _flow.FindAsync(id, ct);

    private void Expect(ExpenseEntry expense, string action, params ExpenseStatus[] allowed) => _flow.Expect(expense, action, allowed);

    private Task SaveAsync(CancellationToken ct) => _flow.SaveAsync(ct);

    private static readonly EntryKind<ExpenseStatus> Kind = new("Expense", "expense", TransactionTypes.Expense, ExpenseStatus.Draft,
        ExpenseStatus.Submitted, ExpenseStatus.Approved, ExpenseStatus.RecallRequested, ExpenseStatus.Rejected);
}
