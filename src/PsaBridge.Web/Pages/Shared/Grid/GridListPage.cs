using Microsoft.AspNetCore.Mvc;

namespace PsaBridge.Web.Pages.Shared.Grid;

/// <summary>
/// A page that lists one kind of record in the shared grid: the grid's query from the address, the page of rows read
/// with it, and the same rows exported (all the filtered ones, or the selected ones). The page says only which grid and which rows.
/// </summary>
public abstract class GridListPage<T>(ListGrid<T> grid) : AppPage
{
    [BindProperty(SupportsGet = true)] public GridQuery Query { get; set; } = new();

    public GridPage<T> Rows { get; private set; } = GridPage<T>.Empty;

    /// <summary>The rows the grid filters, sorts and pages.</summary>
    protected abstract IQueryable<T> Source();

    public async Task OnGetAsync(CancellationToken ct) => Rows = Checked(await grid.PageAsync(Source(), Query, ct));

    public IActionResult OnGetExport() => grid.Export(Source(), Query);

    /// <summary>The rows selected in the grid's selection form, exported.</summary>
    public IActionResult OnPostExport() => OnGetExport();
}
