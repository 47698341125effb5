using Microsoft.AspNetCore.Identity;
using PsaBridge.Finance.Identity;
using PsaBridge.Web.Security;

namespace PsaBridge.Testing;

/// <summary>A person of one role in a test's finance database, with a password to sign in with and a token for the API.</summary>
public sealed record TestUser(string Email, string Password, string Role, string Token);

/// <summary>
/// Makes users the way the application stores them (Identity's tables, a personal access token), straight in the
/// database, so a test can sign in or call the API as any role, in process or from another process.
/// </summary>
public static class TestUsers
{
    public const string Password = "Test-password-1";

    public static async Task<TestUser> CreateAsync(TestDatabasePair databases, string role, string? email = null)
    {
        email ??= $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@test.example";
        var user = new IdentityUser
        {
            Id = Guid.NewGuid().ToString(), UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email,
            NormalizedEmail = email.ToUpperInvariant(), EmailConfirmed = true, SecurityStamp = Guid.NewGuid().ToString("N"),
            ConcurrencyStamp = Guid.NewGuid().ToString(), LockoutEnabled = true,
        };
        user.PasswordHash = new PasswordHasher<IdentityUser>().HashPassword(user, Password);
        await using var db = databases.OpenFinance();
        db.Users.Add(user);
        db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = role.ToLowerInvariant() });
        await db.SaveChangesAsync();
        var issued = await new PersonalAccessTokens(db, TimeProvider.System).CreateAsync(user.Id, "tests", role, 1);
        return new TestUser(email, Password, role, issued.Secret);
    }

    /// <summary>Links a user to their bookable resource, as <c>psabridge users link</c> does (a user claim).</summary>
    public static async Task LinkResourceAsync(TestDatabasePair databases, string email, Guid resourceId)
    {
        await using var db = databases.OpenFinance();
        var user = db.Users.Single(u => u.NormalizedEmail == email.ToUpperInvariant());
        db.UserClaims.Add(new IdentityUserClaim<string> { UserId = user.Id, ClaimType = UserAccounts.ResourceClaim, ClaimValue = resourceId.ToString() });
        await db.SaveChangesAsync();
    }
}
