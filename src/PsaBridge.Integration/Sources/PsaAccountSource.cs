using Microsoft.EntityFrameworkCore;
using PsaBridge.Infrastructure.Storage;
using PsaBridge.Psa;

namespace PsaBridge.Integration.Sources;

/// <summary>A PSA account as the sync reads it: Dataverse's fields, free text as the user typed it.</summary>
public sealed record PsaAccountRecord(
    Guid Id,
    long Version,
    string Name,
    string? AccountNumber,
    string? Currency,
    string? Telephone1,
    string? EmailAddress1,
    string? Line1,
    string? Line2,
    string? Line3,
    string? City,
    string? StateOrProvince,
    string? PostalCode,
    string? Country,
    decimal? CreditLimit,
    string? PaymentTerms);

/// <summary>
/// The source port of the customer sync. This implementation reads the PSA database; a Dataverse
/// Web API reader (<c>accounts?$filter=versionnumber gt N&amp;$orderby=versionnumber</c>) fits the same shape.
/// </summary>
public interface IPsaAccountSource
{
    /// <summary>Accounts with a version above <paramref name="afterVersion"/>, in version order.</summary>
    Task<IReadOnlyList<PsaAccountRecord>> ReadChangedAsync(long afterVersion, int pageSize, CancellationToken ct);

    Task<IReadOnlyList<PsaAccountRecord>> ReadByIdsAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct);

    Task<int> CountChangedAsync(long afterVersion, CancellationToken ct);
}

public sealed class PsaDbAccountSource(IDbContextFactory<PsaDb> contexts) : IPsaAccountSource
{
    public async Task<IReadOnlyList<PsaAccountRecord>> ReadChangedAsync(long afterVersion, int pageSize, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await Project(db.Accounts.AsNoTracking().Where(a => a.VersionNumber > afterVersion).OrderBy(a => a.VersionNumber).Take(pageSize))
            .ToListAsync(ct);
    }

    public async Task<IReadOnlyList<PsaAccountRecord>> ReadByIdsAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        if (ids.Count == 0) return [];
        await using var db = await contexts.CreateDbContextAsync(ct);
        var list = ids as Guid[] ?? ids.ToArray();
        return await Project(db.Accounts.AsNoTracking().Where(a => EF.Parameter(list).Contains(a.Id)).OrderBy(a => a.VersionNumber)).ToListAsync(ct);
    }

    public async Task<int> CountChangedAsync(long afterVersion, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Accounts.CountAsync(a => a.VersionNumber > afterVersion, ct);
    }

    /// <summary>An account as the sync reads it.</summary>
    private static IQueryable<PsaAccountRecord> Project(IQueryable<Psa.Accounts.Account> accounts) =>
        accounts.Select(a => new PsaAccountRecord(a.Id, a.VersionNumber, a.Name, a.AccountNumber, a.Currency, a.Telephone1, a.EmailAddress1,
            a.Address1.Line1, a.Address1.Line2, a.Address1.Line3, a.Address1.City, a.Address1.StateOrProvince, a.Address1.PostalCode,
            a.Address1.Country, a.CreditLimit, a.PaymentTerms));
}
