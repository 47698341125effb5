using System.Globalization;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using PsaBridge.Infrastructure.Export;
using PsaBridge.Infrastructure.Paging;
using PsaBridge.Infrastructure.Validation;

namespace PsaBridge.Web.Pages.Shared.Grid;

/// <summary>
/// The shared list grid: sortable columns, per-column filters, page size, first/last/go-to page, the result count,
/// CSV and XLSX export of the whole filtered list (streamed), and selection of rows for actions.
/// <para>How to use it, in a page model:</para>
/// <code>
/// public static readonly ListGrid&lt;Account&gt; Grid = new ListGrid&lt;Account&gt;("accounts", "psa-accounts")
///     .KeyedBy(a =&gt; a.Id)
///     .Column("name", "Account name", a =&gt; a.Name, filter: GridFilterKind.Text)
///     .Column("state", "Status", a =&gt; a.StateCode, filter: GridFilterKind.Choice)
///     .SortedBy("name");
/// [BindProperty(SupportsGet = true)] public GridQuery Query { get; set; } = new();
/// public GridPage&lt;Account&gt; Rows { get; private set; } = GridPage&lt;Account&gt;.Empty;
/// public async Task OnGetAsync(CancellationToken ct) =&gt; Rows = await Grid.PageAsync(service.Query(), Query, ct);
/// public IActionResult OnGetExport() =&gt; Grid.Export(service.Query(), Query);   // ?handler=Export&amp;format=csv|xlsx
/// </code>
/// <para>In the view: <c>&lt;partial name="Grid/_Toolbar" model="Model.Rows.View" /&gt;</c> above the table (count, filters,
/// page size, export), <c>&lt;partial name="Grid/_Head" model="Model.Rows.View" /&gt;</c> as the table's <c>thead</c>, a
/// <c>&lt;grid-select key="..."&gt;</c> cell first in each row when the list has selection actions, and
/// <c>&lt;partial name="Grid/_Pager" model="Model.Rows.View" /&gt;</c> under it. The query's filters, sort and selection
/// go to the database as one query; a bad value is shown as a field error in the column's words and ignored.</para>
/// </summary>
public sealed class ListGrid<T>(string noun, string fileName)
{
    private readonly List<GridColumn<T>> _columns = [];
    private Func<IQueryable<T>, IReadOnlyList<string>, IQueryable<T>>? _selectKeys;
    private Func<IQueryable<T>, IOrderedQueryable<T>, IOrderedQueryable<T>>? _thenByKey;

    public string Noun { get; } = noun;
    public string FileName { get; } = fileName;
    public IReadOnlyList<GridColumn<T>> Columns => _columns;
    public Func<T, string> KeyOf { get; private set; } = _ => "";
    public string? DefaultSort { get; private set; }
    public bool DefaultDescending { get; private set; }

    public ListGrid<T> Column<TValue>(string key, string header, Expression<Func<T, TValue>> value, GridFilterKind filter = GridFilterKind.None,
        bool sortable = true, ExportType? type = null, Func<T, object?>? export = null, IReadOnlyList<(string Value, string Label)>? choices = null,
        bool shown = true)
    {
        if (filter == GridFilterKind.Text && typeof(TValue) != typeof(string)) throw new ArgumentException($"A text filter needs a string column ('{key}').");
        var column = new GridColumn<T>(key, header, value, type ?? TypeOf(typeof(TValue)))
        {
            Sortable = sortable && shown,
            Shown = shown,
            Filter = filter,
            Choices = choices ?? (filter == GridFilterKind.Choice ? GridFilters.ChoicesOf(typeof(TValue)) : []),
        };
        if (export is not null) column.ReadWith(export);
        _columns.Add(column);
        return this;
    }

    /// <summary>A filter that is not one column's value: a search over several columns, or a condition per choice.</summary>
    public ListGrid<T> Filter(string key, string header, GridFilterKind kind, Func<string, Expression<Func<T, bool>>> predicate,
        IReadOnlyList<(string Value, string Label)>? choices = null)
    {
        Expression<Func<T, string>> none = _ => "";
        _columns.Add(new GridColumn<T>(key, header, none, ExportType.Text)
        {
            Sortable = false, Exported = false, Shown = false, Filter = kind, Predicate = predicate, Choices = choices ?? [],
        });
        return this;
    }

    /// <summary>A column that is shown but neither sorted nor exported, e.g. a button (an empty header is read to screen readers as its key).</summary>
    public ListGrid<T> Extra(string key, string header = "")
    {
        Expression<Func<T, string>> none = _ => "";
        _columns.Add(new GridColumn<T>(key, header, none, ExportType.Text) { Sortable = false, Exported = false });
        return this;
    }

    /// <summary>The row's key, for selection and a stable order between rows with equal sort values.</summary>
    public ListGrid<T> KeyedBy<TKey>(Expression<Func<T, TKey>> key, Func<string, TKey?>? parse = null)
    {
        var read = key.Compile();
        KeyOf = row => Convert.ToString(read(row), CultureInfo.InvariantCulture) ?? "";
        parse ??= GridFilters.Parser<TKey>();
        _selectKeys = (query, keys) =>
        {
            var values = keys.Select(k => parse(k)).Where(v => v is not null).Select(v => v!).Distinct().ToList();
            var contains = Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(TKey)], Expression.Constant(values), key.Body);
            return query.Where(Expression.Lambda<Func<T, bool>>(contains, key.Parameters));
        };
        _thenByKey = (_, ordered) => ordered.ThenBy(key);
        return this;
    }

    public ListGrid<T> SortedBy(string key, bool descending = false)
    {
        DefaultSort = key;
        DefaultDescending = descending;
        return this;
    }

    public GridColumn<T>? Find(string? key) => _columns.FirstOrDefault(c => string.Equals(c.Key, key, StringComparison.OrdinalIgnoreCase));

    public IReadOnlyList<ExportColumn<T>> ExportColumns => _columns.Where(c => c.Exported).Select(c => c.ToExport()).ToList();

    /// <summary>The filters, the selection and the order asked for; the field errors of values it could not use.</summary>
    public (IQueryable<T> Query, IReadOnlyList<FieldError> Errors) Apply(IQueryable<T> query, GridQuery request)
    {
        var errors = new List<FieldError>();
        if (request.Selected.Count > 0 && _selectKeys is not null) query = _selectKeys(query, request.Selected);
        foreach (var column in _columns.Where(c => c.Filter != GridFilterKind.None))
            query = GridFilters.Apply(query, column, request, errors);
        var sort = Find(request.Sort ?? DefaultSort);
        if (request.Sort is not null && sort is not { Sortable: true })
        {
            errors.Add(new FieldError(GridQuery.SortKey, $"Sort by '{request.Sort}' is not possible; choose one of: {string.Join(", ", _columns.Where(c => c.Sortable).Select(c => c.Header))}."));
            sort = Find(DefaultSort);
        }
        var descending = request.Sort is null ? DefaultDescending : request.Descending;
        if (sort is not null)
        {
            var ordered = (IOrderedQueryable<T>)query.Provider.CreateQuery<T>(Expression.Call(typeof(Queryable),
                descending ? nameof(Queryable.OrderByDescending) : nameof(Queryable.OrderBy), [typeof(T), sort.Expression.ReturnType],
                query.Expression, Expression.Quote(sort.Expression)));
            query = _thenByKey is null ? ordered : _thenByKey(query, ordered);
        }
        return (query, errors);
    }

    public async Task<GridPage<T>> PageAsync(IQueryable<T> query, GridQuery request, CancellationToken ct = default)
    {
        var (filtered, errors) = Apply(query, request);
        var page = await filtered.ToPageAsync(request.Page, ct);
        if (page.Items.Count == 0 && page.PageNumber > 1 && page.Total > 0)
            page = await filtered.ToPageAsync(PageRequest.Of(page.PageCount, request.Page.PageSize), ct);
        return new GridPage<T>(page, GridView.Of(this, request, page.Total, page.PageNumber, page.PageSize, page.PageCount, errors));
    }

    /// <summary>Every row of the filtered list, read as the export writes it.</summary>
    public IAsyncEnumerable<T> Rows(IQueryable<T> query, GridQuery request) => Apply(query, request).Query.AsAsyncEnumerable();

    /// <summary>The filtered list as a CSV or XLSX download (<c>format</c> in the query), streamed.</summary>
    public ExportResult<T> Export(IQueryable<T> query, GridQuery request) =>
        new(ExportFormats.Parse(request.Value("format")), ExportColumns, Rows(query, request), FileName);

    private static ExportType TypeOf(Type type) => (Nullable.GetUnderlyingType(type) ?? type) switch
    {
        var t when t == typeof(decimal) || t == typeof(double) => ExportType.Number,
        var t when t == typeof(int) || t == typeof(long) || t == typeof(short) => ExportType.Integer,
        var t when t == typeof(DateTime) || t == typeof(DateTimeOffset) => ExportType.DateTime,
        var t when t == typeof(DateOnly) => ExportType.Date,
        var t when t == typeof(bool) => ExportType.Boolean,
        _ => ExportType.Text,
    };
}
