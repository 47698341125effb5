using PsaBridge.Infrastructure.Paging;
using PsaBridge.Infrastructure.Validation;
using PsaBridge.Psa.Actuals;
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
        var api = app.MapGroup("/api/psa").WithTags("PSA project accounting").RequireAuthorization(Policies.Read).Audited();
        var administer = api.MapGroup("").RequireAuthorization(Policies.Administer);
        var projects = api.MapGroup("").RequireAuthorization(Policies.ManageProjects);
        var time = api.MapGroup("").RequireAuthorization(Policies.EnterTime);
        var finance = api.MapGroup("").RequireAuthorization(Policies.ManageFinance);

        administer.MapPost("/organizational-units", async (OrganizationalUnitService s, OrganizationalUnitInput input, CancellationToken ct) =>
            Created("organizational-units", await s.CreateAsync(input, ct), u => u.Id));
        api.MapGet("/organizational-units", async (OrganizationalUnitService s, string? search, int? page, int? pageSize, CancellationToken ct) =>
            ListResponse<OrganizationalUnit>.From(await s.ListAsync(search, PageRequest.Of(page, pageSize), ct)));
        api.MapGet("/organizational-units/{id:guid}", (OrganizationalUnitService s, Guid id, CancellationToken ct) => s.GetAsync(id, ct));

        administer.MapPost("/roles", async (ResourceService s, RoleInput input, CancellationToken ct) => Created("roles", await s.CreateRoleAsync(input, ct), r => r.Id));
        api.MapGet("/roles", async (ResourceService s, string? search, int? page, int? pageSize, CancellationToken ct) =>
            ListResponse<Role>.From(await s.ListRolesAsync(search, PageRequest.Of(page, pageSize), ct)));

        administer.MapPost("/resources", async (ResourceService s, ResourceInput input, CancellationToken ct) =>
            Created("resources", await s.CreateResourceAsync(input, ct), r => r.Id));
        api.MapGet("/resources", async (ResourceService s, string? search, Guid? organizationalUnitId, int? page, int? pageSize, CancellationToken ct) =>
            ListResponse<BookableResource>.From(await s.ListResourcesAsync(search, organizationalUnitId, PageRequest.Of(page, pageSize), ct)));
        api.MapGet("/resources/{id:guid}", (ResourceService s, Guid id, CancellationToken ct) => s.GetResourceAsync(id, ct));

        administer.MapPost("/transaction-categories", async (PriceListService s, TransactionCategoryInput input, CancellationToken ct) =>
            Created("transaction-categories", await s.CreateCategoryAsync(input, ct), c => c.Id));
        api.MapGet("/transaction-categories", async (PriceListService s, string? search, int? page, int? pageSize, CancellationToken ct) =>
            ListResponse<TransactionCategory>.From(await s.ListCategoriesAsync(search, PageRequest.Of(page, pageSize), ct)));

        administer.MapPost("/price-lists", async (PriceListService s, PriceListInput input, CancellationToken ct) =>
            Created("price-lists", await s.CreateAsync(input, ct), p => p.Id));
        api.MapGet("/price-lists", async (PriceListService s, PriceListContext? context, Guid? organizationalUnitId, Guid? customerId, int? page, int? pageSize,
                CancellationToken ct) =>
            ListResponse<PriceList>.From(await s.ListAsync(new PriceListFilter(context, organizationalUnitId, customerId), PageRequest.Of(page, pageSize), ct)));
        api.MapGet("/price-lists/{id:guid}", (PriceListService s, Guid id, CancellationToken ct) => s.GetAsync(id, ct));

        projects.MapPost("/contracts", async (ContractService s, ContractInput input, CancellationToken ct) =>
            Created("contracts", await s.CreateAsync(input, ct), c => c.Id));
        api.MapGet("/contracts", async (ContractService s, Guid? customerId, string? search, int? page, int? pageSize, CancellationToken ct) =>
            ListResponse<ProjectContract>.From(await s.ListAsync(new ContractFilter(customerId, search), PageRequest.Of(page, pageSize), ct)));
        api.MapGet("/contracts/{id:guid}", (ContractService s, Guid id, CancellationToken ct) => s.GetAsync(id, ct));
        projects.MapPost("/milestones/{id:guid}/ready", (ContractService s, Guid id, CancellationToken ct) => s.MarkMilestoneReadyAsync(id, ct));

        projects.MapPost("/projects", async (ProjectService s, ProjectInput input, CancellationToken ct) =>
            Created("projects", await s.CreateAsync(input, ct), p => p.Id));
        api.MapGet("/projects", async (ProjectService s, Guid? customerId, Guid? contractId, string? search, int? page, int? pageSize, CancellationToken ct) =>
            ListResponse<Project>.From(await s.ListAsync(new ProjectFilter(customerId, contractId, search), PageRequest.Of(page, pageSize), ct)));
        api.MapGet("/projects/{id:guid}", (ProjectService s, Guid id, CancellationToken ct) => s.GetAsync(id, ct));

        time.MapPost("/time-entries", async (TimeEntryService s, TimeEntryInput input, CancellationToken ct) =>
            Created("time-entries", await s.CreateAsync(input, ct), e => e.Id));
        api.MapGet("/time-entries", async (TimeEntryService s, Guid? projectId, Guid? resourceId, TimeEntryStatus? status, DateOnly? from, DateOnly? to,
                int? page, int? pageSize, CancellationToken ct) =>
            ListResponse<TimeEntry>.From(await s.ListAsync(new TimeEntryFilter(projectId, resourceId, status, from, to), PageRequest.Of(page, pageSize), ct)));
        api.MapGet("/time-entries/{id:guid}", (TimeEntryService s, Guid id, CancellationToken ct) => s.GetAsync(id, ct));
        time.MapPost("/time-entries/{id:guid}/submit", (TimeEntryService s, Guid id, CancellationToken ct) => s.SubmitAsync(id, ct));
        projects.MapPost("/time-entries/{id:guid}/approve", (TimeEntryService s, Guid id, CancellationToken ct) => s.ApproveAsync(id, ct));
        projects.MapPost("/time-entries/{id:guid}/return", (TimeEntryService s, Guid id, CancellationToken ct) => s.ReturnAsync(id, ct));
        time.MapPost("/time-entries/{id:guid}/cancel", (TimeEntryService s, Guid id, CancellationToken ct) => s.CancelAsync(id, ct));
        projects.MapPost("/time-entries/approve", (TimeEntryService s, BulkApprovalInput input, CancellationToken ct) => s.ApproveTimeEntries(input.Validate(), ct));

        time.MapPost("/expense-entries", async (ExpenseService s, ExpenseInput input, CancellationToken ct) =>
            Created("expense-entries", await s.CreateAsync(input, ct), e => e.Id));
        api.MapGet("/expense-entries", async (ExpenseService s, Guid? projectId, Guid? resourceId, ExpenseStatus? status, int? page, int? pageSize,
                CancellationToken ct) =>
            ListResponse<ExpenseEntry>.From(await s.ListAsync(new ExpenseFilter(projectId, resourceId, status), PageRequest.Of(page, pageSize), ct)));
        api.MapGet("/expense-entries/{id:guid}", (ExpenseService s, Guid id, CancellationToken ct) => s.GetAsync(id, ct));
        time.MapPost("/expense-entries/{id:guid}/submit", (ExpenseService s, Guid id, CancellationToken ct) => s.SubmitAsync(id, ct));
        projects.MapPost("/expense-entries/{id:guid}/approve", (ExpenseService s, Guid id, CancellationToken ct) => s.ApproveAsync(id, ct));
        projects.MapPost("/expense-entries/{id:guid}/reject", (ExpenseService s, Guid id, CancellationToken ct) => s.RejectAsync(id, ct));
        time.MapPost("/expense-entries/{id:guid}/cancel", (ExpenseService s, Guid id, CancellationToken ct) => s.CancelAsync(id, ct));
        projects.MapPost("/expense-entries/approve", (ExpenseService s, BulkApprovalInput input, CancellationToken ct) => s.ApproveExpenses(input.Validate(), ct));

        api.MapGet("/actuals", async (ActualQueries q, Guid? projectId, Guid? contractId, Guid? customerId, TransactionType? type, Guid? resourceId,
                Guid? sourceEntryId, Guid? invoiceId, int? page, int? pageSize, CancellationToken ct) =>
            ListResponse<ActualView>.From(await q.ListAsync(new ActualFilter(projectId, contractId, customerId, type, resourceId, sourceEntryId, invoiceId),
                PageRequest.Of(page, pageSize), ct)));
        api.MapGet("/actuals/{id:guid}", (ActualQueries q, Guid id, CancellationToken ct) => q.GetAsync(id, ct));

        finance.MapPost("/invoices", async (InvoiceService s, InvoiceInput input, CancellationToken ct) =>
            Created("invoices", await s.CreateDraftAsync(input, ct), i => i.Id));
        api.MapGet("/invoices", async (InvoiceService s, Guid? contractId, Guid? customerId, InvoiceStatus? status, int? page, int? pageSize, CancellationToken ct) =>
            ListResponse<Invoice>.From(await s.ListAsync(new InvoiceFilter(contractId, customerId, status), PageRequest.Of(page, pageSize), ct)));
        api.MapGet("/invoices/{id:guid}", (InvoiceService s, Guid id, CancellationToken ct) => s.GetAsync(id, ct));
        finance.MapPost("/invoices/{id:guid}/confirm", (InvoiceService s, Guid id, CancellationToken ct) => s.ConfirmAsync(id, ct)).WithName("ConfirmInvoice")
            .WithSummary("Confirm a draft invoice: its unbilled sales become billed sales");
        finance.MapDelete("/invoices/{id:guid}", async (InvoiceService s, Guid id, CancellationToken ct) =>
        {
            await s.DeleteDraftAsync(id, ct);
            return TypedResults.NoContent();
        });
        return api;
    }

    private static Microsoft.AspNetCore.Http.HttpResults.Created<T> Created<T>(string path, T value, Func<T, Guid> id) =>
        TypedResults.Created($"/api/psa/{path}/{id(value)}", value);
}
