using Microsoft.AspNetCore.Mvc;
using PsaBridge.Finance.AddressSetup;
using PsaBridge.Infrastructure.Validation;
using PsaBridge.Web.Pages.Shared;
using PsaBridge.Web.Pages.Shared.Grid;

namespace PsaBridge.Web.Pages.Setup;

/// <summary>The form of an address setup list's "add" panel: every such record lies in a state of the chosen country.</summary>
public interface IStateForm
{
    string? State { get; set; }
}

/// <summary>
/// A list of one kind of a country's address setup (cities, zip codes): choose the country and state, page the grid, export
/// it, add one record, delete the selected after a confirmation. A refused delete fails alone and is named in the notice.
/// </summary>
public abstract class AddressSetupListPage<TRow, TForm>(AddressSetupService setup) : AppPage where TForm : class, IStateForm, new()
{
    public static readonly GridAction[] Actions = [new("Delete", "Delete selected", Destructive: true)];

    [FromQuery(Name = "country")] public string? Country { get; set; }
    [FromQuery(Name = "state")] public string? State { get; set; }
    [BindProperty(SupportsGet = true)] public GridQuery Query { get; set; } = new();
    [BindProperty] public TForm Input { get; set; } = new();

    public AddressChoices Choices { get; private set; } = new([], []);
    public GridPage<TRow> Rows { get; private set; } = GridPage<TRow>.Empty;
    public string? Problem { get; private set; }
    public ConfirmView? Confirm { get; private set; }

    protected AddressSetupService Setup => setup;

    protected abstract ListGrid<TRow> Grid { get; }

    /// <summary>"city" / "cities": the words of the notices.</summary>
    protected abstract (string One, string Many) Noun { get; }

    protected abstract Task<IQueryable<TRow>> QueryAsync(string country, string? state, CancellationToken ct);

    /// <summary>Adds the record the form describes in <paramref name="country"/>; answers the notice that says so.</summary>
    protected abstract Task<string> CreateAsync(string country, CancellationToken ct);

    /// <summary>What the confirmation says will follow from deleting the selected keys.</summary>
    protected abstract string DeleteConsequence(IReadOnlyList<string> keys);

    /// <summary>Deletes the record of one selected key; a conflict or a record gone meanwhile refuses it alone.</summary>
    protected abstract Task DeleteAsync(string key, CancellationToken ct);

    /// <summary>Whether a selected value is a key of this list (a tampered or stale one is ignored).</summary>
    protected abstract bool IsKey(string key);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Country = CountryOrDefault();
        Choices = await AddressChoices.LoadAsync(setup, Country, ct);
        Input.State ??= State;
        try
        {
            Rows = Checked(await Grid.PageAsync(await QueryAsync(Country, State, ct), Query, ct));
        }
        catch (NotFoundException e)
        {
            Problem = e.Message;
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct) => Grid.Export(await QueryAsync(CountryOrDefault(), State, ct), Query);

    public Task<IActionResult> OnPostExportAsync(CancellationToken ct) => OnGetExportAsync(ct);

    [HandlerPolicy(Policies.ManageFinance)]
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        try
        {
            Notify(await CreateAsync(CountryOrDefault(), ct));
            return BackToList();
        }
        catch (ValidationFailedException e)
        {
            ModelState.AddFieldErrors(e.Errors, nameof(Input), typeof(TForm));
        }
        await OnGetAsync(ct);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    [HandlerPolicy(Policies.ManageFinance)]
    public async Task<IActionResult> OnPostDeleteAsync(bool confirmed, CancellationToken ct)
    {
        var keys = Query.Selected.Where(IsKey).ToList();
        if (keys.Count == 0)
        {
            Notify($"Select one or more {Noun.Many} first.");
            return BackToList();
        }
        if (!confirmed)
        {
            Confirm = new ConfirmView($"Delete {Count(keys.Count)}?", DeleteConsequence(keys), "Delete", "Delete", Query.Selected);
            await OnGetAsync(ct);
            return Page();
        }
        var refused = new List<string>();
        foreach (var key in keys)
        {
            try { await DeleteAsync(key, ct); }
            catch (Exception e) when (e is ConflictException or NotFoundException) { refused.Add(e.Message); }
        }
        Notify($"{Count(keys.Count - refused.Count)} deleted." + (refused.Count > 0 ? " Not deleted: " + string.Join(" ", refused) : ""));
        return BackToList();
    }

    private string CountryOrDefault() => string.IsNullOrWhiteSpace(Country) ? AddressChoices.DefaultCountry : Country.Trim();

    private string Count(int n) => $"{n} {(n == 1 ? Noun.One : Noun.Many)}";
}
