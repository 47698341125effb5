using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PsaBridge.Infrastructure.Validation;

namespace PsaBridge.Finance.Identity;

/// <summary>A user just made, with the password to give them once.</summary>
public sealed record NewUser(IdentityUser User, string Role, string Password);

/// <summary>
/// Local accounts, for the first administrator (<c>psabridge users add</c>), the demo users and the users page:
/// ASP.NET Core Identity's user manager over the finance database, with PsaBridge's password and lockout rules.
/// </summary>
public sealed class UserAccounts(UserManager<IdentityUser> users, RoleManager<IdentityRole> roles)
{
    public const int MinPasswordLength = 12;

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
        var known = await RoleNamesAsync(ct);
        var matched = known.FirstOrDefault(r => string.Equals(r, role?.Replace(" ", ""), StringComparison.OrdinalIgnoreCase));
        if (matched is null) errors.Add(new("role", $"Role '{role}' is not one of {string.Join(", ", known)}."));
        if (errors.Count > 0) throw new ValidationFailedException(errors);
        if (await users.FindByEmailAsync(email!) is not null) throw new ConflictException($"A user with e-mail '{email}' already exists.");

        password ??= OneTimePassword();
        var user = new IdentityUser { UserName = email, Email = email, EmailConfirmed = true };
        Check(await users.CreateAsync(user, password), "password");
        Check(await users.AddToRoleAsync(user, matched!), "role");
        return new NewUser(user, matched!, password);
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
