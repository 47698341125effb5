using Microsoft.AspNetCore.Mvc;
using PsaBridge.Psa;
using PsaBridge.Psa.Accounts;
using PsaBridge.Psa.OrganizationalUnits;
using PsaBridge.Psa.Sales;
using PsaBridge.Web.Pages.Shared;
using PsaBridge.Web.Pages.Shared.Grid;

namespace PsaBridge.Web.Pages.Psa.Contracts;

/// <summary>A project contract as the list shows it, made in the query.</summary>
public sealed record ContractRow
{
    public Guid Id { get; init; }
    public string Name { get; init; } = "";
    public Guid CustomerId { get; init; }
    public string? Customer { get; init; }
    public string? ContractingUnit { get; init; }
    public string Currency { get; init; } = "";
    public ContractState State { get; init; }
    public int Lines { get; init; }
    public DateTime CreatedOn { get; init; }
}

/// <summary>Project contracts in the shared grid; each opens its detail page, and can be invoiced from here.</summary>
[Authorize(Policy = Policies.Read)]
public sealed class IndexModel(PsaDb db, Choices choices) : AppPage
{
    public static ListGrid<ContractRow> Grid(IReadOnlyList<Choice> customers) =>
        new ListGrid<ContractRow>("contracts", "contracts")
            .KeyedBy(c => c.Id)
            .Column("name", "Contract", c => c.Name, GridFilterKind.Text)
            .Column("customer", "Customer", c => c.Customer)
            .Filter("customer-id", "Customer", GridFilterKind.Choice, v => c => c.CustomerId == Guid.Parse(v), Choices.Options(customers))
            .Column("unit", "Contracting unit", c => c.ContractingUnit, GridFilterKind.Text)
            .Column("currency", "Currency", c => c.Currency)
            .Column("state", "Status", c => c.State, GridFilterKind.Choice)
            .Column("lines", "Lines", c => c.Lines)
            .Column("created", "Created", c => c.CreatedOn)
            .Extra("invoice")
            .SortedBy("name");

    [BindProperty(SupportsGet = true)] public GridQuery Query { get; set; } = new();

    public GridPage<ContractRow> Contracts { get; private set; } = GridPage<ContractRow>.Empty;

    public async Task OnGetAsync(CancellationToken ct) => Contracts = Checked(await Grid(await choices.CustomersAsync(ct)).PageAsync(Rows(), Query, ct));

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct) => Grid(await choices.CustomersAsync(ct)).Export(Rows(), Query);

    public Task<IActionResult> OnPostExportAsync(CancellationToken ct) => OnGetExportAsync(ct);

    private IQueryable<ContractRow> Rows() =>
        from c in db.Set<ProjectContract>()
        from a in db.Set<Account>().Where(a => a.Id == c.CustomerId).DefaultIfEmpty()
        from u in db.Set<OrganizationalUnit>().Where(u => u.Id == c.ContractingUnitId).DefaultIfEmpty()
        select new ContractRow
        {
            Id = c.Id, Name = c.Name, CustomerId = c.CustomerId, Customer = a == null ? null : a.Name, ContractingUnit = u == null ? null : u.Name,
            Currency = c.Currency, State = c.PsaState, Lines = c.Lines.Count, CreatedOn = c.CreatedOn,
        };
}
