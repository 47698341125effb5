using Microsoft.EntityFrameworkCore;
using PsaBridge.Infrastructure.Paging;
using PsaBridge.Infrastructure.Validation;

namespace PsaBridge.Finance.Customers;

public sealed record CustomerFilter(string? Search = null, Guid? PsaAccountId = null, string? CustomerGroup = null);

public sealed class CustomerQueries(FinanceDb db)
{
    /// <summary>Customers ordered by account; search matches the start of the account, or the name, phone or email anywhere.</summary>
    public Task<Page<Customer>> ListAsync(CustomerFilter filter, PageRequest page, CancellationToken ct = default) =>
        Query(filter).OrderBy(c => c.CustomerAccount).ToPageAsync(page, ct);

    /// <summary>The customers the filter keeps, unordered, for a list that sorts, pages and exports them itself.</summary>
    public IQueryable<Customer> Query(CustomerFilter filter)
    {
        var query = db.Customers.AsNoTracking();
        if (filter.PsaAccountId is { } id) query = query.Where(c => c.PsaAccountId == id);
        if (!string.IsNullOrWhiteSpace(filter.CustomerGroup)) query = query.Where(c => c.CustomerGroupId == filter.CustomerGroup);
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var term = filter.Search.Trim().ToLower();
            query = query.Where(c => c.CustomerAccount.ToLower().StartsWith(term) || c.Name.ToLower().Contains(term)
                                     || (c.Email != null && c.Email.ToLower().Contains(term)) || (c.Phone != null && c.Phone.Contains(term)));
        }
        return query;
    }

    public async Task<Customer> GetAsync(string customerAccount, CancellationToken ct = default) =>
        await db.Customers.AsNoTracking().SingleOrDefaultAsync(c => c.CustomerAccount == customerAccount, ct)
        ?? throw new NotFoundException("Customer", customerAccount);
}
