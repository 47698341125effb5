using Microsoft.AspNetCore.Authorization;
using PsaBridge.Web.Pages.Shared;
using PsaBridge.Web.Security;

namespace PsaBridge.Web.Pages.Access;

/// <summary>Where a signed-in person lands when their role does not allow what they asked for.</summary>
[AllowAnonymous]
public sealed class AccessDeniedModel : AppPage
{
    public IReadOnlyList<string> Roles { get; private set; } = [];

    public void OnGet()
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        Roles = Security.Roles.All.Where(User.IsInRole).Select(Security.Roles.DisplayName).ToList();
    }
}
