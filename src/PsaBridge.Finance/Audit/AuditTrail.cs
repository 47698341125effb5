using Microsoft.EntityFrameworkCore;
using PsaBridge.Finance.IntegrationLog;

namespace PsaBridge.Finance.Audit;

/// <summary>Who is acting in this scope: the signed-in user on the web, the operating-system user in the CLI.</summary>
public interface IAuditActor
{
    string Name { get; }
    string Channel { get; }
}

/// <summary>The CLI's actor (and any host that says nothing else): the operating-system user, as the issue asks.</summary>
public sealed class OperatingSystemActor : IAuditActor
{
    public string Name { get; } = Environment.UserDomainName is { Length: > 0 } domain && domain != Environment.MachineName
        ? $"{domain}\\{Environment.UserName}" : Environment.UserName;
    public string Channel => "CLI";
}

/// <summary>What was done to one record, before the actor and time are known.</summary>
public sealed record AuditRecord(string Action, string Entity, string RecordId, string? Details = null);

/// <summary>
/// Writes the audit trail. It is kept in the finance database beside the users it names (PSA has no users of its own),
/// in a context of its own so nothing else the caller has pending is saved with it.
/// </summary>
public sealed class AuditTrail(IDbContextFactory<FinanceDb> databases, IAuditActor actor, TimeProvider time)
{
    public const string RunEntity = "IntegrationLog";

    /// <summary>Whether this scope wrote lines already, so a request whose handler recorded its own is not recorded twice.</summary>
    public bool Recorded { get; private set; }

    public Task RecordAsync(AuditRecord record, CancellationToken ct = default) => RecordAsync([record], ct);

    public async Task RecordAsync(IReadOnlyCollection<AuditRecord> records, CancellationToken ct = default)
    {
        if (records.Count == 0) return;
        var at = time.GetUtcNow().UtcDateTime;
        await using var db = await databases.CreateDbContextAsync(ct);
        db.AuditEntries.AddRange(records.Select(r => new AuditEntry
        {
            Id = Guid.CreateVersion7(), At = at, Actor = Clip(actor.Name, AuditEntry.ActorLength), Channel = Clip(actor.Channel, AuditEntry.ChannelLength),
            Action = Clip(r.Action, AuditEntry.ActionLength), Entity = Clip(r.Entity, AuditEntry.EntityLength),
            RecordId = Clip(r.RecordId, AuditEntry.RecordIdLength), Details = r.Details is null ? null : Clip(r.Details, AuditEntry.DetailsLength),
        }));
        await db.SaveChangesAsync(ct);
        Recorded = true;
    }

    /// <summary>A run a person started: its log header names them, and the trail says they started it.</summary>
    public async Task RunStartedAsync(IntegrationLogHeader header, CancellationToken ct = default)
    {
        var name = Clip(actor.Name, AuditEntry.ActorLength);
        header.StartedBy = name; // the run's own context may save the header whole later
        await using (var db = await databases.CreateDbContextAsync(ct))
            await db.IntegrationLogHeaders.Where(h => h.Id == header.Id).ExecuteUpdateAsync(s => s.SetProperty(h => h.StartedBy, name), ct);
        await RecordAsync(new AuditRecord("StartRun", RunEntity, header.Id.ToString(), header.JobDescription + (header.Full ? " (full)" : "")), ct);
    }

    private static string Clip(string value, int length) => value.Length <= length ? value : value[..length];
}
