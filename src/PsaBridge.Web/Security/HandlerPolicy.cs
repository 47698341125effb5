using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace PsaBridge.Web.Security;

/// <summary>
/// A page handler that needs more than its page: a page anyone may read can carry a POST handler only one role
/// may use (Razor Pages take <c>[Authorize]</c> on the page, not on a handler).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class HandlerPolicyAttribute(string policy) : Attribute
{
    public string Policy { get; } = policy;
}

internal sealed class HandlerPolicyFilter(IAuthorizationService authorization) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var required = context.HandlerMethod?.MethodInfo.GetCustomAttributes(typeof(HandlerPolicyAttribute), inherit: true)
            .Cast<HandlerPolicyAttribute>().ToList() ?? [];
        foreach (var attribute in required)
        {
            if ((await authorization.AuthorizeAsync(context.HttpContext.User, attribute.Policy)).Succeeded) continue;
            context.Result = context.HttpContext.User.Identity?.IsAuthenticated == true ? new ForbidResult() : new ChallengeResult();
            return;
        }
        await next();
    }
}
