namespace PsaBridge.Psa.Actuals;

/// <summary>The outcome of approving one entry in a bulk approval: a bad entry fails alone, the batch goes on.</summary>
public sealed record ApprovalResult(Guid Id, bool Approved, string? Error = null);

/// <summary>The outcome of a bulk approval.</summary>
public sealed record ApprovalReport(int Requested, int Approved, int Failed, IReadOnlyList<ApprovalResult> Results)
{
    public static ApprovalReport From(IReadOnlyList<ApprovalResult> results) =>
        new(results.Count, results.Count(r => r.Approved), results.Count(r => !r.Approved), results);
}
