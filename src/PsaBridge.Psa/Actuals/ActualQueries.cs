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

/// <summary>An actual as it is read: the business-transaction fields with the names of what it refers to.</summary>
public sealed record ActualView(
    Guid Id,
    DateOnly DocumentDate,
    DateOnly? AccountingDate,
    TransactionType TransactionType,
    TransactionClass TransactionClass,
    Guid? CustomerId,
    string? Customer,
    Guid? ContractId,
    string? Contract,
    Guid? ContractLineId,
    Guid? ProjectId,
    string? Project,
    Guid? TaskId,
    Guid? ResourceId,
    string? Resource,
    Guid? RoleId,
    string? Role,
    Guid? TransactionCategoryId,
    string? TransactionCategory,
    BillingType? BillingType,
    decimal Quantity,
    string? Unit,
    decimal UnitPrice,
    decimal Amount,
    string Currency,
    BillingStatus? BillingStatus,
    AdjustmentStatus? AdjustmentStatus,
    Guid? InvoiceId,
    Guid? PriceListId,
    Guid? SourceEntryId,
    DateTime CreatedOn);

/// <summary>One actual with the records it came from and the transactions it is connected to.</summary>
public sealed record ActualDetail(ActualView Actual, IReadOnlyList<TransactionOrigin> Origins, IReadOnlyList<TransactionConnection> Connections);

/// <summary>Reads the Actuals ledger: the basis of the finance reports.</summary>
public sealed class ActualQueries(PsaDb db)
{
    public async Task<Page<ActualView>> ListAsync(ActualFilter filter, PageRequest page, CancellationToken ct = default)
    {
        var actuals = await Ordered(Filtered(filter)).ToPageAsync(page, ct);
        var views = await ViewsAsync(actuals.Items, ct);
        return new Page<ActualView>(views, actuals.Total, actuals.PageNumber, actuals.PageSize);
    }

    /// <summary>Every actual the filter keeps, in the list's order, read a chunk at a time (for exports of the whole list).</summary>
    public async IAsyncEnumerable<ActualView> StreamAsync(ActualFilter filter, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        var chunk = new List<Actual>(StreamChunk);
        await foreach (var actual in Ordered(Filtered(filter)).AsAsyncEnumerable().WithCancellation(ct))
        {
            chunk.Add(actual);
            if (chunk.Count < StreamChunk) continue;
            foreach (var view in await ViewsAsync(chunk, ct)) yield return view;
            chunk.Clear();
        }
        foreach (var view in await ViewsAsync(chunk, ct)) yield return view;
    }

    private const int StreamChunk = 1_000;

    /// <summary>
    /// The totals of the actuals the filter keeps, by transaction type and currency. Summed here, not in SQL: SQLite keeps
    /// decimals as text, and its sum would be a floating-point one.
    /// </summary>
    public async Task<IReadOnlyList<ActualTotal>> TotalsAsync(ActualFilter filter, CancellationToken ct = default)
    {
        var sums = new Dictionary<(TransactionType, string), (int Count, decimal Quantity, decimal Amount)>();
        await foreach (var a in Filtered(filter).Select(a => new { a.TransactionType, a.Currency, a.Quantity, a.Amount }).AsAsyncEnumerable().WithCancellation(ct))
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

    private static IOrderedQueryable<Actual> Ordered(IQueryable<Actual> query) =>
        query.OrderBy(a => a.DocumentDate).ThenBy(a => a.CreatedOn).ThenBy(a => a.TransactionType).ThenBy(a => a.BillingType).ThenBy(a => a.Id);

    public async Task<ActualDetail> GetAsync(Guid id, CancellationToken ct = default)
    {
        var actual = await db.Set<Actual>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct) ?? throw new NotFoundException("Actual", id.ToString());
        var origins = await db.Set<TransactionOrigin>().AsNoTracking().Where(o => o.TransactionId == id).OrderBy(o => o.OriginType).ThenBy(o => o.OriginId).ToListAsync(ct);
        var connections = await db.Set<TransactionConnection>().AsNoTracking().Where(c => c.Transaction1Id == id || c.Transaction2Id == id)
            .OrderBy(c => c.Id).ToListAsync(ct);
        return new ActualDetail((await ViewsAsync([actual], ct))[0], origins, connections);
    }

    /// <summary>Names are looked up per page, one query per kind of record, not per row.</summary>
    private async Task<List<ActualView>> ViewsAsync(IReadOnlyList<Actual> actuals, CancellationToken ct)
    {
        var customers = await NamesAsync<Account>(actuals.Select(a => a.CustomerId), a => a.Id, a => a.Name, ct);
        var contracts = await NamesAsync<ProjectContract>(actuals.Select(a => a.ContractId), c => c.Id, c => c.Name, ct);
        var projects = await NamesAsync<Project>(actuals.Select(a => a.ProjectId), p => p.Id, p => p.Name, ct);
        var resources = await NamesAsync<BookableResource>(actuals.Select(a => a.ResourceId), r => r.Id, r => r.Name, ct);
        var roles = await NamesAsync<Role>(actuals.Select(a => a.RoleId), r => r.Id, r => r.Name, ct);
        var categories = await NamesAsync<TransactionCategory>(actuals.Select(a => a.TransactionCategoryId), c => c.Id, c => c.Name, ct);
        static string? Name(Dictionary<Guid, string> names, Guid? id) => id is { } g && names.TryGetValue(g, out var n) ? n : null;
        return actuals.Select(a => new ActualView(a.Id, a.DocumentDate, a.AccountingDate, a.TransactionType, a.TransactionClass,
            a.CustomerId, Name(customers, a.CustomerId), a.ContractId, Name(contracts, a.ContractId), a.ContractLineId, a.ProjectId, Name(projects, a.ProjectId),
            a.TaskId, a.ResourceId, Name(resources, a.ResourceId), a.RoleId, Name(roles, a.RoleId), a.TransactionCategoryId, Name(categories, a.TransactionCategoryId),
            a.BillingType, a.Quantity, a.Unit, a.UnitPrice, a.Amount, a.Currency, a.BillingStatus, a.AdjustmentStatus, a.InvoiceId, a.PriceListId,
            a.SourceEntryId, a.CreatedOn)).ToList();
    }

    private async Task<Dictionary<Guid, string>> NamesAsync<T>(IEnumerable<Guid?> ids, System.Linq.Expressions.Expression<Func<T, Guid>> key,
        System.Linq.Expressions.Expression<Func<T, string>> name, CancellationToken ct) where T : class
    {
        var wanted = ids.Where(i => i is not null).Select(i => i!.Value).Distinct().ToList();
        if (wanted.Count == 0) return [];
        var keyOf = key.Compile();
        var nameOf = name.Compile();
        var rows = await db.Set<T>().AsNoTracking().Where(e => wanted.Contains(EF.Property<Guid>(e, "Id"))).ToListAsync(ct);
        return rows.ToDictionary(keyOf, nameOf);
    }
}
