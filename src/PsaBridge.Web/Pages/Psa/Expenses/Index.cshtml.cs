using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using PsaBridge.Infrastructure.Validation;
using PsaBridge.Psa.Expenses;
using PsaBridge.Web.Pages.Shared;
using PsaBridge.Web.Pages.Shared.Grid;

namespace PsaBridge.Web.Pages.Psa.Expenses;

/// <summary>A new expense as the form posts it; the labels are the words field errors use.</summary>
public sealed class ExpenseForm
{
    [Display(Name = "Date")] public DateOnly? TransactionDate { get; set; }
    [Display(Name = "Project")] public Guid? ProjectId { get; set; }
    [Display(Name = "Category")] public Guid? TransactionCategoryId { get; set; }
    [Display(Name = "Quantity")] public decimal? Quantity { get; set; }
    [Display(Name = "Price")] public decimal? Price { get; set; }
    [Display(Name = "Currency")] public string? Currency { get; set; }
    [Display(Name = "Description")] public string? Description { get; set; }
}

/// <summary>A resource's expenses: entered with category, amount and currency, submitted, recalled, with their statuses.</summary>
[Authorize(Policy = Policies.EnterTime)]
public sealed class IndexModel(ExpenseService expenses, ExpenseQueries queries, Choices choices, WorkScope scope, TimeProvider clock) : AppPage
{
    public static readonly ListGrid<ExpenseRow> Grid = new ListGrid<ExpenseRow>("expenses", "expenses")
        .KeyedBy(e => e.Id)
        .Column("date", "Date", e => e.TransactionDate, GridFilterKind.DateRange)
        .Column("project", "Project", e => e.Project, GridFilterKind.Text)
        .Column("category", "Category", e => e.Category, GridFilterKind.Text)
        .Column("quantity", "Quantity", e => e.Quantity, sortable: false)
        .Column("unit", "Unit", e => e.Unit, sortable: false)
        .Column("price", "Price", e => e.Price, sortable: false)
        .Column("amount", "Amount", e => e.Amount, sortable: false)
        .Column("currency", "Currency", e => e.Currency)
        .Column("status", "Status", e => e.Status, GridFilterKind.Choice)
        .Column("comment", "Approver's comment", e => e.ApprovalComment, sortable: false)
        .Column("description", "Description", e => e.Description, GridFilterKind.Text)
        .SortedBy("date", descending: true);

    public static readonly GridAction[] Actions = [new("Submit", "Submit"), new("Recall", "Recall")];

    [FromQuery(Name = "resource")] public Guid? ResourceId { get; set; }
    [BindProperty(SupportsGet = true)] public GridQuery Query { get; set; } = new();
    [BindProperty] public ExpenseForm Input { get; set; } = new();

    public GridPage<ExpenseRow> Expenses { get; private set; } = GridPage<ExpenseRow>.Empty;
    public List<Choice> Resources { get; private set; } = [];
    public List<Choice> Projects { get; private set; } = [];
    public List<Choice> Categories { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Input.TransactionDate = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        Input.Quantity = 1;
    }

    public IActionResult OnGetExport() => Grid.Export(Rows(), Query);

    public IActionResult OnPostExport() => OnGetExport();

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        var resource = ResourceId ?? throw new NotFoundException("Resource", "(none chosen)");
        await scope.EnsureMayEnterForAsync(resource, ct);
        try
        {
            var expense = await expenses.CreateAsync(new ExpenseInput(Input.TransactionDate, Input.TransactionCategoryId, Input.ProjectId, Input.Quantity, Input.Price,
                Input.Currency, ResourceId: resource, Description: Input.Description), ct);
            Created(expense.Id);
            Notify($"Expense of {Ui.Amount(expense.Amount)} {expense.Currency} on {expense.TransactionDate:d MMMM yyyy} saved as a draft; submit it for approval.");
            return Redirect(PsaLinks.Expenses(resource));
        }
        catch (ValidationFailedException e)
        {
            ModelState.AddFieldErrors(e.Errors, nameof(Input), typeof(ExpenseForm));
            await LoadAsync(ct);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
    }

    public Task<IActionResult> OnPostSubmitAsync(CancellationToken ct) => EachSelectedAsync(Query.Selected, "expenses", "submitted", async id =>
    {
        await scope.EnsureMayEnterExpenseAsync(id, ct);
        await expenses.SubmitAsync(id, ct);
    });

    public Task<IActionResult> OnPostRecallAsync(CancellationToken ct) => EachSelectedAsync(Query.Selected, "expenses", "recalled", async id =>
    {
        await scope.EnsureMayEnterExpenseAsync(id, ct);
        await expenses.RecallAsync(id, ct);
    });

    private IQueryable<ExpenseRow> Rows() => ResourceId is { } r ? queries.Rows().Where(e => e.ResourceId == r) : queries.Rows().Where(e => false);

    /// <summary>Why the person sees no expenses to enter, when their user is linked to no resource.</summary>
    public string? Refusal { get; private set; }

    private async Task LoadAsync(CancellationToken ct)
    {
        Resources = await choices.ResourcesAsync(ct);
        // Anyone but an Administrator sees and enters only their own resource's expenses.
        if (await scope.PersonAsync(ct) is { Administrator: false } person)
        {
            ResourceId = person.ResourceId;
            Resources = [.. Resources.Where(r => r.Id == person.ResourceId)];
            Refusal = person.ResourceId is null ? OwnWorkRules.NoResource : null;
        }
        Projects = await choices.ProjectsAsync(ct);
        Categories = await choices.CategoriesAsync(ct);
        Expenses = Checked(await Grid.PageAsync(Rows(), Query, ct));
    }
}
