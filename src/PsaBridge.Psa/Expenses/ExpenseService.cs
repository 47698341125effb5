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
    public async Task<ExpenseEntry> RejectAsync(Guid id, string? comment, CancellationToken ct = default)
    {
        comment = ApprovalDecision.CleanComment(comment);
        var expense = await FindAsync(id, ct);
        Expect(expense, "rejected", ExpenseStatus.Submitted);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await store.DropJournalAsync(expense.Id, ct);
        expense.ExpenseStatus = ExpenseStatus.Rejected;
        expense.ApprovalComment = comment;
        expense.ModifiedOn = clock.GetUtcNow().UtcDateTime;
        await SaveAsync(ct);
        await tx.CommitAsync(ct);
        return expense;
    }

    /// <summary>
    /// Cancels the approval of an expense: its actuals are reversed and it is Submitted again, with a new journal at the
    /// prices it was approved at (refused once it is on an invoice).
    /// </summary>
    public Task<ExpenseEntry> CancelAsync(Guid id, CancellationToken ct = default) => CancelAsync(id, null, ct);

    /// <summary>As <see cref="CancelAsync(Guid, CancellationToken)"/>, with the approver's comment.</summary>
    public Task<ExpenseEntry> CancelAsync(Guid id, string? comment, CancellationToken ct = default) =>
        ReverseAsync(id, "unapproved", ExpenseStatus.Approved, ExpenseStatus.Submitted, comment, ct);

    /// <summary>
    /// The resource takes an expense back: a submitted one returns to Draft (its journal dropped); an approved one becomes
    /// Recall Requested, for its approver to decide (refused once it is on an invoice).
    /// </summary>
    public async Task<ExpenseEntry> RecallAsync(Guid id, CancellationToken ct = default)
    {
        var expense = await FindAsync(id, ct);
        Expect(expense, "recalled", ExpenseStatus.Submitted, ExpenseStatus.Approved);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (expense.ExpenseStatus == ExpenseStatus.Submitted) await store.DropJournalAsync(expense.Id, ct);
        else await store.EnsureNotInvoicedAsync(expense.Id, ct);
        expense.ExpenseStatus = expense.ExpenseStatus == ExpenseStatus.Submitted ? ExpenseStatus.Draft : ExpenseStatus.RecallRequested;
        expense.ModifiedOn = clock.GetUtcNow().UtcDateTime;
        await SaveAsync(ct);
        await tx.CommitAsync(ct);
        return expense;
    }

    /// <summary>The approver grants a recall: the approval's actuals are reversed and the expense is Rejected back to its resource.</summary>
    public Task<ExpenseEntry> ApproveRecallAsync(Guid id, string? comment, CancellationToken ct = default) =>
        ReverseAsync(id, "granted a recall", ExpenseStatus.RecallRequested, ExpenseStatus.Rejected, comment, ct);

    /// <summary>The approver refuses a recall: the expense stays Approved, its actuals untouched.</summary>
    public async Task<ExpenseEntry> RejectRecallAsync(Guid id, string? comment, CancellationToken ct = default)
    {
        comment = ApprovalDecision.CleanComment(comment);
        var expense = await FindAsync(id, ct);
        Expect(expense, "refused a recall", ExpenseStatus.RecallRequested);
        expense.ExpenseStatus = ExpenseStatus.Approved;
        expense.ApprovalComment = comment;
        expense.ModifiedOn = clock.GetUtcNow().UtcDateTime;
        await SaveAsync(ct);
        return expense;
    }

    private async Task<ExpenseEntry> ReverseAsync(Guid id, string action, ExpenseStatus from, ExpenseStatus to, string? comment, CancellationToken ct)
    {
        comment = ApprovalDecision.CleanComment(comment);
        var expense = await FindAsync(id, ct);
        Expect(expense, action, from);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await store.ReverseApprovalAsync(expense.Id, TransactionTypes.Expense, submitAgain: to == ExpenseStatus.Submitted, now, ct);
        expense.ExpenseStatus = to;
        expense.ApprovalComment = comment;
        expense.ModifiedOn = now;
        await SaveAsync(ct);
        await tx.CommitAsync(ct);
        return expense;
    }

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

    private async Task<ExpenseEntry> FindAsync(Guid id, CancellationToken ct) =>
        await db.Set<ExpenseEntry>().SingleOrDefaultAsync(e => e.Id == id, ct) ?? throw new NotFoundException("Expense", id.ToString());

    private static void Expect(ExpenseEntry expense, string action, params ExpenseStatus[] allowed)
    {
        if (!allowed.Contains(expense.ExpenseStatus))
            throw new ConflictException($"Expense '{expense.Id}' is {expense.ExpenseStatus} and cannot be {action}; it must be {string.Join(" or ", allowed)}.");
    }

    private async Task SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("The expense was changed by someone else meanwhile; read it again and retry.");
        }
    }
}
