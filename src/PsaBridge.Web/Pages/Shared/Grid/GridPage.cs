using PsaBridge.Infrastructure.Paging;
using PsaBridge.Infrastructure.Validation;

namespace PsaBridge.Web.Pages.Shared.Grid;

/// <summary>One page of a grid's rows, and what its toolbar, head and pager show (<see cref="View"/>).</summary>
public sealed record GridPage<T>(Page<T> Page, GridView View)
{
    public static GridPage<T> Empty { get; } = new(new Page<T>([], 0, 1, PageRequest.DefaultPageSize), GridView.None);

    public IReadOnlyList<T> Items => Page.Items;
    public int Total => Page.Total;

    public GridPage<TOut> Map<TOut>(Func<T, TOut> map) => new(Page.Map(map), View);
}

/// <summary>A column as the grid's partials show it.</summary>
public sealed record GridViewColumn(string Key, string Header, bool Sortable, bool Numeric, GridFilterKind Filter,
    IReadOnlyList<(string Value, string Label)> Choices, bool Shown);

/// <summary>What the grid's partials need, whatever the row type: columns, the query as asked, the counts, the errors.</summary>
public sealed record GridView(string Noun, IReadOnlyList<GridViewColumn> Columns, GridQuery Query, string? Sort, bool Descending,
    int Total, int PageNumber, int PageSize, int PageCount, IReadOnlyList<FieldError> Errors)
{
    public static GridView None { get; } = new("rows", [], new GridQuery(), null, false, 0, 1, PageRequest.DefaultPageSize, 0, []);

    /// <summary>Set by the page when its rows can be selected for actions (a checkbox column comes first).</summary>
    public bool Selectable { get; init; }

    public int First => Total == 0 ? 0 : (PageNumber - 1) * PageSize + 1;
    public int Last => Math.Min(Total, PageNumber * PageSize);
    public bool Filtered => Columns.Any(c => c.Filter != GridFilterKind.None && (Query.Value(c.Key) ?? Query.Value(c.Key + GridFilters.From) ?? Query.Value(c.Key + GridFilters.To)) is not null);

    public static GridView Of<T>(ListGrid<T> grid, GridQuery query, int total, int pageNumber, int pageSize, int pageCount, IReadOnlyList<FieldError> errors)
    {
        var sort = grid.Find(query.Sort) is { Sortable: true } asked ? asked.Key : grid.DefaultSort;
        var descending = grid.Find(query.Sort) is { Sortable: true } ? query.Descending : grid.DefaultDescending;
        return new GridView(grid.Noun,
            grid.Columns.Select(c => new GridViewColumn(c.Key, c.Header, c.Sortable, c.Numeric, c.Filter, c.Choices, c.Shown)).ToList(),
            query, sort, descending, total, pageNumber, pageSize, pageCount, errors);
    }
}
