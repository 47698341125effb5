using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Routing.Patterns;
using PsaBridge.Finance.Audit;
using PsaBridge.Infrastructure.Auditing;
using PsaBridge.Web.Pages.Shared;

namespace PsaBridge.Web.Infrastructure.Auditing;

/// <summary>
/// The audit trail's hook into the pages: a form post that succeeded (every field valid, and the page redirects, as
/// pages do after a change) is recorded as the page and handler, on the record in the page's route or those the page
/// model names. A post that asks for confirmation answers the page itself and is not a change; signing in and out and
/// exports change no record.
/// </summary>
internal sealed class AuditedPages : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var http = context.HttpContext;
        var handler = context.HandlerMethod?.Name;
        if (!HttpMethods.IsPost(http.Request.Method) || handler is "Export" || context.ActionDescriptor.ViewEnginePath is "/Account/SignIn" or "/Account/SignOut")
        {
            await next();
            return;
        }
        var trail = http.RequestServices.GetRequiredService<AuditTrail>();
        var executed = await next();
        // A page that names the records it acted on is recorded though a service wrote lines of its own: those name others (a run started).
        if ((trail.Recorded && context.HandlerInstance is not IAuditedRecords) || executed.Exception is not null || !context.ModelState.IsValid || http.Response.StatusCode >= 400) return;
        if (executed.Result is not (RedirectResult or LocalRedirectResult or RedirectToPageResult or RedirectToRouteResult or RedirectToActionResult)) return;
        var action = $"{context.ActionDescriptor.ViewEnginePath}{(handler is null ? "" : ":" + handler)}";
        await trail.RecordAsync(Records(context).Select(r => new AuditRecord(action, r.Entity, r.RecordId, r.Details)).ToList(), CancellationToken.None);
    }

    private static IEnumerable<AuditedRecord> Records(PageHandlerExecutingContext context)
    {
        if (context.HandlerInstance is IAuditedRecords named) return named.AuditedRecords();
        var template = context.ActionDescriptor.AttributeRouteInfo?.Template ?? context.ActionDescriptor.ViewEnginePath;
        var (entity, parameter) = AuditNames.Record(RoutePatternFactory.Parse("/" + template.TrimStart('/')));
        // An action on a list's selection: a line for each record it was done to, none when every one was refused.
        if (context.HandlerInstance is AppPage { ActedOn: { } actedOn }) return actedOn.Select(id => new AuditedRecord(entity, id.ToString()));
        var id = parameter is not null && context.RouteData.Values.TryGetValue(parameter, out var value) ? Convert.ToString(value) : null;
        return [new AuditedRecord(entity, id ?? (context.HandlerInstance as AppPage)?.CreatedRecord ?? "")];
    }
}
