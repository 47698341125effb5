using System.Security.Claims;

namespace PsaBridge.Web.Security;

/// <summary>
/// Who a person or program signed in by the identity provider is here: the provider's groups or app roles turned into
/// our roles through configuration, and a name for the audit trail. Plain rules over the token's claims.
/// </summary>
public static class ProviderRoles
{
    /// <summary>Claim types whose values name groups or app roles, as Entra ID sends them.</summary>
    public static readonly string[] DefaultRoleClaimTypes = ["roles", "groups"];

    /// <summary>
    /// Our roles for the provider's values: a value the map names gives that role (a group's object id, an app role's
    /// value); an app role spelled as one of ours (<c>Finance</c>) is that role. Anything else gives nothing.
    /// </summary>
    public static IReadOnlyList<string> Map(IEnumerable<Claim> claims, IReadOnlyCollection<string> roleClaimTypes, IReadOnlyDictionary<string, string> map)
    {
        var lookup = new Dictionary<string, string>(map, StringComparer.OrdinalIgnoreCase);
        return claims.Where(c => roleClaimTypes.Contains(c.Type, StringComparer.Ordinal))
            .Select(c => lookup.TryGetValue(c.Value, out var mapped) ? Roles.Parse(mapped) : Roles.Parse(c.Value))
            .OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>A person by their sign-in name; a program (client credentials) by its application id.</summary>
    public static string Name(IEnumerable<Claim> claims)
    {
        var all = claims.ToList();
        string? First(params string[] types) => types.Select(t => all.FirstOrDefault(c => c.Type == t)?.Value).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
        return First("preferred_username", "upn", "email", "unique_name")
               ?? (First("azp", "appid") is { } app ? $"app:{app}" : null)
               ?? First("name", "sub", "oid") ?? "unknown";
    }

    /// <summary>The principal PsaBridge works with: the name, our roles, the provider's subject, and how it signed in.</summary>
    public static ClaimsPrincipal Principal(ClaimsPrincipal provider, string method, IReadOnlyCollection<string> roleClaimTypes, IReadOnlyDictionary<string, string> map)
    {
        var claims = provider.Claims.ToList();
        var identity = new ClaimsIdentity(method, ClaimTypes.Name, ClaimTypes.Role);
        identity.AddClaim(new Claim(ClaimTypes.Name, Name(claims)));
        if ((claims.FirstOrDefault(c => c.Type == "oid") ?? claims.FirstOrDefault(c => c.Type == "sub")) is { } subject)
            identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, subject.Value));
        identity.AddClaim(new Claim(ClaimTypes.AuthenticationMethod, method));
        foreach (var role in Map(claims, roleClaimTypes, map)) identity.AddClaim(new Claim(ClaimTypes.Role, role));
        return new ClaimsPrincipal(identity);
    }
}
