using Microsoft.EntityFrameworkCore;
using PsaBridge.Infrastructure.Paging;
using PsaBridge.Infrastructure.Validation;
using PsaBridge.Psa.Accounts;
using PsaBridge.Psa.Pricing;
using PsaBridge.Psa.Projects;
using PsaBridge.Psa.Resources;
using PsaBridge.Psa.Sales;

namespace PsaBridge.Psa.Actuals;

public sealed record ActualFilter(
    Guid? ProjectId = null,
    Guid? ContractId = null,
    Guid? CustomerId = null,
    TransactionType? Type = null,
    Guid? ResourceId = null,
    Guid? SourceEntryId = null,
    Guid? InvoiceId = null,
    TransactionClass? Class = null,
    BillingStatus? BillingStatus = null,
    DateOnly? From = null,
    DateOnly? To = null);

/// <summary>The sum of the actuals of one transaction type in one currency (reversals included, so they net out).</summary>
public sealed record ActualTotal(TransactionType TransactionType, string Currency, int Count, decimal Quantity, decimal Amount);

/// <summary>
/// An actual as it is read: the business-transaction fields with the names of what it refers to. Made in the query
/// (init-only properties), so lists sort and filter on any of them in the database.
/// </summary>
public sealed record ActualView
{
    public Guid Id { get; init; }
    public DateOnly DocumentDate { get; init; }
    public DateOnly? AccountingDate { get; init; }
    public TransactionType TransactionType { get; init; }
    public TransactionClass TransactionClass { get; init; }
    public Guid? CustomerId { get; init; }
    public string? Customer { get; init; }
    public Guid? ContractId { get; init; }
    public string? Contract { get; init; }
    public Guid? ContractLineId { get; init; }
    public Guid? ProjectId { get; init; }
    public string? Project { get; init; }
    public Guid? TaskId { get; init; }
    public Guid? ResourceId { get; init; }
    public string? Resource { get; init; }
    public Guid? RoleId { get; init; }
    public string? Role { get; init; }
    public Guid? TransactionCategoryId { get; init; }
    public string? TransactionCategory { get; init; }
    public BillingType? BillingType { get; init; }
    public decimal Quantity { get; init; }
    public string? Unit { get; init; }
    public decimal UnitPrice { get; init; }
    public decimal Amount { get; init; }
    public string Currency { get; init; } = "";
    public BillingStatus? BillingStatus { get; init; }
    public AdjustmentStatus? AdjustmentStatus { get; init; }
    public Guid? InvoiceId { get; init; }
    public Guid? PriceListId { get; init; }
    public Guid? SourceEntryId { get; init; }
    public DateTime CreatedOn { get; init; }
}

/// <summary>One actual with the records it came from and the transactions it is connected to.</summary>
public sealed record ActualDetail(ActualView Actual, IReadOnlyList<TransactionOrigin> Origins, IReadOnlyList<TransactionConnection> Connections);

/// <summary>Reads the Actuals ledger: the basis of the finance reports.</summary>
public sealed class ActualQueries(PsaDb db)
{
    public Task<Page<ActualView>> ListAsync(ActualFilter filter, PageRequest page, CancellationToken ct = default) =>
        Views(Filtered(filter).OrderBy(a => a.DocumentDate).ThenBy(a => a.CreatedOn).ThenBy(a => a.TransactionType).ThenBy(a => a.BillingType).ThenBy(a => a.Id))
            .ToPageAsync(page, ct);

    /// <summary>The actuals the filter keeps, with their names, unordered: for a list that sorts and filters them further.</summary>
    public IQueryable<ActualView> Rows(ActualFilter filter) => Views(Filtered(filter));

    public async Task<ActualDetail> GetAsync(Guid id, CancellationToken ct = default)
    {
        var actual = await Views(db.Set<Actual>().AsNoTracking().Where(a => a.Id == id)).SingleOrDefaultAsync(ct)
                     ?? throw new NotFoundException("Actual", id.ToString());
        var origins = await db.Set<TransactionOrigin>().AsNoTracking().Where(o => o.TransactionId == id).OrderBy(o => o.OriginType).ThenBy(o => o.OriginId).ToListAsync(ct);
        var connections = await db.Set<TransactionConnection>().AsNoTracking().Where(c => c.Transaction1Id == id || c.Transaction2Id == id)
            .OrderBy(c => c.Id).ToListAsync(ct);
        return new ActualDetail(actual, origins, connections);
    }

    /// <summary>The totals of the actuals the filter keeps, by transaction type and currency.</summary>
    public Task<IReadOnlyList<ActualTotal>> TotalsAsync(ActualFilter filter, CancellationToken ct = default) => TotalsAsync(Rows(filter), ct);

    /// <summary>
    /// The totals of <paramref name="rows"/> (a list's filtered actuals), by transaction type and currency. Summed here, not
    /// in SQL: SQLite keeps decimals as text, and its sum would be a floating-point one.
    /// </summary>
    public static async Task<IReadOnlyList<ActualTotal>> TotalsAsync(IQueryable<ActualView> rows, CancellationToken ct = default)
    {
        var sums = new Dictionary<(TransactionType, string), (int Count, decimal Quantity, decimal Amount)>();
        await foreach (var a in rows.Select(a => new { a.TransactionType, a.Currency, a.Quantity, a.Amount }).AsAsyncEnumerable().WithCancellation(ct))
        {
            var sum = sums.GetValueOrDefault((a.TransactionType, a.Currency));
            sums[(a.TransactionType, a.Currency)] = (sum.Count + 1, sum.Quantity + a.Quantity, sum.Amount + a.Amount);
        }
        return sums.OrderBy(s => s.Key.Item1).ThenBy(s => s.Key.Item2, StringComparer.Ordinal)
            .Select(s => new ActualTotal(s.Key.Item1, s.Key.Item2, s.Value.Count, s.Value.Quantity, s.Value.Amount)).ToList();
    }

    private IQueryable<Actual> Filtered(ActualFilter filter)
    {
        var query = db.Set<Actual>().AsNoTracking();
        if (filter.ProjectId is { } project) query = query.Where(a => a.ProjectId == project);
        if (filter.ContractId is { } contract) query = query.Where(a => a.ContractId == contract);
        if (filter.CustomerId is { } customer) query = query.Where(a => a.CustomerId == customer);
        if (filter.Type is { } type) query = query.Where(a => a.TransactionType == type);
        if (filter.ResourceId is { } resource) query = query.Where(a => a.ResourceId == resource);
        if (filter.SourceEntryId is { } entry) query = query.Where(a => a.SourceEntryId == entry);
        if (filter.InvoiceId is { } invoice) query = query.Where(a => a.InvoiceId == invoice);
        if (filter.Class is { } transactionClass) query = query.Where(a => a.TransactionClass == transactionClass);
        if (filter.BillingStatus is { } status) query = query.Where(a => a.BillingStatus == status);
        if (filter.From is { } from) query = query.Where(a => a.DocumentDate >= from);
        if (filter.To is { } to) query = query.Where(a => a.DocumentDate <= to);
        return query;
    }

    /// <summary>The actuals with the names of their customer, contract, project, resource, role and category, joined in the query.</summary>
    private IQueryable<ActualView> Views(IQueryable<Actual> actuals) =>
        from a in actuals
        from customer in db.Set<Account>().Where(x => x.Id == a.CustomerId).DefaultIfEmpty()
        from contract in db.Set<ProjectContract>().Where(x => x.Id == a.ContractId).DefaultIfEmpty()
        from project in db.Set<Project>().Where(x => x.Id == a.ProjectId).DefaultIfEmpty()
        from resource in db.Set<BookableResource>().Where(x => x.Id == a.ResourceId).DefaultIfEmpty()
        from role in db.Set<Role>().Where(x => x.Id == a.RoleId).DefaultIfEmpty()
        from category in db.Set<TransactionCategory>().Where(x => x.Id == a.TransactionCategoryId).DefaultIfEmpty()
        select new ActualView
        {
            Id = a.Id, DocumentDate = a.DocumentDate, AccountingDate = a.AccountingDate, TransactionType = a.TransactionType, TransactionClass = a.TransactionClass,
            CustomerId = a.CustomerId, Customer = customer == null ? null : customer.Name, ContractId = a.ContractId, Contract = contract == null ? null : contract.Name,
            ContractLineId = a.ContractLineId, ProjectId = a.ProjectId, Project = project == null ? null : project.Name, TaskId = a.TaskId,
            ResourceId = a.ResourceId, Resource = resource == null ? null : resource.Name, RoleId = a.RoleId, Role = role == null ? null : role.Name,
            TransactionCategoryId = a.TransactionCategoryId, TransactionCategory = category == null ? null : category.Name, BillingType = a.BillingType,
            Quantity = a.Quantity, Unit = a.Unit, UnitPrice = a.UnitPrice, Amount = a.Amount, Currency = a.Currency, BillingStatus = a.BillingStatus,
            AdjustmentStatus = a.AdjustmentStatus, InvoiceId = a.InvoiceId, PriceListId = a.PriceListId, SourceEntryId = a.SourceEntryId, CreatedOn = a.CreatedOn,
        };
}
