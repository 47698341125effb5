using Microsoft.AspNetCore.Mvc;
using PsaBridge.Psa;
using PsaBridge.Psa.Accounts;
using PsaBridge.Psa.OrganizationalUnits;
using PsaBridge.Psa.Projects;
using PsaBridge.Psa.Resources;
using PsaBridge.Psa.Sales;
using PsaBridge.Web.Pages.Shared;
using PsaBridge.Web.Pages.Shared.Grid;

namespace PsaBridge.Web.Pages.Psa.Projects;

/// <summary>A project as the list shows it, made in the query.</summary>
public sealed record ProjectRow
{
    public Guid Id { get; init; }
    public string Name { get; init; } = "";
    public Guid? CustomerId { get; init; }
    public string? Customer { get; init; }
    public Guid? ContractId { get; init; }
    public string? Contract { get; init; }
    public string? ProjectManager { get; init; }
    public string? ContractingUnit { get; init; }
    public DateOnly? ScheduledStart { get; init; }
    public DateOnly? ScheduledEnd { get; init; }
    public ProjectStatus Status { get; init; }
    public int Tasks { get; init; }
    public int TeamMembers { get; init; }
    public DateTime CreatedOn { get; init; }
}

/// <summary>Projects in the shared grid, by customer, contract and status; each opens its detail page.</summary>
[Authorize(Policy = Policies.Read)]
public sealed class IndexModel(PsaDb db, Choices choices) : AppPage
{
    public static ListGrid<ProjectRow> Grid(IReadOnlyList<Choice> customers, IReadOnlyList<Choice> contracts) =>
        new ListGrid<ProjectRow>("projects", "projects")
            .KeyedBy(p => p.Id)
            .Column("name", "Project", p => p.Name, GridFilterKind.Text)
            .Column("customer", "Customer", p => p.Customer)
            .Filter("customer-id", "Customer", GridFilterKind.Choice, v => p => p.CustomerId == Guid.Parse(v), Choices.Options(customers))
            .Column("contract", "Contract", p => p.Contract)
            .Filter("contract-id", "Contract", GridFilterKind.Choice, v => p => p.ContractId == Guid.Parse(v), Choices.Options(contracts))
            .Column("manager", "Project manager", p => p.ProjectManager, GridFilterKind.Text)
            .Column("unit", "Contracting unit", p => p.ContractingUnit)
            .Column("start", "Start", p => p.ScheduledStart, GridFilterKind.DateRange)
            .Column("end", "Finish", p => p.ScheduledEnd)
            .Column("status", "Status", p => p.Status, GridFilterKind.Choice)
            .Column("tasks", "Tasks", p => p.Tasks)
            .Column("team", "Team members", p => p.TeamMembers)
            .Column("created", "Created", p => p.CreatedOn)
            .SortedBy("name");

    [BindProperty(SupportsGet = true)] public GridQuery Query { get; set; } = new();

    public GridPage<ProjectRow> Projects { get; private set; } = GridPage<ProjectRow>.Empty;

    public async Task OnGetAsync(CancellationToken ct) => Projects = Checked(await (await GridAsync(ct)).PageAsync(Rows(), Query, ct));

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct) => (await GridAsync(ct)).Export(Rows(), Query);

    public Task<IActionResult> OnPostExportAsync(CancellationToken ct) => OnGetExportAsync(ct);

    private async Task<ListGrid<ProjectRow>> GridAsync(CancellationToken ct) => Grid(await choices.CustomersAsync(ct), await choices.ContractsAsync(ct));

    private IQueryable<ProjectRow> Rows() =>
        from p in db.Set<Project>()
        from a in db.Set<Account>().Where(a => a.Id == p.CustomerId).DefaultIfEmpty()
        from c in db.Set<ProjectContract>().Where(c => c.Id == p.ContractId).DefaultIfEmpty()
        from m in db.Set<BookableResource>().Where(r => r.Id == p.ProjectManagerId).DefaultIfEmpty()
        from u in db.Set<OrganizationalUnit>().Where(u => u.Id == p.ContractingUnitId).DefaultIfEmpty()
        select new ProjectRow
        {
            Id = p.Id, Name = p.Name, CustomerId = p.CustomerId, Customer = a == null ? null : a.Name, ContractId = p.ContractId,
            Contract = c == null ? null : c.Name, ProjectManager = m == null ? null : m.Name, ContractingUnit = u == null ? null : u.Name,
            ScheduledStart = p.ScheduledStart, ScheduledEnd = p.ScheduledEnd, Status = p.StatusCode, Tasks = p.Tasks.Count,
            TeamMembers = p.TeamMembers.Count, CreatedOn = p.CreatedOn,
        };
}
