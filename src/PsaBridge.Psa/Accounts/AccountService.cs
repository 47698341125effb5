using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PsaBridge.Infrastructure.Paging;
using PsaBridge.Infrastructure.Storage;
using PsaBridge.Infrastructure.Validation;
using PsaBridge.Psa.Versioning;

namespace PsaBridge.Psa.Accounts;

public sealed record AccountFilter(string? Search = null, AccountState? State = null);

/// <summary>Creates, changes, reads and deactivates PSA accounts. Every change takes a new version number.</summary>
public sealed class AccountService(PsaDb db, TimeProvider clock)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    public async Task<Account> CreateAsync(AccountInput input, Guid? id = null, CancellationToken ct = default)
    {
        input.Validate().ThrowIfAny();
        var now = clock.GetUtcNow().UtcDateTime;
        var account = new Account { Id = id ?? Ids.New(), Name = "", CreatedOn = now, ModifiedOn = now };
        if (id is { } given && await db.Accounts.AnyAsync(a => a.Id == given, ct))
            throw new ValidationFailedException("id", $"Account '{given}' already exists.");
        input.ApplyTo(account);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        account.VersionNumber = await Versions.TakeAsync(db, 1, ct);
        db.Accounts.Add(account);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return account;
    }

    /// <summary>
    /// A JSON merge patch: the fields present are changed (null clears), the rest kept. A patch that
    /// changes nothing takes no new version, so the sync does not see a change that did not happen.
    /// </summary>
    public async Task<Account> PatchAsync(Guid id, JsonObject patch, CancellationToken ct = default)
    {
        var account = await db.Accounts.SingleOrDefaultAsync(a => a.Id == id, ct) ?? throw new NotFoundException("Account", id.ToString());
        var current = JsonSerializer.SerializeToNode(AccountInput.From(account), Json)!.AsObject();
        Merge(current, patch);
        AccountInput input;
        try
        {
            input = current.Deserialize<AccountInput>(Json)!;
        }
        catch (JsonException e)
        {
            var field = (e.Path ?? "$").TrimStart('$', '.');
            throw new ValidationFailedException(field.Length == 0 ? "body" : field, $"'{field}' has a value of the wrong type or an unknown field was given: {e.Message}");
        }
        input.Validate().ThrowIfAny();
        if (!input.Differs(account)) return account;
        input.ApplyTo(account);
        await SaveChangeAsync(account, ct);
        return account;
    }

    public async Task<Account> SetStateAsync(Guid id, AccountState state, CancellationToken ct = default)
    {
        var account = await db.Accounts.SingleOrDefaultAsync(a => a.Id == id, ct) ?? throw new NotFoundException("Account", id.ToString());
        if (account.StateCode == state) return account;
        account.StateCode = state;
        await SaveChangeAsync(account, ct);
        return account;
    }

    public async Task<Account> GetAsync(Guid id, CancellationToken ct = default) =>
        await db.Accounts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct) ?? throw new NotFoundException("Account", id.ToString());

    public Task<Page<Account>> ListAsync(AccountFilter filter, PageRequest page, CancellationToken ct = default) =>
        Query(filter).OrderBy(a => a.Name).ThenBy(a => a.Id).ToPageAsync(page, ct);

    /// <summary>The accounts the filter keeps, unordered, for a list that sorts, pages and exports them itself.</summary>
    public IQueryable<Account> Query(AccountFilter filter)
    {
        var query = db.Accounts.AsNoTracking();
        if (filter.State is { } state) query = query.Where(a => a.StateCode == state);
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var term = filter.Search.Trim().ToLower();
            query = query.Where(a => a.Name.ToLower().Contains(term) || (a.AccountNumber != null && a.AccountNumber.ToLower().StartsWith(term))
                                     || (a.Address1.City != null && a.Address1.City.ToLower().StartsWith(term)));
        }
        return query;
    }

    private async Task SaveChangeAsync(Account account, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        account.VersionNumber = await Versions.TakeAsync(db, 1, ct);
        account.ModifiedOn = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    private static void Merge(JsonObject target, JsonObject patch)
    {
        foreach (var (name, value) in patch)
        {
            var key = target.Select(p => p.Key).FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase)) ?? name;
            if (value is JsonObject nested && target[key] is JsonObject existing) Merge(existing, nested);
            else target[key] = value?.DeepClone();
        }
    }
}
