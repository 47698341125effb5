using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using PsaBridge.Finance;
using PsaBridge.Finance.Identity;
using PsaBridge.Infrastructure.Validation;

namespace PsaBridge.Web.Security;

/// <summary>A token as it is shown, once, to the person who made it.</summary>
public sealed record IssuedToken(PersonalAccessToken Token, string Secret);

/// <summary>
/// Personal access tokens: made for one of the user's roles with an expiry, shown once, kept as a SHA-256 hash
/// (a token is 256 random bits, so a fast hash is enough; passwords get Identity's slow one).
/// </summary>
public sealed class PersonalAccessTokens(FinanceDb db, TimeProvider time)
{
    public const string Scheme = "PersonalAccessToken";
    /// <summary>Every token starts so, which tells it from a JWT in the same header.</summary>
    public const string TokenPrefix = "pbt_";
    public const int MaxDays = 366;

    public async Task<IssuedToken> CreateAsync(string userId, string? name, string? role, int? days, CancellationToken ct = default)
    {
        var errors = new List<FieldError>();
        name = name?.Trim();
        if (string.IsNullOrEmpty(name)) errors.Add(new("name", "Give the token a name, e.g. the program that uses it."));
        else if (name.Length > PersonalAccessToken.NameLength) errors.Add(new("name", $"The name has {name.Length} characters; at most {PersonalAccessToken.NameLength}."));
        var parsed = Roles.Parse(role);
        var held = await RolesOfAsync(userId, ct);
        if (parsed is null) errors.Add(new("role", $"Role '{role}' is not one of {string.Join(", ", Roles.All)}."));
        else if (!held.Contains(parsed)) errors.Add(new("role", $"You do not hold the role {Roles.DisplayName(parsed)}."));
        if (days is null or < 1 or > MaxDays) errors.Add(new("days", $"A token lasts from 1 to {MaxDays} days."));
        if (errors.Count > 0) throw new ValidationFailedException(errors);

        var secret = TokenPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        var now = time.GetUtcNow().UtcDateTime;
        var token = new PersonalAccessToken
        {
            Id = Guid.NewGuid(), UserId = userId, Name = name!, TokenHash = Hash(secret), Prefix = secret[..PersonalAccessToken.PrefixLength],
            Role = parsed!, CreatedAt = now, ExpiresAt = now.AddDays(days!.Value),
        };
        db.PersonalAccessTokens.Add(token);
        await db.SaveChangesAsync(ct);
        return new IssuedToken(token, secret);
    }

    public Task<List<PersonalAccessToken>> ListAsync(string userId, CancellationToken ct = default) =>
        db.PersonalAccessTokens.AsNoTracking().Where(t => t.UserId == userId).OrderByDescending(t => t.CreatedAt).ToListAsync(ct);

    /// <summary>Revokes one of the user's own tokens; a token of someone else is not found.</summary>
    public async Task RevokeAsync(string userId, Guid id, CancellationToken ct = default)
    {
        var token = await db.PersonalAccessTokens.SingleOrDefaultAsync(t => t.Id == id && t.UserId == userId, ct)
                    ?? throw new NotFoundException("Token", id.ToString());
        token.RevokedAt ??= time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The live token with this secret, with its user, or null; the role must still be the user's.</summary>
    public async Task<PersonalAccessToken?> FindActiveAsync(string secret, CancellationToken ct = default)
    {
        if (!secret.StartsWith(TokenPrefix, StringComparison.Ordinal)) return null;
        var hash = Hash(secret);
        var now = time.GetUtcNow().UtcDateTime;
        var token = await db.PersonalAccessTokens.AsNoTracking().Include(t => t.User).SingleOrDefaultAsync(t => t.TokenHash == hash, ct);
        if (token?.User is null || !token.IsActiveAt(now)) return null;
        if (token.User.LockoutEnd is { } lockout && lockout > time.GetUtcNow()) return null;
        if (!(await RolesOfAsync(token.UserId, ct)).Contains(token.Role)) return null;
        // Written at most every few minutes, so a busy program does not write on every call.
        if (token.LastUsedAt is null || token.LastUsedAt < now.AddMinutes(-5))
            await db.PersonalAccessTokens.Where(t => t.Id == token.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), ct);
        return token;
    }

    private async Task<List<string>> RolesOfAsync(string userId, CancellationToken ct) =>
        await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == userId select r.Name!).ToListAsync(ct);

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
