using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.OData.Extensions;
using Microsoft.AspNetCore.OData.Formatter.Serialization;
using Microsoft.AspNetCore.OData.Query;
using Microsoft.OData.Edm;
using Microsoft.OData.UriParser;

namespace PsaBridge.Web.OData;

/// <summary>
/// Chooses the feed's own writer (<see cref="PlainPageResult"/>) for a plain page: a GET of an entity set without $expand,
/// $apply or $compute, asked for as JSON in minimal metadata. Anything else, or a request carrying <see cref="LibraryHeader"/>,
/// is written by the OData library as before; the library has already parsed and applied the query either way.
/// </summary>
public static class PlainPage
{
    /// <summary>A request with this header (any value) is written by the library: the tests compare both writers with it.</summary>
    public const string LibraryHeader = "X-PsaBridge-OData-Writer";

    private static readonly HashSet<string> QueryOptions = new(StringComparer.OrdinalIgnoreCase)
        { "$select", "$filter", "$orderby", "$top", "$skip", "$skiptoken", "$count" };

    /// <summary>The annotation filters under which the library writes exactly the labels (and nothing else this feed has).</summary>
    private static readonly HashSet<string> LabelFilters = new(StringComparer.Ordinal)
        { "*", FormattedValueSerializer.FormattedValue, "OData.Community.Display.V1.*" };

    /// <summary>The page writer for this request, or null when the library must write it.</summary>
    public static PlainPageResult? TryCreate(ActionExecutedContext context, ODataQueryOptions? options)
    {
        var request = context.HttpContext.Request;
        if (options is null || !HttpMethods.IsGet(request.Method) || request.Headers.ContainsKey(LibraryHeader)) return null;
        if (context.Result is not ObjectResult { StatusCode: null or StatusCodes.Status200OK, Value: IQueryable page }) return null;
        if (request.ODataFeature().Path is not [EntitySetSegment { EntitySet: var set }]) return null;
        if (request.Query.Keys.Any(k => k.StartsWith('$') && !QueryOptions.Contains(k))) return null;
        if (!PlainJson(request.Headers) || Labels(request.Headers) is not { } labels) return null;

        var clause = options.SelectExpand is null ? null : request.ODataFeature().SelectExpandClause;
        if (clause is not null && !clause.SelectedItems.All(i => i is PathSelectItem { SelectedPath: [PropertySegment] })) return null;
        var node = new SelectExpandNode(clause, set.EntityType, options.Context.Model);
        // A navigation property selected but not expanded is written only as a link, which minimal metadata leaves out.
        if (node.ExpandedProperties?.Count > 0 || node.ReferencedProperties?.Count > 0
            || node.SelectedComplexProperties?.Count > 0 || set.EntityType.IsOpen
            || node.SelectedComputedProperties.Count > 0 || node.SelectedActions?.Count > 0 || node.SelectedFunctions?.Count > 0)
            return null;
        if (PlainPageColumns.For(options.Context.ElementClrType, node.SelectedStructuralProperties?.ToList() ?? []) is not { } columns) return null;

        var select = clause is null ? "" : "(" + string.Join(',', clause.SelectedItems.Cast<PathSelectItem>().Select(i => i.SelectedPath.FirstSegment.Identifier).Distinct()) + ")";
        var contextUrl = request.CreateODataLink(MetadataSegment.Instance) + "#" + set.Name + select;
        return new PlainPageResult(options, set, page, columns, contextUrl, labels);
    }

    /// <summary>JSON in minimal metadata, OData 4.0, UTF-8: what the writer writes. Other formats, versions and IEEE754Compatible go to the library.</summary>
    private static bool PlainJson(IHeaderDictionary headers)
    {
        if (headers.ContainsKey("Accept-Charset")) return false;
        if (headers["OData-Version"].Concat(headers["OData-MaxVersion"]).Any(v => v != "4.0")) return false;
        return headers.Accept.SelectMany(a => (a ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .All(a => a is "*/*" or "application/json");
    }

    /// <summary>Whether the client asked for the option sets' labels; null when its Prefer header asks for anything else.</summary>
    private static bool? Labels(IHeaderDictionary headers)
    {
        var labels = false;
        foreach (var preference in headers["Prefer"].SelectMany(h => (h ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)))
        {
            var (name, value) = preference.IndexOf('=') is var eq and > 0 ? (preference[..eq].Trim(), preference[(eq + 1)..].Trim().Trim('"')) : (preference, "");
            if (name.Equals("odata.maxpagesize", StringComparison.OrdinalIgnoreCase)) continue;
            if (!name.Equals("odata.include-annotations", StringComparison.OrdinalIgnoreCase) || !LabelFilters.Contains(value)) return null;
            labels = true;
        }
        return labels;
    }
}
