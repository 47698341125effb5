using System.Collections;
using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OData.Abstracts;
using Microsoft.AspNetCore.OData.Extensions;
using Microsoft.AspNetCore.OData.Formatter;
using Microsoft.AspNetCore.OData.Formatter.Serialization;
using Microsoft.AspNetCore.OData.Query;
using Microsoft.OData.Edm;

namespace PsaBridge.Web.OData;

/// <summary>
/// Writes a plain page of the feed straight to the response with <see cref="Utf8JsonWriter"/>, row by row as the library has
/// read them, because a CPU trace of the full feed read found most of its time in the library's per-property writer; the JSON is
/// the library's own (same properties, order, annotations and links), which FeedPlainPageTests compare on both engines.
/// </summary>
public sealed class PlainPageResult(ODataQueryOptions options, IEdmEntitySet set, IEnumerable page, PlainPageColumns columns, string contextUrl, bool labels)
    : IActionResult
{
    private const int FlushAt = 32 * 1024;

    private static readonly JsonWriterOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };

    // The library's next-page link needs the query options on its serializer context and the page size it cut the page at
    // (zero when the page is the last one); both are internal to the library, so they are read and set by reflection.
    private static readonly PropertyInfo QueryOptionsOfContext = typeof(ODataSerializerContext).GetProperty(nameof(ODataSerializerContext.QueryOptions))!;
    private static readonly PropertyInfo PageSizeOfFeature = typeof(ODataFeature).GetProperty("PageSize", BindingFlags.NonPublic | BindingFlags.Instance)!;

    public async Task ExecuteResultAsync(ActionContext context)
    {
        var request = context.HttpContext.Request;
        var response = context.HttpContext.Response;
        var cancellation = context.HttpContext.RequestAborted;
        var count = request.ODataFeature().TotalCount;
        context.HttpContext.RequestServices.GetRequiredService<ILogger<PlainPageResult>>().LogDebug("Writing a page of {EntitySet} with the plain page writer", set.Name);
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json; odata.metadata=minimal; odata.streaming=true; charset=utf-8";
        response.Headers["OData-Version"] = "4.0";

        var body = response.BodyWriter;
        await using var json = new Utf8JsonWriter(body, Json);
        json.WriteStartObject();
        json.WriteString("@odata.context", contextUrl);
        if (count is { } total) json.WriteNumber("@odata.count", total);
        json.WriteStartArray("value");
        object? last = null;
        foreach (var row in page)
        {
            columns.Write(json, row, labels);
            last = row;
            if (json.BytesPending < FlushAt) continue;
            json.Flush();
            await body.FlushAsync(cancellation);
        }
        json.WriteEndArray();
        if (NextLink(request, last) is { } next) json.WriteString("@odata.nextLink", next.AbsoluteUri);
        json.WriteEndObject();
        json.Flush();
        await body.FlushAsync(cancellation);
    }

    /// <summary>The library's own next-page link ($skiptoken from the last row's keys and $orderby values), or null after the last page.</summary>
    private Uri? NextLink(HttpRequest request, object? last)
    {
        var writeContext = new ODataSerializerContext
        {
            Request = request, TimeZone = request.GetTimeZoneInfo(), Model = options.Context.Model, NavigationSource = set,
            Path = request.ODataFeature().Path, MetadataLevel = ODataMetadataLevel.Minimal,
        };
        QueryOptionsOfContext.SetValue(writeContext, options);
        var handler = options.Context.RequestContainer?.GetService<SkipTokenHandler>() ?? new DefaultSkipTokenHandler();
        return handler.GenerateNextPageLink(new Uri(request.GetEncodedUrl()), (int)PageSizeOfFeature.GetValue(request.ODataFeature())!, last, writeContext);
    }
}
