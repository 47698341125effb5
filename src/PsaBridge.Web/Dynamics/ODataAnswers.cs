using System.Text.Json;
using Microsoft.AspNetCore.Http.Metadata;

namespace PsaBridge.Web.Dynamics;

/// <summary>
/// Answers of the Dataverse- and F&amp;O-compatible endpoints in the OData shapes their clients parse: a JSON payload
/// written as it is built (<see cref="ODataJson"/>), or the OData error body <c>{"error":{"code","message",...}}</c>
/// (<see cref="ODataError"/>) instead of a ProblemDetails, since a Dynamics client reads <c>error.message</c> (and
/// F&amp;O's <c>error.innererror</c>). A bad field is named in the error's <c>target</c>.
/// </summary>
public abstract class ODataPayload(int status, Action<Utf8JsonWriter> write, IReadOnlyList<KeyValuePair<string, string>>? headers) : IResult, IStatusCodeHttpResult
{
    public int Status => status;
    int? IStatusCodeHttpResult.StatusCode => status;

    /// <summary>Writes the payload into <paramref name="writer"/> (a part of a batch, a keyed read).</summary>
    public void WriteTo(Utf8JsonWriter writer) => write(writer);

    /// <summary>The payload as JSON text (a part of a batch).</summary>
    public string Text()
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer)) write(w);
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public async Task ExecuteAsync(HttpContext http)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json; odata.metadata=minimal";
        http.Response.Headers["OData-Version"] = "4.0";
        foreach (var (name, value) in headers ?? []) http.Response.Headers.Append(name, value);
        await using var writer = new Utf8JsonWriter(http.Response.BodyWriter.AsStream());
        write(writer);
        await writer.FlushAsync(http.RequestAborted);
    }
}

/// <summary>An OData payload: a collection page, an entity, a function's answer.</summary>
public sealed class ODataJson(int status, Action<Utf8JsonWriter> write, IReadOnlyList<KeyValuePair<string, string>>? headers = null)
    : ODataPayload(status, write, headers), IEndpointMetadataProvider
{
    public static void PopulateMetadata(System.Reflection.MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(JsonElement), ["application/json"]));
}

/// <summary>An OData error: 400 for a request the service refuses, 404, 429 over the service protection limits, or a refused write.</summary>
public sealed class ODataError(int status, Action<Utf8JsonWriter> write, IReadOnlyList<KeyValuePair<string, string>>? headers = null)
    : ODataPayload(status, write, headers), IEndpointMetadataProvider
{
    public static void PopulateMetadata(System.Reflection.MethodInfo method, EndpointBuilder builder)
    {
        foreach (var code in new[] { StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status429TooManyRequests })
            builder.Metadata.Add(new ProducesResponseTypeMetadata(code, typeof(JsonElement), ["application/json"]));
    }
}

public static class ODataAnswers
{
    /// <summary>An OData error: <paramref name="code"/> and <paramref name="message"/>, the field at fault as its target.</summary>
    public static ODataError Error(int status, string code, string message, string? target = null,
        IReadOnlyList<KeyValuePair<string, string>>? headers = null, Action<Utf8JsonWriter>? inner = null) => new(status, w =>
    {
        w.WriteStartObject();
        w.WriteStartObject("error");
        w.WriteString("code", code);
        w.WriteString("message", message);
        if (target is not null) w.WriteString("target", target);
        inner?.Invoke(w);
        w.WriteEndObject();
        w.WriteEndObject();
    }, headers);

    /// <summary>429 with <c>Retry-After</c> in seconds, as both services throttle.</summary>
    public static ODataError TooManyRequests(Throttled t) =>
        Error(StatusCodes.Status429TooManyRequests, t.Code, t.Message, headers: [new("Retry-After", t.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture))]);

    /// <summary>Writes a CLR value as its JSON: strings, numbers, booleans, GUIDs, UTC times as Edm.DateTimeOffset, or null.</summary>
    public static void WriteValue(Utf8JsonWriter w, string name, object? value)
    {
        switch (value)
        {
            case null: w.WriteNull(name); break;
            case string s: w.WriteString(name, s); break;
            case Guid g: w.WriteString(name, g); break;
            case decimal d: w.WriteNumber(name, d); break;
            case int i: w.WriteNumber(name, i); break;
            case long l: w.WriteNumber(name, l); break;
            case bool b: w.WriteBoolean(name, b); break;
            case DateTime t: w.WriteString(name, DateTime.SpecifyKind(t, DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture)); break;
            default: w.WriteString(name, value.ToString()); break;
        }
    }
}

/// <summary>Runs a compatible endpoint's requests through its <see cref="ServiceProtection"/>: a refused one gets 429 and goes no further.</summary>
public sealed class ServiceProtectionFilter(ServiceProtection protection) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var caller = ServiceProtection.CallerOf(context.HttpContext);
        if (protection.Enter(caller) is { } throttled) return ODataAnswers.TooManyRequests(throttled);
        try
        {
            return await next(context);
        }
        finally
        {
            protection.Leave(caller);
        }
    }
}
