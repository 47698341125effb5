using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PsaBridge.Infrastructure.Validation;
using PsaBridge.Psa.Actuals;
using PsaBridge.Psa.Invoicing;
using PsaBridge.Web.Pages.Shared;
using PsaBridge.Web.Pages.Shared.Grid;

namespace PsaBridge.Web.Pages.Psa.Invoices;

/// <summary>One invoice line detail as the review form posts it.</summary>
public sealed class DetailForm
{
    public Guid Id { get; set; }
    [Display(Name = "Quantity")] public string? Quantity { get; set; }
    [Display(Name = "Billing type")] public BillingType? BillingType { get; set; }
}

/// <summary>
/// One invoice. A draft is reviewed detail by detail (quantity lowered, billing type changed), confirmed, or deleted after
/// a confirmation; a confirmed invoice is corrected by a corrective draft.
/// </summary>
[Authorize(Policy = Policies.Read)]
public sealed class DetailsModel(InvoiceService invoices, InvoiceCorrectionService corrections, InvoiceQueries queries, Choices choices, TimeProvider clock)
    : AppPage
{
    [FromRoute] public Guid Id { get; set; }
    [BindProperty] public List<DetailForm> Details { get; set; } = [];
    [BindProperty] public DateOnly? CorrectionDate { get; set; }

    public Invoice Invoice { get; private set; } = null!;
    public InvoiceRow Row { get; private set; } = null!;
    public List<InvoiceRow> Corrections { get; private set; } = [];
    public Dictionary<Guid, string> Names { get; private set; } = [];
    public ConfirmView? Confirm { get; private set; }

    public string Name(Guid? id) => id is { } g && Names.TryGetValue(g, out var n) ? n : "—";

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Details = Invoice.Lines.SelectMany(l => l.Details)
            .Select(d => new DetailForm { Id = d.Id, Quantity = d.Quantity.ToString("0.####"), BillingType = d.BillingType }).ToList();
    }

    [HandlerPolicy(Policies.ManageFinance)]
    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        var changed = await SaveDetailsAsync(ct);
        if (changed is null) return await RefusedAsync(ct);
        Notify(changed == 0 ? "Nothing changed." : $"{changed} detail{(changed == 1 ? "" : "s")} saved.");
        return Redirect(PsaLinks.Invoice(Id));
    }

    /// <summary>
    /// Saves what the review changed, then asks, as confirming cannot be undone; posted again with the confirmation it
    /// confirms.
    /// </summary>
    [HandlerPolicy(Policies.ManageFinance)]
    public async Task<IActionResult> OnPostConfirmAsync(bool confirmed, CancellationToken ct)
    {
        var changed = await SaveDetailsAsync(ct);
        if (changed is null) return await RefusedAsync(ct);
        if (!confirmed)
        {
            await OnGetAsync(ct);
            Confirm = new ConfirmView($"Confirm invoice '{Invoice.Name}'?",
                (changed > 0 ? $"{changed} detail{(changed == 1 ? "" : "s")} saved. " : "")
                + $"Confirming cannot be undone: the invoice becomes read-only and its billed sales of {Ui.Amount(Invoice.TotalAmount)} {Invoice.Currency} are posted; "
                + "a mistake is then put right by a corrective invoice.",
                "Confirm", "Confirm invoice", []);
            return Page();
        }
        return await ActAsync(async () =>
        {
            var invoice = await invoices.ConfirmAsync(Id, ct);
            return ($"Invoice '{invoice.Name}' is confirmed: its billed sales are posted.", PsaLinks.Invoice(Id));
        });
    }

    /// <summary>Saves the details whose quantity or billing type changed; null when any was refused (each refusal is beside its field).</summary>
    private async Task<int?> SaveDetailsAsync(CancellationToken ct)
    {
        var current = (await invoices.GetAsync(Id, ct)).Lines.SelectMany(l => l.Details).ToDictionary(d => d.Id);
        var changed = 0;
        for (var i = 0; i < Details.Count; i++)
        {
            var form = Details[i];
            if (!current.TryGetValue(form.Id, out var detail)) continue;
            if (!decimal.TryParse(form.Quantity?.Trim().Replace(',', '.'), System.Globalization.NumberStyles.AllowDecimalPoint,
                    System.Globalization.CultureInfo.InvariantCulture, out var quantity))
            {
                ModelState.AddModelError($"Details[{i}].Quantity", $"Quantity: '{form.Quantity}' is not a number.");
                continue;
            }
            var input = new InvoiceDetailInput(quantity != detail.Quantity ? quantity : null, form.BillingType != detail.BillingType ? form.BillingType : null);
            if (input is { Quantity: null, BillingType: null }) continue;
            try
            {
                await corrections.UpdateDetailAsync(Id, form.Id, input, ct);
                changed++;
            }
            catch (ValidationFailedException e)
            {
                foreach (var error in e.Errors)
                {
                    var (key, label) = error.Field == "billingType" ? ("BillingType", "Billing type") : ("Quantity", "Quantity");
                    ModelState.AddModelError($"Details[{i}].{key}", $"{label}: {error.Message}");
                }
            }
        }
        return ModelState.IsValid ? changed : null;
    }

    private async Task<IActionResult> RefusedAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    [HandlerPolicy(Policies.ManageFinance)]
    public Task<IActionResult> OnPostCorrectAsync(CancellationToken ct) => ActAsync(async () =>
    {
        var correction = await corrections.CorrectAsync(Id, new InvoiceCorrectionInput(CorrectionDate), ct);
        return ($"Corrective invoice '{correction.Name}' drafted: set each detail to the quantity that stands, then confirm it.", PsaLinks.Invoice(correction.Id));
    });

    /// <summary>Deleting a draft asks first; posted again with the confirmation it deletes, and its unbilled sales are ready again.</summary>
    [HandlerPolicy(Policies.ManageFinance)]
    public async Task<IActionResult> OnPostDeleteAsync(bool confirmed, CancellationToken ct)
    {
        if (!confirmed)
        {
            await LoadAsync(ct);
            Details = [];
            Confirm = new ConfirmView($"Delete draft invoice '{Invoice.Name}'?",
                "Its unbilled sales and milestones become ready to invoice again. The draft cannot be brought back.", "Delete", "Delete draft", []);
            return Page();
        }
        return await ActAsync(async () =>
        {
            await invoices.DeleteDraftAsync(Id, ct);
            return ("The draft invoice is deleted; what it gathered is ready to invoice again.", "/psa/invoices");
        });
    }

    private async Task<IActionResult> ActAsync(Func<Task<(string Notice, string Next)>> act)
    {
        try
        {
            var (notice, next) = await act();
            Notify(notice);
            return Redirect(next);
        }
        catch (Exception e) when (e is ConflictException or ValidationFailedException)
        {
            Notify(e is ValidationFailedException v ? string.Join(" ", v.Errors.Select(x => x.Message)) : e.Message);
            return Redirect(PsaLinks.Invoice(Id));
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Invoice = await invoices.GetAsync(Id, ct);
        Row = await queries.Rows().SingleAsync(r => r.Id == Id, ct);
        Corrections = await queries.CorrectionsOfAsync(Id, ct);
        Names = (await choices.ResourcesAsync(ct)).Concat(await choices.RolesAsync(ct)).Concat(await choices.ProjectsAsync(ct))
            .Concat(await choices.CategoriesAsync(ct)).ToDictionary(c => c.Id, c => c.Name);
        CorrectionDate ??= DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
    }
}
