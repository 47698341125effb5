namespace PsaBridge.Infrastructure.Auditing;

/// <summary>A record an action touched, as the audit trail names it: its kind (e.g. <c>TimeEntry</c>) and its id.</summary>
public sealed record AuditedRecord(string Entity, string RecordId, string? Details = null);

/// <summary>
/// A result that says which records an action really changed (a batch whose entries fail alone), so the audit trail
/// names those and not the ones refused.
/// </summary>
public interface IAuditedRecords
{
    IEnumerable<AuditedRecord> AuditedRecords();
}
