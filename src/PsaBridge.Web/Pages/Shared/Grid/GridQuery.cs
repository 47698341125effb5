using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using PsaBridge.Infrastructure.Paging;

namespace PsaBridge.Web.Pages.Shared.Grid;

/// <summary>
/// What a list is asked for in its query string: <c>sort</c> (a column key) and <c>dir</c> (asc|desc), the page
/// (<c>p</c>) and its size (<c>size</c>), <c>selected</c> row keys, and one value per filter, named by the column's key
/// (<c>?name=Blue&amp;state=Active</c>; a date range as <c>{key}-from</c> and <c>{key}-to</c>). Binds in a page
/// (<c>[BindProperty(SupportsGet = true)]</c>) and as a minimal API parameter (<see cref="BindAsync"/>).
/// </summary>
[ModelBinder(BinderType = typeof(GridQueryBinder))]
public sealed class GridQuery
{
    public const string SortKey = "sort", DirectionKey = "dir", PageKey = Links.PageParameter, SizeKey = "size", SelectedKey = "selected";
    public static readonly int[] PageSizes = [25, 50, 100, 200, 500];

    public string? Sort { get; init; }
    public bool Descending { get; init; }
    public int? PageNumber { get; init; }
    public int? PageSize { get; init; }
    public IReadOnlyList<string> Selected { get; init; } = [];
    public IReadOnlyDictionary<string, string> Values { get; init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The page asked for, through the one paging rule (page from 1, size up to the maximum).</summary>
    public PageRequest Page => PageRequest.Of(PageNumber, PageSize);

    public string? Value(string key) => Values.TryGetValue(key, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;

    public static GridQuery From(IQueryCollection query)
    {
        string? One(string key) => query.TryGetValue(key, out var v) ? v.ToString() : null;
        int? Number(string key) => int.TryParse(One(key), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
        return new GridQuery
        {
            Sort = One(SortKey) is { Length: > 0 } sort ? sort : null,
            Descending = string.Equals(One(DirectionKey), "desc", StringComparison.OrdinalIgnoreCase),
            PageNumber = Number(PageKey),
            PageSize = Number(SizeKey),
            Selected = query.TryGetValue(SelectedKey, out var selected) ? selected.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s!).ToList() : [],
            Values = query.Where(q => q.Value.Count > 0).ToDictionary(q => q.Key, q => q.Value[^1] ?? "", StringComparer.OrdinalIgnoreCase),
        };
    }

    /// <summary>The query string's values, and on a form post the rows selected in the form.</summary>
    public static async ValueTask<GridQuery?> BindAsync(HttpContext context)
    {
        var query = From(context.Request.Query);
        if (!context.Request.HasFormContentType) return query;
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        return form.TryGetValue(SelectedKey, out var selected)
            ? new GridQuery
            {
                Sort = query.Sort, Descending = query.Descending, PageNumber = query.PageNumber, PageSize = query.PageSize, Values = query.Values,
                Selected = selected.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s!).ToList(),
            }
            : query;
    }
}

public sealed class GridQueryBinder : IModelBinder
{
    public async Task BindModelAsync(ModelBindingContext context) =>
        context.Result = ModelBindingResult.Success(await GridQuery.BindAsync(context.HttpContext));
}
