using PsaBridge.Infrastructure.Auditing;
using PsaBridge.Infrastructure.Validation;
using PsaBridge.Psa.Actuals;
using PsaBridge.Psa.Expenses;
using PsaBridge.Psa.Time;

namespace PsaBridge.Psa.Approvals;

/// <summary>One entry an approver decides on; <see cref="BillableQuantity"/> only when approving, to lower what is billed.</summary>
public sealed record ApprovalEntry(ApprovalEntryType? EntryType, Guid? Id, decimal? BillableQuantity = null);

/// <summary>An approver's decision on many entries, with one comment for all.</summary>
public sealed record ApprovalDecisionInput(List<ApprovalEntry>? Entries, string? Comment = null)
{
    public const int MaxEntries = 10_000;
}

/// <summary>What became of one entry of a decision: a bad entry fails alone with its reason, the others go on.</summary>
public sealed record ApprovalDecisionResult(ApprovalEntryType EntryType, Guid Id, bool Done, string? Error = null);

public sealed record ApprovalDecisionReport(int Requested, int Done, int Failed, IReadOnlyList<ApprovalDecisionResult> Results) : IAuditedRecords
{
    public IEnumerable<AuditedRecord> AuditedRecords() =>
        Results.Where(r => r.Done).Select(r => new AuditedRecord(r.EntryType == ApprovalEntryType.Time ? "TimeEntry" : "ExpenseEntry", r.Id.ToString()));

    public static ApprovalDecisionReport From(IReadOnlyList<ApprovalDecisionResult> results) =>
        new(results.Count, results.Count(r => r.Done), results.Count(r => !r.Done), results);
}

/// <summary>The decisions an approver takes from the queue.</summary>
public enum ApprovalAction { Approve, Reject, CancelApproval, ApproveRecall, RejectRecall }

/// <summary>
/// The approver's decisions on time and expense together: approve (with billable quantities), reject (time is Returned, as
/// it has no Rejected; an expense is Rejected), cancel an approval, and grant or refuse a recall, each with a comment.
/// Approval goes through the bulk approval of each kind; the other decisions are taken entry by entry.
/// </summary>
public sealed class ApprovalService(PsaDb db, TimeEntryService time, ExpenseService expenses)
{
    public async Task<ApprovalDecisionReport> DecideAsync(ApprovalAction action, ApprovalDecisionInput input, CancellationToken ct = default)
    {
        var entries = Validate(action, input);
        var comment = ApprovalDecision.CleanComment(input.Comment);
        if (action == ApprovalAction.Approve) return await ApproveAsync(entries, comment, ct);
        var results = new List<ApprovalDecisionResult>(entries.Count);
        foreach (var (type, id, _) in entries)
        {
            try
            {
                await DecideOneAsync(action, type, id, comment, ct);
                results.Add(new ApprovalDecisionResult(type, id, true));
            }
            catch (Exception e) when (e is ConflictException or NotFoundException)
            {
                db.ChangeTracker.Clear(); // an entry whose save failed must not be saved with the next one
                results.Add(new ApprovalDecisionResult(type, id, false, e.Message));
            }
        }
        return ApprovalDecisionReport.From(results);
    }

    private Task DecideOneAsync(ApprovalAction action, ApprovalEntryType type, Guid id, string? comment, CancellationToken ct) => (action, type) switch
    {
        (ApprovalAction.Reject, ApprovalEntryType.Time) => time.ReturnAsync(id, comment, ct),
        (ApprovalAction.Reject, _) => expenses.RejectAsync(id, comment, ct),
        (ApprovalAction.CancelApproval, ApprovalEntryType.Time) => time.CancelApprovalAsync(id, comment, ct),
        (ApprovalAction.CancelApproval, _) => expenses.CancelAsync(id, comment, ct),
        (ApprovalAction.ApproveRecall, ApprovalEntryType.Time) => time.ApproveRecallAsync(id, comment, ct),
        (ApprovalAction.ApproveRecall, _) => expenses.ApproveRecallAsync(id, comment, ct),
        (ApprovalAction.RejectRecall, ApprovalEntryType.Time) => time.RejectRecallAsync(id, comment, ct),
        (ApprovalAction.RejectRecall, _) => expenses.RejectRecallAsync(id, comment, ct),
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };

    private async Task<ApprovalDecisionReport> ApproveAsync(List<(ApprovalEntryType Type, Guid Id, decimal? Billable)> entries, string? comment, CancellationToken ct)
    {
        ApprovalDecision DecisionFor(ApprovalEntryType type) => new(
            entries.Where(e => e.Type == type && e.Billable is not null).GroupBy(e => e.Id).ToDictionary(g => g.Key, g => g.First().Billable!.Value), comment);
        var timeIds = entries.Where(e => e.Type == ApprovalEntryType.Time).Select(e => e.Id).ToList();
        var expenseIds = entries.Where(e => e.Type == ApprovalEntryType.Expense).Select(e => e.Id).ToList();
        var outcomes = new Dictionary<(ApprovalEntryType, Guid), ApprovalResult>();
        if (timeIds.Count > 0)
            foreach (var r in (await time.ApproveTimeEntries(timeIds, DecisionFor(ApprovalEntryType.Time), ct)).Results) outcomes[(ApprovalEntryType.Time, r.Id)] = r;
        if (expenseIds.Count > 0)
            foreach (var r in (await expenses.ApproveExpenses(expenseIds, DecisionFor(ApprovalEntryType.Expense), ct)).Results) outcomes[(ApprovalEntryType.Expense, r.Id)] = r;
        return ApprovalDecisionReport.From(entries.Select(e => outcomes[(e.Type, e.Id)]).Zip(entries)
            .Select(x => new ApprovalDecisionResult(x.Second.Type, x.Second.Id, x.First.Approved, x.First.Error)).ToList());
    }

    private static List<(ApprovalEntryType Type, Guid Id, decimal? Billable)> Validate(ApprovalAction action, ApprovalDecisionInput input)
    {
        if (input.Entries is null || input.Entries.Count == 0) throw new ValidationFailedException("entries", "'entries' is required: give at least one entry.");
        if (input.Entries.Count > ApprovalDecisionInput.MaxEntries)
            throw new ValidationFailedException("entries", $"'entries' has {input.Entries.Count} entries; at most {ApprovalDecisionInput.MaxEntries} are taken in one call.");
        var rules = new Rules();
        for (var i = 0; i < input.Entries.Count; i++)
        {
            var (type, id, billable) = input.Entries[i];
            if (type is null) rules.Add($"entries[{i}].entryType", $"'entries[{i}].entryType' is required: Time or Expense.");
            else if (!Enum.IsDefined(type.Value)) rules.Add($"entries[{i}].entryType", $"'entries[{i}].entryType' is '{type}', which is not Time or Expense.");
            if (id is null || id == Guid.Empty) rules.Add($"entries[{i}].id", $"'entries[{i}].id' is required.");
            if (billable is not null && action != ApprovalAction.Approve)
                rules.Add($"entries[{i}].billableQuantity", $"'entries[{i}].billableQuantity' is given only when approving.");
            else if (billable is < 0) rules.Add($"entries[{i}].billableQuantity", $"'entries[{i}].billableQuantity' is {billable}; it cannot be negative.");
        }
        rules.ThrowIfAny();
        return input.Entries.Select(e => (e.EntryType!.Value, e.Id!.Value, e.BillableQuantity)).Distinct().ToList();
    }
}
