using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PsaBridge.Infrastructure.Paging;
using PsaBridge.Infrastructure.Validation;
using PsaBridge.Psa.Resources;
using PsaBridge.Psa.Sales.Estimates;
using PsaBridge.Psa.Sales.Quotes;
using PsaBridge.Web.Pages.Shared;
using PsaBridge.Web.Pages.Shared.Grid;
using PsaBridge.Web.Security;

namespace PsaBridge.Web.Pages.Sales.Quotes;

/// <summary>
/// The quote editor: header and rollups, lines with their milestones and invoice schedules, the estimates with their
/// cost, sales and margin (each change recomputes the totals on save), and activate / close as won / close as lost.
/// Reading needs Read; every change is the project manager's.
/// </summary>
[Authorize(Policy = Policies.Read)]
public sealed class DetailsModel(QuoteService quotes, QuoteDetailService details, QuoteClosing closing, ResourceService resources) : AppPage
{
    [FromRoute] public Guid Id { get; set; }
    [BindProperty] public EstimateForm Estimate { get; set; } = new();
    [BindProperty] public CloseForm Close { get; set; } = new();
    [BindProperty] public Guid? DetailId { get; set; }
    [BindProperty] public bool Confirmed { get; set; }

    public Quote Quote { get; private set; } = null!;
    public Page<LineDetailView> Details { get; private set; } = new([], 0, 1, PageRequest.MaxPageSize);
    public IReadOnlyList<Role> Roles { get; private set; } = [];
    public ConfirmView? Confirm { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    [HandlerPolicy(Policies.ManageProjects)]
    public Task<IActionResult> OnPostAddEstimateAsync(CancellationToken ct) => ChangeAsync(async () =>
    {
        var added = await details.AddAsync(Id, Estimate.LineId ?? Guid.Empty, Estimate.ToInput(), ct);
        return $"Estimate added: sales {Ui.Amount(added.SalesAmount)}, cost {Ui.Amount(added.CostAmount)} {added.Currency}.";
    }, nameof(Estimate), typeof(EstimateForm), ct);

    [HandlerPolicy(Policies.ManageProjects)]
    public async Task<IActionResult> OnPostDeleteEstimateAsync(CancellationToken ct)
    {
        if (!Confirmed)
        {
            await LoadAsync(ct);
            Confirm = new ConfirmView("Remove this estimate?", "Its sales record and its cost twin are removed, and the totals recomputed.", "DeleteEstimate",
                "Remove estimate", [], new Dictionary<string, string> { ["DetailId"] = DetailId?.ToString() ?? "" });
            return Page();
        }
        return await ChangeAsync(async () =>
        {
            await details.DeleteAsync(Id, DetailId ?? Guid.Empty, ct);
            return "Estimate removed.";
        }, "", typeof(EstimateForm), ct);
    }

    [HandlerPolicy(Policies.ManageProjects)]
    public Task<IActionResult> OnPostActivateAsync(CancellationToken ct) => ChangeAsync(async () =>
    {
        await quotes.ActivateAsync(Id, ct);
        return "Quote activated.";
    }, "", typeof(CloseForm), ct);

    [HandlerPolicy(Policies.ManageProjects)]
    public Task<IActionResult> OnPostWinAsync(CancellationToken ct) => ChangeAsync(async () =>
    {
        var contract = await closing.WinAsync(Id, new CloseQuoteInput(Close.Reason), ct);
        return $"Quote closed as won: contract '{contract.Name}' was created.";
    }, nameof(Close), typeof(CloseForm), ct);

    [HandlerPolicy(Policies.ManageProjects)]
    public async Task<IActionResult> OnPostLoseAsync(CancellationToken ct)
    {
        if (!Confirmed && !string.IsNullOrWhiteSpace(Close.Reason))
        {
            await LoadAsync(ct);
            Confirm = new ConfirmView("Close this quote as lost?", "A lost quote is read-only and cannot be reopened; nothing is created.", "Lose",
                "Close as lost", [], new Dictionary<string, string> { ["Close.Reason"] = Close.Reason });
            return Page();
        }
        return await ChangeAsync(async () =>
        {
            await closing.LoseAsync(Id, new CloseQuoteInput(Close.Reason), ct);
            return "Quote closed as lost.";
        }, nameof(Close), typeof(CloseForm), ct);
    }

    /// <summary>Does a change; a field error is shown beside its input, a refusal (a closed quote) as a notice, both with the page as it was.</summary>
    private async Task<IActionResult> ChangeAsync(Func<Task<string>> change, string prefix, Type form, CancellationToken ct)
    {
        try
        {
            Notify(await change());
            return Redirect($"/sales/quotes/{Id}");
        }
        catch (ValidationFailedException e)
        {
            ModelState.AddFieldErrors(e.Errors, prefix, form);
        }
        catch (ConflictException e)
        {
            ModelState.AddModelError("", e.Message);
        }
        await LoadAsync(ct);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Quote = await quotes.GetAsync(Id, ct);
        Details = await details.ListAsync(Id, null, PageRequest.Of(1, PageRequest.MaxPageSize), ct);
        Roles = (await resources.ListRolesAsync(null, PageRequest.Of(1, PageRequest.MaxPageSize), ct)).Items;
    }
}
