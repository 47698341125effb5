using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.OData.Query;

namespace PsaBridge.Web.OData;

/// <summary>
/// The query options every feed entity set takes: Dataverse's ($select, $filter, $orderby, $top, $count, $expand,
/// $apply) and $skip. A query the feed cannot answer is a 400 ProblemDetails naming the query option, without the
/// library's stack trace; the preferences applied are echoed as Dataverse echoes them.
/// </summary>
public sealed class FeedQueryAttribute : EnableQueryAttribute
{
    private static readonly object AppliedOptions = new();
    private static readonly string[] Options = ["$filter", "$select", "$expand", "$orderby", "$apply", "$top", "$skip", "$skiptoken", "$count", "$compute"];

    public FeedQueryAttribute()
    {
        // The rows come from SQL, where a null navigation reads as nulls: no null checks in the expression tree.
        HandleNullPropagation = HandleNullPropagationOption.False;
        MaxExpansionDepth = 2;
        MaxNodeCount = 1_000;
    }

    public override void OnActionExecuting(ActionExecutingContext context)
    {
        SelectKey(context);
        base.OnActionExecuting(context);
        if (context.Result is BadRequestObjectResult { Value: SerializableError error }) context.Result = Problem(context.HttpContext, error);
    }

    public override void OnActionExecuted(ActionExecutedContext context)
    {
        base.OnActionExecuted(context);
        if (context.Result is BadRequestObjectResult { Value: SerializableError error })
        {
            context.Result = Problem(context.HttpContext, error);
            return;
        }
        EchoPreferences(context.HttpContext);
        if (PlainPage.TryCreate(context, context.HttpContext.Items[AppliedOptions] as ODataQueryOptions) is { } page) context.Result = page;
    }

    /// <summary>Keeps the applied query options for <see cref="PlainPage"/>, which writes from them what the library would.</summary>
    public override IQueryable ApplyQuery(IQueryable queryable, ODataQueryOptions queryOptions)
    {
        var applied = base.ApplyQuery(queryable, queryOptions);
        queryOptions.Request.HttpContext.Items[AppliedOptions] = queryOptions;
        return applied;
    }

    /// <summary>Dataverse always returns the primary key, selected or not: a $select without it gets it added.</summary>
    private static void SelectKey(ActionExecutingContext context)
    {
        var request = context.HttpContext.Request;
        var select = request.Query["$select"].ToString();
        if (select.Length == 0 || select.Contains('*')) return;
        var rows = ((ControllerActionDescriptor)context.ActionDescriptor).MethodInfo.ReturnType.GetGenericArguments().SingleOrDefault();
        if (rows is null || FeedCatalog.Instance.SetOf(rows) is not { } set) return;
        if (select.Split(',').Any(s => s.Trim() == set.Key.Name)) return;
        var query = QueryHelpers.ParseQuery(request.QueryString.Value);
        query["$select"] = select + "," + set.Key.Name;
        request.QueryString = QueryString.Create(query);
    }

    /// <summary>Dataverse answers <c>Preference-Applied</c> for the annotations and page size it honoured; the library writes neither here.</summary>
    private static void EchoPreferences(HttpContext http)
    {
        var applied = http.Request.Headers["Prefer"].SelectMany(h => (h ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .Where(p => p.StartsWith("odata.include-annotations=", StringComparison.OrdinalIgnoreCase) || p.StartsWith("odata.maxpagesize=", StringComparison.OrdinalIgnoreCase))
            .ToArray();
        if (applied.Length > 0) http.Response.Headers["Preference-Applied"] = string.Join(", ", applied);
    }

    private static ObjectResult Problem(HttpContext http, SerializableError error)
    {
        var message = error.TryGetValue("Message", out var m) ? m as string : null;
        var inner = error.TryGetValue("ExceptionMessage", out var e) ? e as string : null;
        var detail = inner ?? message ?? "The query is not valid.";
        var option = Options.FirstOrDefault(o => http.Request.Query.ContainsKey(o) && detail.Contains(o[1..], StringComparison.OrdinalIgnoreCase))
            ?? Options.FirstOrDefault(o => http.Request.Query.ContainsKey(o)) ?? "query";
        var problem = new ValidationProblemDetails(new Dictionary<string, string[]> { [option] = [detail] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The query is not valid.",
            Detail = detail,
        };
        return new ObjectResult(problem) { StatusCode = StatusCodes.Status400BadRequest, ContentTypes = { "application/problem+json" } };
    }
}
