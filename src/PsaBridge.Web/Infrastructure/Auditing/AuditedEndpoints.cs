using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;
using PsaBridge.Finance.Audit;
using PsaBridge.Infrastructure.Auditing;

namespace PsaBridge.Web.Infrastructure.Auditing;

/// <summary>Carried by every endpoint whose changes the audit trail records; the endpoint-enumeration test looks for it.</summary>
public sealed class AuditedMetadata
{
    public static readonly AuditedMetadata Instance = new();
}

/// <summary>
/// The audit trail's one hook into the API: after a POST, PUT, PATCH or DELETE succeeds, a line per record it changed,
/// named by the endpoint (or its method and route) and by the record's kind and id, with the caller as actor.
/// A failed request changed nothing and is not recorded; a handler that wrote its own lines is not recorded twice.
/// </summary>
public static class AuditedEndpoints
{
    public static TBuilder Audited<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        builder.WithMetadata(AuditedMetadata.Instance);
        builder.AddEndpointFilter(AuditAsync);
        return builder;
    }

    private static async ValueTask<object?> AuditAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method) || HttpMethods.IsOptions(http.Request.Method))
            return await next(context);
        var trail = http.RequestServices.GetRequiredService<AuditTrail>();
        var result = await next(context);
        if (trail.Recorded || result is IStatusCodeHttpResult { StatusCode: >= 300 }) return result;
        if (http.GetEndpoint() is not RouteEndpoint endpoint) return result;
        var action = endpoint.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName
                     ?? $"{http.Request.Method} {endpoint.RoutePattern.RawText}";
        await trail.RecordAsync(Records(endpoint, http.Request.RouteValues, result).Select(r => new AuditRecord(action, r.Entity, r.RecordId, r.Details)).ToList(),
            CancellationToken.None);
        return result;
    }

    /// <summary>What the request changed: what its result names, else the record in its route, else the one it made.</summary>
    public static IEnumerable<AuditedRecord> Records(RouteEndpoint endpoint, RouteValueDictionary route, object? result)
    {
        var (entity, parameter) = AuditNames.Record(endpoint.RoutePattern);
        var value = result is IValueHttpResult { Value: { } v } ? v : result is IResult ? null : result;
        if (value is IAuditedRecords named)
            return named.AuditedRecords().Select(r => r.Entity.Length == 0 ? r with { Entity = entity } : r).ToList();
        var others = string.Join(", ", route.Where(r => r.Key != parameter).Select(r => $"{r.Key}={r.Value}"));
        var details = others.Length == 0 ? null : others;
        if (parameter is not null && route.TryGetValue(parameter, out var id)) return [new AuditedRecord(entity, Convert.ToString(id) ?? "", details)];
        return [new AuditedRecord(entity, IdOf(value) ?? "", details)];
    }

    /// <summary>The id of a record a request made or changed, when the answer carries it (<c>Id</c>, else <c>Code</c>).</summary>
    private static string? IdOf(object? value)
    {
        if (value is null) return null;
        var type = value.GetType();
        var property = type.GetProperty("Id", BindingFlags.Public | BindingFlags.Instance) ?? type.GetProperty("Code", BindingFlags.Public | BindingFlags.Instance);
        return property is null ? null : Convert.ToString(property.GetValue(value));
    }
}
