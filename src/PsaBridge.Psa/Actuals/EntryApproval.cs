using PsaBridge.Infrastructure.Auditing;
using PsaBridge.Infrastructure.Validation;

namespace PsaBridge.Psa.Actuals;

/// <summary>The outcome of approving one entry in a bulk approval: a bad entry fails alone, the batch goes on.</summary>
public sealed record ApprovalResult(Guid Id, bool Approved, string? Error = null);

/// <summary>The outcome of a bulk approval.</summary>
public sealed record ApprovalReport(int Requested, int Approved, int Failed, IReadOnlyList<ApprovalResult> Results) : IAuditedRecords
{
    /// <summary>The entries approved; their kind is the endpoint's (time or expense), so it is left for the trail to fill in.</summary>
    public IEnumerable<AuditedRecord> AuditedRecords() => Results.Where(r => r.Approved).Select(r => new AuditedRecord("", r.Id.ToString()));

    public static ApprovalReport From(IReadOnlyList<ApprovalResult> results) =>
        new(results.Count, results.Count(r => r.Approved), results.Count(r => !r.Approved), results);
}

/// <summary>
/// What an approver adds to an approval: per entry, a billable quantity below the quantity entered (the rest becomes
/// non-chargeable), and one comment for every entry approved.
/// </summary>
public sealed record ApprovalDecision(IReadOnlyDictionary<Guid, decimal>? BillableQuantities = null, string? Comment = null)
{
    public const int CommentLength = 500;

    public static readonly ApprovalDecision None = new();

    /// <summary>The comment as stored: trimmed, null when blank; a 400 naming 'comment' when too long or not text.</summary>
    public static string? CleanComment(string? comment)
    {
        new Rules().Text("comment", comment, CommentLength, multiline: true).ThrowIfAny();
        return InputRules.Clean(comment);
    }
}
