using PsaBridge.Psa.Approvals;

namespace PsaBridge.Web.Security;

/// <summary>
/// The API's side of <see cref="WorkScope"/>: an endpoint filter that checks, after binding and before the handler, that the
/// resource, entry or decision the request names is the caller's to act on; a refusal answers 403 ProblemDetails with the reason.
/// </summary>
public static class OwnWorkEndpoints
{
    /// <summary>The resource in the route (<c>{resourceId}</c>) must be the caller's own.</summary>
    public static RouteHandlerBuilder ForOwnResource(this RouteHandlerBuilder endpoint) =>
        Guard(endpoint, (scope, c, ct) => scope.EnsureMayEnterForAsync(RouteId(c, "resourceId"), ct));

    /// <summary>The resource the request's body names must be the caller's own.</summary>
    public static RouteHandlerBuilder ForOwnResource<TInput>(this RouteHandlerBuilder endpoint, Func<TInput, Guid?> resource) =>
        Guard(endpoint, (scope, c, ct) => c.Arguments.OfType<TInput>().FirstOrDefault() is { } input ? scope.EnsureMayEnterForAsync(resource(input), ct) : Task.CompletedTask);

    /// <summary>The time entry in the route (<c>{id}</c>) must be the caller's own resource's.</summary>
    public static RouteHandlerBuilder ForOwnTimeEntry(this RouteHandlerBuilder endpoint) =>
        Guard(endpoint, (scope, c, ct) => RouteId(c, "id") is { } id ? scope.EnsureMayEnterTimeEntryAsync(id, ct) : Task.CompletedTask);

    /// <summary>The expense in the route (<c>{id}</c>) must be the caller's own resource's.</summary>
    public static RouteHandlerBuilder ForOwnExpense(this RouteHandlerBuilder endpoint) =>
        Guard(endpoint, (scope, c, ct) => RouteId(c, "id") is { } id ? scope.EnsureMayEnterExpenseAsync(id, ct) : Task.CompletedTask);

    /// <summary>Every entry the request decides on must be on a project the caller manages.</summary>
    public static RouteHandlerBuilder ForManagedProjects(this RouteHandlerBuilder endpoint, Func<EndpointFilterInvocationContext, IEnumerable<(ApprovalEntryType, Guid)>> entries) =>
        Guard(endpoint, (scope, c, ct) => scope.EnsureMayDecideAsync(entries(c), ct));

    /// <summary>The entry of this kind in the route (<c>{id}</c>).</summary>
    public static IEnumerable<(ApprovalEntryType, Guid)> RouteEntry(EndpointFilterInvocationContext context, ApprovalEntryType type) =>
        RouteId(context, "id") is { } id ? [(type, id)] : [];

    private static Guid? RouteId(EndpointFilterInvocationContext context, string name) =>
        Guid.TryParse(context.HttpContext.GetRouteValue(name)?.ToString(), out var id) ? id : null;

    private static RouteHandlerBuilder Guard(RouteHandlerBuilder endpoint, Func<WorkScope, EndpointFilterInvocationContext, CancellationToken, Task> check) =>
        endpoint.AddEndpointFilter(async (context, next) =>
        {
            await check(context.HttpContext.RequestServices.GetRequiredService<WorkScope>(), context, context.HttpContext.RequestAborted);
            return await next(context);
        }).ProducesProblem(StatusCodes.Status403Forbidden);
}
