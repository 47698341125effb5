using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using PsaBridge.Infrastructure.Validation;
using PsaBridge.Psa.Invoicing;
using PsaBridge.Psa.Sales;
using PsaBridge.Web.Pages.Shared;

namespace PsaBridge.Web.Pages.Psa.Invoices;

/// <summary>The new invoice form: a contract, the lines to bill, the invoice date and the transaction cut-off date.</summary>
public sealed class NewInvoiceForm
{
    [Display(Name = "Contract")] public Guid? ContractId { get; set; }
    [Display(Name = "Invoice date")] public DateOnly? InvoiceDate { get; set; }
    [Display(Name = "Transaction cut-off date")] public DateOnly? TransactionCutOffDate { get; set; }
    [Display(Name = "Contract lines")] public List<Guid> ContractLineIds { get; set; } = [];
}

/// <summary>Creates a draft invoice from a contract: its chosen lines' unbilled sales up to the cut-off date, and their ready milestones.</summary>
[Authorize(Policy = Policies.ManageFinance)]
public sealed class NewModel(InvoiceService invoices, ContractService contracts, Choices choices, TimeProvider clock) : AppPage
{
    [FromQuery(Name = "contract")] public Guid? ContractId { get; set; }
    [BindProperty] public NewInvoiceForm Input { get; set; } = new();

    public List<Choice> Contracts { get; private set; } = [];
    public ProjectContract? Contract { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        await LoadAsync(ContractId, ct);
        Input = new NewInvoiceForm
        {
            ContractId = ContractId, InvoiceDate = today, TransactionCutOffDate = today, ContractLineIds = Contract?.Lines.Select(l => l.Id).ToList() ?? [],
        };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        try
        {
            var invoice = await invoices.CreateDraftAsync(new InvoiceInput(Input.ContractId, Input.InvoiceDate, Input.TransactionCutOffDate,
                Input.ContractLineIds.Count == 0 ? null : Input.ContractLineIds), ct);
            Created(invoice.Id);
            Notify($"Draft invoice '{invoice.Name}' created: review it, then confirm it.");
            return Redirect(PsaLinks.Invoice(invoice.Id));
        }
        catch (ValidationFailedException e)
        {
            // A line the contract does not have is reported on the lines as a whole.
            ModelState.AddFieldErrors(e.Errors.Select(x => x.Field.StartsWith("contractLineIds[", StringComparison.Ordinal) ? x with { Field = "contractLineIds" } : x),
                nameof(Input), typeof(NewInvoiceForm));
        }
        catch (ConflictException e)
        {
            ModelState.AddModelError("", e.Message);
        }
        await LoadAsync(Input.ContractId, ct);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task LoadAsync(Guid? contractId, CancellationToken ct)
    {
        Contracts = await choices.ContractsAsync(ct);
        if (contractId is { } id) Contract = await contracts.GetAsync(id, ct);
    }
}
