using System.Security.Claims;
using PsaBridge.Finance.Audit;

namespace PsaBridge.Web.Security;

/// <summary>The web's actor: the signed-in user (by name), through a page or the API; work with no request behind it is the scheduler's.</summary>
internal sealed class HttpAuditActor(IHttpContextAccessor accessor) : IAuditActor
{
    public string Name => accessor.HttpContext is not { } http ? "scheduler"
        : http.User.Identity?.Name is { Length: > 0 } name ? name : "anonymous";

    public string Channel => accessor.HttpContext is not { } http ? "Scheduler"
        : http.User.FindFirst(ClaimTypes.AuthenticationMethod)?.Value == PersonalAccessTokenHandler.AuthenticationMethod || SecurityServices.IsApiRequest(http.Request)
            ? "API" : "Page";
}
