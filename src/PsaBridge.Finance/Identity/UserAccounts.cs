using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PsaBridge.Infrastructure.Validation;

namespace PsaBridge.Finance.Identity;

/// <summary>A user just made, with the password to give them once.</summary>
public sealed record NewUser(IdentityUser User, string Role, string Password);

/// <summary>
/// A line of the users list: who, in which role, locked out until when, whether their password is still the one-time one,
/// and the bookable resource they are linked to. Made in the query (init-only properties), so the list sorts and filters in the database.
/// </summary>
public sealed record UserSummary
{
    public string Id { get; init; } = "";
    public string Email { get; init; } = "";
    public string Role { get; init; } = "";
    public DateTimeOffset? LockedOutUntil { get; init; }
    public bool MustChangePassword { get; init; }
    public string? ResourceId { get; init; }
}

/// <summary>
/// Local accounts, for the first administrator (<c>psabridge users add</c>), the demo users and the users page:
/// ASP.NET Core Identity's user manager over the finance database, with PsaBridge's password and lockout rules.
/// </summary>
public sealed class UserAccounts(UserManager<IdentityUser> users, RoleManager<IdentityRole> roles, FinanceDb db)
{
    public const int MinPasswordLength = 12;

    /// <summary>The user claim that holds a person to changing a one-time password before anything else.</summary>
    public const string MustChangePasswordClaim = "psabridge:must_change_password";

    /// <summary>
    /// The user claim that links a person to their PSA bookable resource (by id): a resource has no e-mail to match, and
    /// the two live in different databases.
    /// </summary>
    public const string ResourceClaim = "psabridge:resource";

    public const string AdministratorRole = "Administrator";

    /// <summary>Identity over the finance database, with the rules every way of signing in shares.</summary>
    public static IdentityBuilder Register(IServiceCollection services) =>
        services.AddIdentityCore<IdentityUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = MinPasswordLength;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<FinanceDb>();

    public Task<bool> AnyAsync(CancellationToken ct = default) => users.Users.AnyAsync(ct);

    public async Task<IReadOnlyList<string>> RoleNamesAsync(CancellationToken ct = default) =>
        await roles.Roles.OrderBy(r => r.Name).Select(r => r.Name!).ToListAsync(ct);

    /// <summary>Makes a user with one role; without a password given, a one-time password is made and returned.</summary>
    public async Task<NewUser> AddAsync(string? email, string? role, string? password = null, CancellationToken ct = default)
    {
        email = email?.Trim();
        var errors = new List<FieldError>();
        if (string.IsNullOrEmpty(email) || !Rules.IsEmail(email)) errors.Add(new("email", $"'{email}' is not an e-mail address."));
        var (matched, refused) = MatchRole(await RoleNamesAsync(ct), role);
        if (refused is not null) errors.Add(refused);
        if (errors.Count > 0) throw new ValidationFailedException(errors);
        if (await users.FindByEmailAsync(email!) is not null) throw new ConflictException($"A user with e-mail '{email}' already exists.");

        var generated = password is null;
        password ??= OneTimePassword();
        var user = new IdentityUser { UserName = email, Email = email, EmailConfirmed = true };
        Check(await users.CreateAsync(user, password), "password");
        Check(await users.AddToRoleAsync(user, matched), "role");
        // A password someone else has seen (printed by the CLI) is for the first sign-in only.
        if (generated) Check(await users.AddClaimAsync(user, new Claim(MustChangePasswordClaim, "true")), "password");
        return new NewUser(user, matched, password);
    }

    /// <summary>Every local user with their role, for the users list (a person holds one role; the first by name if more).</summary>
    public IQueryable<UserSummary> Query() =>
        from u in db.Users
        select new UserSummary
        {
            Id = u.Id, Email = u.Email!,
            Role = (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == u.Id orderby r.Name select r.Name).FirstOrDefault() ?? "",
            LockedOutUntil = u.LockoutEnd,
            MustChangePassword = db.UserClaims.Any(c => c.UserId == u.Id && c.ClaimType == MustChangePasswordClaim),
            ResourceId = db.UserClaims.Where(c => c.UserId == u.Id && c.ClaimType == ResourceClaim).Select(c => c.ClaimValue).FirstOrDefault(),
        };

    /// <summary>The bookable resource a user is linked to, or null.</summary>
    public async Task<Guid?> ResourceOfAsync(string userId, CancellationToken ct = default) =>
        await db.UserClaims.Where(c => c.UserId == userId && c.ClaimType == ResourceClaim).Select(c => c.ClaimValue).FirstOrDefaultAsync(ct) is { } value
            && Guid.TryParse(value, out var id) ? id : null;

    /// <summary>Links a user to their bookable resource (the caller has checked it exists), or unlinks them with null.</summary>
    public async Task<UserSummary> LinkResourceAsync(string? email, Guid? resourceId, CancellationToken ct = default)
    {
        var user = await FindAsync(email);
        var held = (await users.GetClaimsAsync(user)).Where(c => c.Type == ResourceClaim).ToList();
        if (held.Count > 0) Check(await users.RemoveClaimsAsync(user, held), "resource");
        if (resourceId is { } id) Check(await users.AddClaimAsync(user, new Claim(ResourceClaim, id.ToString())), "resource");
        return await SummaryAsync(user, ct);
    }

    /// <summary>Gives a user another role (in place of the one they hold); the last Administrator keeps theirs.</summary>
    public async Task<UserSummary> SetRoleAsync(string? email, string? role, CancellationToken ct = default)
    {
        var (matched, refused) = MatchRole(await RoleNamesAsync(ct), role);
        if (refused is not null) throw new ValidationFailedException([refused]);
        var user = await FindAsync(email);
        var held = await users.GetRolesAsync(user);
        if (held.Count == 1 && held[0] == matched) return await SummaryAsync(user, ct);
        if (held.Contains(AdministratorRole) && matched != AdministratorRole) await RefuseLastAdministratorAsync(user, "take the Administrator role from");
        Check(await users.RemoveFromRolesAsync(user, held), "role");
        Check(await users.AddToRoleAsync(user, matched), "role");
        // A new security stamp makes the person's signed-in sessions pick up the new role at their next check.
        Check(await users.UpdateSecurityStampAsync(user), "role");
        return await SummaryAsync(user, ct);
    }

    /// <summary>Lifts a lockout after repeated failed sign-ins, and forgets the failures counted so far.</summary>
    public async Task<UserSummary> UnlockAsync(string? email, CancellationToken ct = default)
    {
        var user = await FindAsync(email);
        Check(await users.SetLockoutEndDateAsync(user, null), "email");
        Check(await users.ResetAccessFailedCountAsync(user), "email");
        return await SummaryAsync(user, ct);
    }

    /// <summary>Removes a user, their role and their access tokens; the last Administrator cannot be removed.</summary>
    public async Task<UserSummary> RemoveAsync(string? email, CancellationToken ct = default)
    {
        var user = await FindAsync(email);
        var summary = await SummaryAsync(user, ct);
        if (summary.Role == AdministratorRole) await RefuseLastAdministratorAsync(user, "remove");
        Check(await users.DeleteAsync(user), "email");
        return summary;
    }

    /// <summary>A person changes their own password; a one-time password, once changed, no longer holds them to this.</summary>
    public async Task ChangePasswordAsync(string userId, string? current, string? next, CancellationToken ct = default)
    {
        var user = await users.FindByIdAsync(userId) ?? throw new NotFoundException("User", userId);
        var errors = new List<FieldError>();
        if (string.IsNullOrEmpty(current)) errors.Add(new("currentPassword", "Enter your current password."));
        if (string.IsNullOrEmpty(next)) errors.Add(new("newPassword", "Enter a new password."));
        else if (next == current) errors.Add(new("newPassword", "The new password must differ from the current one."));
        if (errors.Count > 0) throw new ValidationFailedException(errors);
        var result = await users.ChangePasswordAsync(user, current!, next!);
        if (!result.Succeeded)
            throw new ValidationFailedException(result.Errors.Select(e => new FieldError(
                e.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? "currentPassword" : "newPassword",
                e.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? "The current password is not right." : e.Description)).ToList());
        var claims = (await users.GetClaimsAsync(user)).Where(c => c.Type == MustChangePasswordClaim).ToList();
        if (claims.Count > 0) Check(await users.RemoveClaimsAsync(user, claims), "newPassword");
    }

    /// <summary>The stored role a typed name means ("Project manager" is ProjectManager), or the error naming the roles there are.</summary>
    private static (string Role, FieldError? Refused) MatchRole(IReadOnlyList<string> known, string? role) =>
        known.FirstOrDefault(r => string.Equals(r, role?.Replace(" ", ""), StringComparison.OrdinalIgnoreCase)) is { } matched
            ? (matched, null)
            : ("", new FieldError("role", $"Role '{role}' is not one of {string.Join(", ", known)}."));

    private async Task<IdentityUser> FindAsync(string? email) =>
        await users.FindByEmailAsync(email?.Trim() ?? "") ?? throw new NotFoundException("User", email ?? "");

    private Task<UserSummary> SummaryAsync(IdentityUser user, CancellationToken ct) => Query().SingleAsync(u => u.Id == user.Id, ct);

    private async Task RefuseLastAdministratorAsync(IdentityUser user, string verb)
    {
        var others = (await users.GetUsersInRoleAsync(AdministratorRole)).Count(u => u.Id != user.Id);
        if (others == 0)
            throw new ConflictException($"{user.Email} is the last Administrator: PsaBridge cannot {verb} them, or no one could manage users. Make another Administrator first.");
    }

    /// <summary>A password that meets every rule: 20 characters of upper and lower case letters, digits and a symbol.</summary>
    public static string OneTimePassword()
    {
        const string letters = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        var chars = Enumerable.Range(0, 16).Select(_ => letters[RandomNumberGenerator.GetInt32(letters.Length)]).ToList();
        chars.AddRange(['A', 'z', '7', '-']);
        return new string([.. chars.OrderBy(_ => RandomNumberGenerator.GetInt32(int.MaxValue))]);
    }

    private static void Check(IdentityResult result, string field)
    {
        if (!result.Succeeded)
            throw new ValidationFailedException(result.Errors.Select(e => new FieldError(e.Code.Contains("Password") ? "password" : field, e.Description)).ToList());
    }
}
