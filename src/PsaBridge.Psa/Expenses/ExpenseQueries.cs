using PsaBridge.Psa.Pricing;
using PsaBridge.Psa.Projects;
using PsaBridge.Psa.Resources;

namespace PsaBridge.Psa.Expenses;

/// <summary>An expense as lists show it, with the names of its project, category and resource, made in the query.</summary>
public sealed record ExpenseRow
{
    public Guid Id { get; init; }
    public DateOnly TransactionDate { get; init; }
    public Guid ProjectId { get; init; }
    public string Project { get; init; } = "";
    public Guid TransactionCategoryId { get; init; }
    public string Category { get; init; } = "";
    public Guid? ResourceId { get; init; }
    public string? Resource { get; init; }
    public decimal Quantity { get; init; }
    public string? Unit { get; init; }
    public decimal Price { get; init; }
    public decimal Amount { get; init; }
    public string Currency { get; init; } = "";
    public ExpenseStatus Status { get; init; }
    public string? Description { get; init; }
    public string? ApprovalComment { get; init; }
    public DateTime ModifiedOn { get; init; }
}

/// <summary>Reads expenses for lists: one query, names joined, sorted and filtered further by the caller.</summary>
public sealed class ExpenseQueries(PsaDb db)
{
    public IQueryable<ExpenseRow> Rows() =>
        from e in db.Set<ExpenseEntry>()
        join p in db.Set<Project>() on e.ProjectId equals p.Id
        join c in db.Set<TransactionCategory>() on e.TransactionCategoryId equals c.Id
        from r in db.Set<BookableResource>().Where(r => r.Id == e.ResourceId).DefaultIfEmpty()
        select new ExpenseRow
        {
            Id = e.Id, TransactionDate = e.TransactionDate, ProjectId = e.ProjectId, Project = p.Name, TransactionCategoryId = e.TransactionCategoryId,
            Category = c.Name, ResourceId = e.ResourceId, Resource = r == null ? null : r.Name, Quantity = e.Quantity, Unit = e.Unit ?? c.DefaultUnit,
            Price = e.Price, Amount = e.Amount, Currency = e.Currency, Status = e.ExpenseStatus, Description = e.Description,
            ApprovalComment = e.ApprovalComment, ModifiedOn = e.ModifiedOn,
        };
}
