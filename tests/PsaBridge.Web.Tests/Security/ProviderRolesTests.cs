using System.Security.Claims;
using PsaBridge.Web.Security;

namespace PsaBridge.Web.Tests.Security;

public sealed class ProviderRolesTests
{
    private static readonly Dictionary<string, string> Map = new()
    {
        ["6f1c2a3e-0000-4000-8000-000000000001"] = "Finance",
        ["PsaBridge.Operators"] = "Integration operator",
    };

    [Fact]
    public void Mapped_groups_and_app_roles_and_app_roles_spelled_as_ours_become_roles_and_the_rest_nothing()
    {
        Claim[] claims =
        [
            new("groups", "6f1c2a3e-0000-4000-8000-000000000001"), new("groups", "ffffffff-0000-4000-8000-000000000009"),
            new("roles", "psabridge.operators"), new("roles", "Viewer"), new("roles", "Janitor"), new("wids", "Administrator"),
        ];
        ProviderRoles.Map(claims, ProviderRoles.DefaultRoleClaimTypes, Map).ShouldBe(["Finance", "IntegrationOperator", "Viewer"]);
    }

    [Fact]
    public void A_person_is_named_by_their_sign_in_name_and_a_program_by_its_application_id()
    {
        ProviderRoles.Name([new("name", "Ada"), new("preferred_username", "ada@contoso.com")]).ShouldBe("ada@contoso.com");
        ProviderRoles.Name([new("azp", "0d5c-app"), new("sub", "x")]).ShouldBe("app:0d5c-app");
        ProviderRoles.Name([new("sub", "abc")]).ShouldBe("abc");
    }
}
