using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PsaBridge.Infrastructure.Paging;
using PsaBridge.Infrastructure.Validation;
using PsaBridge.Psa;
using PsaBridge.Psa.Accounts;
using PsaBridge.Psa.OrganizationalUnits;
using PsaBridge.Psa.Pricing;
using PsaBridge.Psa.Projects;
using PsaBridge.Psa.Sales;
using PsaBridge.Psa.Sales.Contracts;
using PsaBridge.Psa.Sales.Estimates;
using PsaBridge.Web.Pages.Shared;
using PsaBridge.Web.Pages.Shared.Grid;

namespace PsaBridge.Web.Pages.Psa.Contracts;

/// <summary>
/// One project contract: its lines with their projects and milestones (marked ready for invoicing here), its line details
/// (each sales estimate beside its cost twin, with the quote line detail it came from), its price lists, and Confirm (one-way, asked first), which makes a draft contract active and read-only.
/// </summary>
[Authorize(Policy = Policies.Read)]
public sealed class DetailsModel(PsaDb db, ContractService contracts, ContractDetailService details) : AppPage
{
    [FromRoute] public Guid Id { get; set; }
    [BindProperty] public bool Confirmed { get; set; }

    public ProjectContract Contract { get; private set; } = null!;
    public string? Customer { get; private set; }
    public string? ContractingUnit { get; private set; }
    public List<PriceList> PriceLists { get; private set; } = [];
    public Dictionary<Guid, string> Projects { get; private set; } = [];
    public Page<LineDetailView> Details { get; private set; } = new([], 0, 1, PageRequest.MaxPageSize);

    public ConfirmView? Confirm { get; private set; }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    /// <summary>Confirms the draft contract after asking: confirming cannot be undone, and the lines and details become read-only.</summary>
    [HandlerPolicy(Policies.ManageProjects)]
    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken ct)
    {
        if (!Confirmed)
        {
            await LoadAsync(ct);
            Confirm = new ConfirmView($"Confirm contract '{Contract.Name}'?",
                "Confirming cannot be undone: the contract becomes active, and its lines and details read-only but for the milestones' invoice status.",
                "Confirm", "Confirm contract", []);
            return Page();
        }
        try
        {
            var confirmed = await contracts.ConfirmAsync(Id, ct);
            Notify($"Contract '{confirmed.Name}' is confirmed: it is active, and its lines and details are read-only.");
        }
        catch (ConflictException e)
        {
            Notify(e.Message);
        }
        catch (ValidationFailedException e)
        {
            Notify(string.Join(" ", e.Errors.Select(f => f.Message)));
        }
        return Redirect(PsaLinks.Contract(Id));
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Contract = await contracts.GetAsync(Id, ct);
        Customer = await db.Set<Account>().Where(a => a.Id == Contract.CustomerId).Select(a => a.Name).SingleOrDefaultAsync(ct);
        ContractingUnit = await db.Set<OrganizationalUnit>().Where(u => u.Id == Contract.ContractingUnitId).Select(u => u.Name).SingleOrDefaultAsync(ct);
        var priceListIds = Contract.PriceLists.Select(p => p.PriceListId).ToList();
        PriceLists = await db.Set<PriceList>().AsNoTracking().Where(p => priceListIds.Contains(p.Id)).OrderBy(p => p.Name).ToListAsync(ct);
        var projectIds = Contract.Lines.Select(l => l.ProjectId).OfType<Guid>().ToList();
        Projects = await db.Set<Project>().Where(p => projectIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        Details = await details.ListAsync(Id, null, PageRequest.Of(1, PageRequest.MaxPageSize), ct);
    }

    /// <summary>Marks a milestone ready: the contract's next draft invoice takes it.</summary>
    [HandlerPolicy(Policies.ManageProjects)]
    public async Task<IActionResult> OnPostMarkReadyAsync(Guid milestone, CancellationToken ct)
    {
        var contract = await contracts.GetAsync(Id, ct);
        if (!contract.Lines.SelectMany(l => l.Milestones).Any(m => m.Id == milestone))
            throw new NotFoundException("Milestone", milestone.ToString());
        try
        {
            var ready = await contracts.MarkMilestoneReadyAsync(milestone, ct);
            Notify($"Milestone '{ready.Name}' is ready for invoicing: the contract's next invoice takes it.");
        }
        catch (ConflictException e)
        {
            Notify(e.Message);
        }
        return Redirect(PsaLinks.Contract(Id));
    }
}
