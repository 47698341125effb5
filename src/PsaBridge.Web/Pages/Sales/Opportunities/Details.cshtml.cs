using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PsaBridge.Infrastructure.Paging;
using PsaBridge.Infrastructure.Validation;
using PsaBridge.Psa.Sales.Opportunities;
using PsaBridge.Psa.Sales.Quotes;
using PsaBridge.Web.Pages.Shared;
using PsaBridge.Web.Security;

namespace PsaBridge.Web.Pages.Sales.Opportunities;

/// <summary>One opportunity: its fields, lines and quotes, and a new quote made from it (taking its customer, order type, unit, price lists and lines).</summary>
[Authorize(Policy = Policies.Read)]
public sealed class DetailsModel(OpportunityService opportunities, QuoteService quotes) : AppPage
{
    [FromRoute] public Guid Id { get; set; }
    [BindProperty] public NewQuoteForm NewQuote { get; set; } = new();

    public Opportunity Opportunity { get; private set; } = null!;
    public IReadOnlyList<Quote> Quotes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        NewQuote.Name = Opportunity.Name;
    }

    [HandlerPolicy(Policies.ManageProjects)]
    public async Task<IActionResult> OnPostQuoteAsync(CancellationToken ct)
    {
        try
        {
            var quote = await quotes.CreateAsync(new QuoteInput(NewQuote.Name, OpportunityId: Id), ct);
            Notify($"Quote '{quote.Name}' created from the opportunity.");
            return Redirect($"/sales/quotes/{quote.Id}");
        }
        catch (ValidationFailedException e)
        {
            ModelState.AddFieldErrors(e.Errors, nameof(NewQuote), typeof(NewQuoteForm));
        }
        await LoadAsync(ct);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Opportunity = await opportunities.GetAsync(Id, ct);
        Quotes = (await quotes.ListAsync(new QuoteFilter(OpportunityId: Id, Sort: "-created"), PageRequest.Of(1, PageRequest.MaxPageSize), ct)).Items;
    }
}

public sealed class NewQuoteForm
{
    [Display(Name = "Quote name")] public string? Name { get; set; }
}
