using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using PsaBridge.Finance.PaymentTerms;
using PsaBridge.Infrastructure.Validation;
using PsaBridge.Web.Pages.Shared;
using PsaBridge.Web.Pages.Shared.Grid;

namespace PsaBridge.Web.Pages.Setup.PaymentTerms;

/// <summary>Terms of payment: the codes a PSA account's payment terms must match (the seed's "Payment Term" rule). List, add, edit, delete.</summary>
[Authorize(Policy = Policies.Read)]
public sealed class IndexModel(PaymentTermService terms) : AppPage
{
    public static readonly ListGrid<PaymentTerm> Grid = new ListGrid<PaymentTerm>("payment terms", "payment-terms")
        .KeyedBy(t => t.Code)
        .Column("code", "Code", t => t.Code, GridFilterKind.Text)
        .Column("description", "Description", t => t.Description, GridFilterKind.Text)
        .Column("netdays", "Net days", t => t.NetDays)
        .Extra("edit")
        .SortedBy("netdays");

    public static readonly GridAction[] Actions = [new("Delete", "Delete selected", Destructive: true)];

    [BindProperty(SupportsGet = true)] public GridQuery Query { get; set; } = new();
    [BindProperty] public TermForm Input { get; set; } = new();

    public GridPage<PaymentTerm> Terms { get; private set; } = GridPage<PaymentTerm>.Empty;
    public ConfirmView? Confirm { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Terms = Checked(await Grid.PageAsync(terms.Query(), Query, ct));

    public IActionResult OnGetExport() => Grid.Export(terms.Query(), Query);

    public IActionResult OnPostExport() => OnGetExport();

    [HandlerPolicy(Policies.ManageFinance)]
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            try
            {
                var term = await terms.CreateAsync(new PaymentTermInput(Input.Code, Input.Description, Input.NetDays), ct);
                Created(term.Code);
                Notify($"Payment term '{term.Code}' created.");
                return BackToList();
            }
            catch (ValidationFailedException e)
            {
                ModelState.AddFieldErrors(e.Errors, nameof(Input), typeof(TermForm));
            }
        }
        await OnGetAsync(ct);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    [HandlerPolicy(Policies.ManageFinance)]
    public async Task<IActionResult> OnPostDeleteAsync(bool confirmed, CancellationToken ct)
    {
        var codes = Query.Selected;
        if (codes.Count == 0)
        {
            Notify("Select one or more payment terms first.");
            return BackToList();
        }
        if (!confirmed)
        {
            Confirm = new ConfirmView($"Delete {codes.Count} payment term{(codes.Count == 1 ? "" : "s")}?",
                $"{string.Join(", ", codes)}. A term that customers use is kept. Accounts with a deleted term fail the sync.", "Delete", "Delete", codes);
            await OnGetAsync(ct);
            return Page();
        }
        var refused = new List<string>();
        foreach (var code in codes)
        {
            try { await terms.DeleteAsync(code, ct); }
            catch (Exception e) when (e is ConflictException or NotFoundException) { refused.Add(e.Message); }
        }
        Notify($"{codes.Count - refused.Count} deleted." + (refused.Count > 0 ? " Not deleted: " + string.Join(" ", refused) : ""));
        return BackToList();
    }

    public sealed class TermForm
    {
        [Display(Name = "Code")] public string? Code { get; set; }
        [Display(Name = "Description")] public string? Description { get; set; }
        [Display(Name = "Net days")] public int? NetDays { get; set; }
    }
}
