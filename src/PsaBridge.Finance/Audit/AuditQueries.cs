using Microsoft.EntityFrameworkCore;
using PsaBridge.Infrastructure.Paging;
using PsaBridge.Infrastructure.Validation;

namespace PsaBridge.Finance.Audit;

/// <summary>Which audit lines to read: by who, what kind of record and which one, and a period (from inclusive, to exclusive, UTC).</summary>
public sealed record AuditFilter(string? Actor = null, string? Entity = null, string? RecordId = null, DateTime? From = null, DateTime? To = null)
{
    public AuditFilter Checked()
    {
        var rules = new Rules().MaxLength("user", Actor, AuditEntry.ActorLength).NoControlCharacters("user", Actor)
            .MaxLength("entity", Entity, AuditEntry.EntityLength).NoControlCharacters("entity", Entity)
            .MaxLength("recordId", RecordId, AuditEntry.RecordIdLength).NoControlCharacters("recordId", RecordId);
        if (From is { } f && To is { } t && t < f) rules.Add("to", "'to' is before 'from'.");
        rules.ThrowIfAny();
        return this;
    }
}

public sealed class AuditQueries(FinanceDb db)
{
    /// <summary>The orders a list of audit lines can take, by key.</summary>
    public static readonly string[] SortKeys = ["at", "user", "action", "entity", "record"];

    /// <summary>The lines the filter keeps in the order asked for (newest first by default), paged.</summary>
    public async Task<Page<AuditEntry>> ListAsync(AuditFilter filter, string? sort, bool descending, PageRequest page, CancellationToken ct = default)
    {
        var found = await Sorted(Query(filter.Checked()), sort, descending).ToPageAsync(page, ct);
        foreach (var entry in found.Items) entry.At = DateTime.SpecifyKind(entry.At, DateTimeKind.Utc); // stored as UTC; read back without a kind
        return found;
    }

    public static IOrderedQueryable<AuditEntry> Sorted(IQueryable<AuditEntry> query, string? sort, bool descending) =>
        (sort?.Trim().ToLowerInvariant() ?? "at") switch
        {
            "at" => descending || sort is null ? query.OrderByDescending(e => e.At).ThenByDescending(e => e.Id) : query.OrderBy(e => e.At).ThenBy(e => e.Id),
            "user" => (descending ? query.OrderByDescending(e => e.Actor) : query.OrderBy(e => e.Actor)).ThenByDescending(e => e.At).ThenByDescending(e => e.Id),
            "action" => (descending ? query.OrderByDescending(e => e.Action) : query.OrderBy(e => e.Action)).ThenByDescending(e => e.At).ThenByDescending(e => e.Id),
            "entity" => (descending ? query.OrderByDescending(e => e.Entity) : query.OrderBy(e => e.Entity)).ThenByDescending(e => e.At).ThenByDescending(e => e.Id),
            "record" => (descending ? query.OrderByDescending(e => e.RecordId) : query.OrderBy(e => e.RecordId)).ThenByDescending(e => e.At).ThenByDescending(e => e.Id),
            _ => throw new ValidationFailedException("sort", $"Sort by '{sort}' is not possible; choose one of: {string.Join(", ", SortKeys)}."),
        };

    /// <summary>The lines the filter keeps, unordered: the caller sorts, pages or exports them.</summary>
    public IQueryable<AuditEntry> Query(AuditFilter filter)
    {
        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Actor))
        {
            var actor = filter.Actor.Trim().ToLower();
            query = query.Where(e => e.Actor.ToLower().Contains(actor));
        }
        if (!string.IsNullOrWhiteSpace(filter.Entity))
        {
            var entity = filter.Entity.Trim().ToLower();
            query = query.Where(e => e.Entity.ToLower() == entity);
        }
        if (!string.IsNullOrWhiteSpace(filter.RecordId))
        {
            var id = filter.RecordId.Trim().ToLower();
            query = query.Where(e => e.RecordId.ToLower() == id);
        }
        if (filter.From is { } from) query = query.Where(e => e.At >= from);
        if (filter.To is { } to) query = query.Where(e => e.At < to);
        return query;
    }
}
