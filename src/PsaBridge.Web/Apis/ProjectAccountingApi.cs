using PsaBridge.Infrastructure.Paging;
using PsaBridge.Infrastructure.Validation;
using PsaBridge.Psa.Actuals;
using PsaBridge.Psa.Approvals;
using PsaBridge.Psa.Expenses;
using PsaBridge.Psa.Invoicing;
using PsaBridge.Psa.OrganizationalUnits;
using PsaBridge.Psa.Pricing;
using PsaBridge.Psa.Projects;
using PsaBridge.Psa.Resources;
using PsaBridge.Psa.Sales;
using PsaBridge.Psa.Time;
using PsaBridge.Web.Infrastructure;
using PsaBridge.Web.Infrastructure.Auditing;

namespace PsaBridge.Web.Apis;

/// <summary>The ids of a bulk approval.</summary>
public sealed record BulkApprovalInput(List<Guid>? Ids)
{
    public const int MaxIds = 100_000;

    public IReadOnlyList<Guid> Validate()
    {
        if (Ids is null || Ids.Count == 0) throw new ValidationFailedException("ids", "'ids' is required: give at least one id.");
        if (Ids.Count > MaxIds) throw new ValidationFailedException("ids", $"'ids' has {Ids.Count} ids; at most {MaxIds} are taken in one call.");
        return Ids;
    }
}

/// <summary>PSA project accounting: setup, contracts and projects, time and expense, actuals and invoices.</summary>
public static class ProjectAccountingApi
{
    public static RouteGroupBuilder MapProjectAccountingApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/psa").WithTags("PSA project accounting").WithDocumentedErrors().RequireAuthorization(Policies.Read).Audited();
        var administer = api.MapGroup("").RequireAuthorization(Policies.Administer);
        var projects = api.MapGroup("").RequireAuthorization(Policies.ManageProjects);
        var time = api.MapGroup("").RequireAuthorization(Policies.EnterTime);
        var finance = api.MapGroup("").RequireAuthorization(Policies.ManageFinance);

        administer.MapPost("/organizational-units", async (OrganizationalUnitService s, OrganizationalUnitInput input, CancellationToken ct) =>
            Created("organizational-units", await s.CreateAsync(input, ct), u => u.Id))
            .WithName("CreateOrganizationalUnit").WithSummary("Add an organizational unit with its currency");
        api.MapGet("/organizational-units", async (OrganizationalUnitService s, string? search, int? page, int? pageSize, CancellationToken ct) =>
            ListResponse<OrganizationalUnit>.From(await s.ListAsync(search, PageRequest.Of(page, pageSize), ct)))
            .WithName("ListOrganizationalUnits").WithSummary("Organizational units, by name");
        api.MapGet("/organizational-units/{id:guid}", (OrganizationalUnitService s, Guid id, CancellationToken ct) => s.GetAsync(id, ct))
            .WithName("GetOrganizationalUnit").WithSummary("One organizational unit");

        administer.MapPost("/roles", async (ResourceService s, RoleInput input, CancellationToken ct) => Created("roles", await s.CreateRoleAsync(input, ct), r => r.Id))
            .WithName("CreateRole").WithSummary("Add a resource role");
        api.MapGet("/roles", async (ResourceService s, string? search, int? page, int? pageSize, CancellationToken ct) =>
            ListResponse<Role>.From(await s.ListRolesAsync(search, PageRequest.Of(page, pageSize), ct)))
            .WithName("ListRoles").WithSummary("Resource roles, by name");

        administer.MapPost("/resources", async (ResourceService s, ResourceInput input, CancellationToken ct) =>
            Created("resources", await s.CreateResourceAsync(input, ct), r => r.Id))
            .WithName("CreateResource").WithSummary("Add a bookable resource with its unit and default role");
        api.MapGet("/resources", async (ResourceService s, string? search, Guid? organizationalUnitId, int? page, int? pageSize, CancellationToken ct) =>
            ListResponse<BookableResource>.From(await s.ListResourcesAsync(search, organizationalUnitId, PageRequest.Of(page, pageSize), ct)))
            .WithName("ListResources").WithSummary("Bookable resources, by name");
        api.MapGet("/resources/{id:guid}", (ResourceService s, Guid id, CancellationToken ct) => s.GetResourceAsync(id, ct))
            .WithName("GetResource").WithSummary("One bookable resource");

        administer.MapPost("/transaction-categories", async (PriceListService s, TransactionCategoryInput input, CancellationToken ct) =>
            Created("transaction-categories", await s.CreateCategoryAsync(input, ct), c => c.Id))
            .WithName("CreateTransactionCategory").WithSummary("Add an expense transaction category");
        api.MapGet("/transaction-categories", async (PriceListService s, string? search, int? page, int? pageSize, CancellationToken ct) =>
            ListResponse<TransactionCategory>.From(await s.ListCategoriesAsync(search, PageRequest.Of(page, pageSize), ct)))
            .WithName("ListTransactionCategories").WithSummary("Transaction categories, by name");

        administer.MapPost("/price-lists", async (PriceListService s, PriceListInput input, CancellationToken ct) =>
            Created("price-lists", await s.CreateAsync(input, ct), p => p.Id))
            .WithName("CreatePriceList").WithSummary("Add a cost or sales price list with its role and category prices");
        api.MapGet("/price-lists", async (PriceListService s, PriceListContext? context, Guid? organizationalUnitId, Guid? customerId, int? page, int? pageSize,
                CancellationToken ct) =>
            ListResponse<PriceList>.From(await s.ListAsync(new PriceListFilter(context, organizationalUnitId, customerId), PageRequest.Of(page, pageSize), ct)))
            .WithName("ListPriceLists").WithSummary("Price lists, by name");
        api.MapGet("/price-lists/{id:guid}", (PriceListService s, Guid id, CancellationToken ct) => s.GetAsync(id, ct))
            .WithName("GetPriceList").WithSummary("One price list with its prices");

        projects.MapPost("/contracts", async (ContractService s, ContractInput input, CancellationToken ct) =>
            Created("contracts", await s.CreateAsync(input, ct), c => c.Id))
            .WithName("CreateContract").WithSummary("Add a project contract with its lines");
        api.MapGet("/contracts", async (ContractService s, Guid? customerId, string? search, int? page, int? pageSize, CancellationToken ct) =>
            ListResponse<ProjectContract>.From(await s.ListAsync(new ContractFilter(customerId, search), PageRequest.Of(page, pageSize), ct)))
            .WithName("ListContracts").WithSummary("Project contracts, by name");
        api.MapGet("/contracts/{id:guid}", (ContractService s, Guid id, CancellationToken ct) => s.GetAsync(id, ct))
            .WithName("GetContract").WithSummary("One project contract with its lines and milestones");
        projects.MapPost("/milestones/{id:guid}/ready", (ContractService s, Guid id, CancellationToken ct) => s.MarkMilestoneReadyAsync(id, ct))
            .WithName("MarkMilestoneReady").WithSummary("Mark a contract line milestone ready for invoicing");

        projects.MapPost("/projects", async (ProjectService s, ProjectInput input, CancellationToken ct) =>
            Created("projects", await s.CreateAsync(input, ct), p => p.Id))
            .WithName("CreateProject").WithSummary("Add a project with its tasks and team");
        api.MapGet("/projects", async (ProjectService s, Guid? customerId, Guid? contractId, string? search, int? page, int? pageSize, CancellationToken ct) =>
            ListResponse<Project>.From(await s.ListAsync(new ProjectFilter(customerId, contractId, search), PageRequest.Of(page, pageSize), ct)))
            .WithName("ListProjects").WithSummary("Projects, by name");
        api.MapGet("/projects/{id:guid}", (ProjectService s, Guid id, CancellationToken ct) => s.GetAsync(id, ct))
            .WithName("GetProject").WithSummary("One project with its tasks and team");

        time.MapPost("/time-entries", async (TimeEntryService s, TimeEntryInput input, CancellationToken ct) =>
            Created("time-entries", await s.CreateAsync(input, ct), e => e.Id))
            .ForOwnResource<TimeEntryInput>(i => i.ResourceId).WithName("CreateTimeEntry").WithSummary("Enter time (a draft)");
        api.MapGet("/time-entries", async (TimeEntryService s, Guid? projectId, Guid? resourceId, TimeEntryStatus? status, DateOnly? from, DateOnly? to,
                int? page, int? pageSize, CancellationToken ct) =>
            ListResponse<TimeEntry>.From(await s.ListAsync(new TimeEntryFilter(projectId, resourceId, status, from, to), PageRequest.Of(page, pageSize), ct)))
            .WithName("ListTimeEntries").WithSummary("Time entries, filtered by resource, project, status and date");
        api.MapGet("/time-entries/{id:guid}", (TimeEntryService s, Guid id, CancellationToken ct) => s.GetAsync(id, ct))
            .WithName("GetTimeEntry").WithSummary("One time entry");
        time.MapPost("/time-entries/{id:guid}/submit", (TimeEntryService s, Guid id, CancellationToken ct) => s.SubmitAsync(id, ct))
            .ForOwnTimeEntry().WithName("SubmitTimeEntry").WithSummary("Submit a time entry for approval");
        projects.MapPost("/time-entries/{id:guid}/approve", (TimeEntryService s, Guid id, CancellationToken ct) => s.ApproveAsync(id, ct))
            .ForManagedProjects(c => OwnWorkEndpoints.RouteEntry(c, ApprovalEntryType.Time)).WithName("ApproveTimeEntry").WithSummary("Approve a submitted time entry: its cost and unbilled sales are posted");
        projects.MapPost("/time-entries/{id:guid}/return", (TimeEntryService s, Guid id, CancellationToken ct) => s.ReturnAsync(id, ct))
            .ForManagedProjects(c => OwnWorkEndpoints.RouteEntry(c, ApprovalEntryType.Time)).WithName("ReturnTimeEntry").WithSummary("Return a submitted time entry to its resource");
        time.MapPost("/time-entries/{id:guid}/cancel", (TimeEntryService s, Guid id, CancellationToken ct) => s.CancelAsync(id, ct))
            .ForOwnTimeEntry().WithName("CancelTimeEntry").WithSummary("Cancel a draft or returned time entry");
        projects.MapPost("/time-entries/approve", (TimeEntryService s, BulkApprovalInput input, CancellationToken ct) => s.ApproveTimeEntries(input.Validate(), ct))
            .ForManagedProjects(c => c.Arguments.OfType<BulkApprovalInput>().SelectMany(i => i.Ids ?? []).Select(id => (ApprovalEntryType.Time, id))).WithName("ApproveTimeEntries").WithSummary("Approve many submitted time entries; each fails alone");

        time.MapPost("/expense-entries", async (ExpenseService s, ExpenseInput input, CancellationToken ct) =>
            Created("expense-entries", await s.CreateAsync(input, ct), e => e.Id))
            .ForOwnResource<ExpenseInput>(i => i.ResourceId).WithName("CreateExpense").WithSummary("Enter an expense (a draft)");
        api.MapGet("/expense-entries", async (ExpenseService s, Guid? projectId, Guid? resourceId, ExpenseStatus? status, DateOnly? from, DateOnly? to,
                int? page, int? pageSize, CancellationToken ct) =>
            ListResponse<ExpenseEntry>.From(await s.ListAsync(new ExpenseFilter(projectId, resourceId, status, from, to), PageRequest.Of(page, pageSize), ct)))
            .WithName("ListExpenses").WithSummary("Expenses, filtered by resource, project, status and date");
        api.MapGet("/expense-entries/{id:guid}", (ExpenseService s, Guid id, CancellationToken ct) => s.GetAsync(id, ct))
            .WithName("GetExpense").WithSummary("One expense");
        time.MapPost("/expense-entries/{id:guid}/submit", (ExpenseService s, Guid id, CancellationToken ct) => s.SubmitAsync(id, ct))
            .ForOwnExpense().WithName("SubmitExpense").WithSummary("Submit an expense for approval");
        projects.MapPost("/expense-entries/{id:guid}/approve", (ExpenseService s, Guid id, CancellationToken ct) => s.ApproveAsync(id, ct))
            .ForManagedProjects(c => OwnWorkEndpoints.RouteEntry(c, ApprovalEntryType.Expense)).WithName("ApproveExpense").WithSummary("Approve a submitted expense: its cost and unbilled sales are posted");
        projects.MapPost("/expense-entries/{id:guid}/reject", (ExpenseService s, Guid id, CancellationToken ct) => s.RejectAsync(id, ct))
            .ForManagedProjects(c => OwnWorkEndpoints.RouteEntry(c, ApprovalEntryType.Expense)).WithName("RejectExpense").WithSummary("Reject a submitted expense");
        time.MapPost("/expense-entries/{id:guid}/cancel", (ExpenseService s, Guid id, CancellationToken ct) => s.CancelAsync(id, ct))
            .ForOwnExpense().WithName("CancelExpense").WithSummary("Cancel a draft or rejected expense");
        projects.MapPost("/expense-entries/approve", (ExpenseService s, BulkApprovalInput input, CancellationToken ct) => s.ApproveExpenses(input.Validate(), ct))
            .ForManagedProjects(c => c.Arguments.OfType<BulkApprovalInput>().SelectMany(i => i.Ids ?? []).Select(id => (ApprovalEntryType.Expense, id))).WithName("ApproveExpenses").WithSummary("Approve many submitted expenses; each fails alone");

        api.MapGet("/actuals", async (ActualQueries q, Guid? projectId, Guid? contractId, Guid? customerId, TransactionType? type, Guid? resourceId,
                Guid? sourceEntryId, Guid? invoiceId, int? page, int? pageSize, CancellationToken ct) =>
            ListResponse<ActualView>.From(await q.ListAsync(new ActualFilter(projectId, contractId, customerId, type, resourceId, sourceEntryId, invoiceId),
                PageRequest.Of(page, pageSize), ct)))
            .WithName("ListActuals").WithSummary("Actuals, in the order they were posted, filtered by project, contract, customer, type and status");
        api.MapGet("/actuals/{id:guid}", (ActualQueries q, Guid id, CancellationToken ct) => q.GetAsync(id, ct))
            .WithName("GetActual").WithSummary("One actual with its transaction origins and connections");

        finance.MapPost("/invoices", async (InvoiceService s, InvoiceInput input, CancellationToken ct) =>
            Created("invoices", await s.CreateDraftAsync(input, ct), i => i.Id))
            .WithName("CreateInvoice").WithSummary("Draft an invoice from a contract's ready unbilled sales and milestones up to a date");
        api.MapGet("/invoices", async (InvoiceService s, Guid? contractId, Guid? customerId, InvoiceStatus? status, int? page, int? pageSize, CancellationToken ct) =>
            ListResponse<Invoice>.From(await s.ListAsync(new InvoiceFilter(contractId, customerId, status), PageRequest.Of(page, pageSize), ct)))
            .WithName("ListInvoices").WithSummary("Project invoices, filtered by contract, customer and status");
        api.MapGet("/invoices/{id:guid}", (InvoiceService s, Guid id, CancellationToken ct) => s.GetAsync(id, ct))
            .WithName("GetInvoice").WithSummary("One invoice with its lines and their details");
        finance.MapPost("/invoices/{id:guid}/confirm", (InvoiceService s, Guid id, CancellationToken ct) => s.ConfirmAsync(id, ct)).WithName("ConfirmInvoice")
            .WithSummary("Confirm a draft invoice: its unbilled sales become billed sales");
        finance.MapDelete("/invoices/{id:guid}", async (InvoiceService s, Guid id, CancellationToken ct) =>
        {
            await s.DeleteDraftAsync(id, ct);
            return TypedResults.NoContent();
        })
            .WithName("DeleteInvoice").WithSummary("Delete a draft invoice: its unbilled sales are free to invoice again");
        return api;
    }

    private static Microsoft.AspNetCore.Http.HttpResults.Created<T> Created<T>(string path, T value, Func<T, Guid> id) =>
        TypedResults.Created($"/api/psa/{path}/{id(value)}", value);
}
