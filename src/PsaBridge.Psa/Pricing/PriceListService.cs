using Microsoft.EntityFrameworkCore;
using PsaBridge.Infrastructure.Paging;
using PsaBridge.Infrastructure.Storage;
using PsaBridge.Infrastructure.Validation;
using PsaBridge.Psa.Accounts;
using PsaBridge.Psa.Actuals;
using PsaBridge.Psa.OrganizationalUnits;
using PsaBridge.Psa.Resources;

namespace PsaBridge.Psa.Pricing;

public sealed record TransactionCategoryInput(string? Name, BillingType? BillingType = null, string? DefaultUnit = null);

public sealed record RolePriceInput(Guid? RoleId, decimal? Price, Guid? OrganizationalUnitId = null, string? Unit = null);

public sealed record CategoryPriceInput(Guid? TransactionCategoryId, PriceCalculation? PriceCalculation, decimal? Price = null, decimal? Percent = null, string? Unit = null);

public sealed record PriceListInput(
    string? Name,
    PriceListContext? Context,
    string? Currency,
    DateOnly? BeginDate = null,
    DateOnly? EndDate = null,
    Guid? OrganizationalUnitId = null,
    Guid? CustomerId = null,
    List<RolePriceInput>? RolePrices = null,
    List<CategoryPriceInput>? CategoryPrices = null);

public sealed record PriceListFilter(PriceListContext? Context = null, Guid? OrganizationalUnitId = null, Guid? CustomerId = null);

/// <summary>Transaction categories and price lists with their role and category prices.</summary>
public sealed class PriceListService(PsaDb db, TimeProvider clock)
{
    /// <summary>Role prices are per hour: time entries are kept in minutes and priced in hours.</summary>
    public const string HourUnit = "Hour";

    public async Task<TransactionCategory> CreateCategoryAsync(TransactionCategoryInput input, CancellationToken ct = default)
    {
        new Rules().Required("name", input.Name, TransactionCategory.NameLength).Defined("billingType", input.BillingType)
            .MaxLength("defaultUnit", input.DefaultUnit, BusinessTransaction.UnitLength).ThrowIfAny();
        var category = new TransactionCategory
        {
            Id = Ids.New(), Name = input.Name!.Trim(), BillingType = input.BillingType ?? BillingType.Chargeable,
            DefaultUnit = InputRules.Clean(input.DefaultUnit) ?? "Each", CreatedOn = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(category);
        await db.SaveChangesAsync(ct);
        return category;
    }

    public Task<Page<TransactionCategory>> ListCategoriesAsync(string? search, PageRequest page, CancellationToken ct = default)
    {
        var query = db.Set<TransactionCategory>().AsNoTracking();
        if (InputRules.Clean(search) is { } term) query = query.Where(c => c.Name.ToLower().Contains(term.ToLower()));
        return query.OrderBy(c => c.Name).ThenBy(c => c.Id).ToPageAsync(page, ct);
    }

    public async Task<PriceList> CreateAsync(PriceListInput input, CancellationToken ct = default)
    {
        var rules = new Rules().Required("name", input.Name, PriceList.NameLength).RequiredValue("context", input.Context)
            .Defined("context", input.Context).Currency("currency", input.Currency, required: true);
        if (input.Context == PriceListContext.Purchase) rules.Add("context", "Context 'Purchase' is not used in project accounting; use Cost or Sales.");
        if (input.BeginDate is { } begin && input.EndDate is { } end && end < begin)
            rules.Add("endDate", $"End date {end:yyyy-MM-dd} is before begin date {begin:yyyy-MM-dd}.");
        if (input.Context == PriceListContext.Cost)
        {
            rules.RequiredId("organizationalUnitId", input.OrganizationalUnitId);
            if (input.CustomerId is not null) rules.Add("customerId", "A cost price list belongs to an organizational unit, not to a customer.");
        }
        if (input.Context == PriceListContext.Sales && input.OrganizationalUnitId is not null)
            rules.Add("organizationalUnitId", "A sales price list belongs to contracts and customers, not to an organizational unit.");
        await rules.ExistAsync<OrganizationalUnit>(db, "organizationalUnitId", input.OrganizationalUnitId, "Organizational unit", ct);
        await rules.ExistAsync<Account>(db, "customerId", input.CustomerId, "Account", ct);
        var currency = InputRules.Clean(input.Currency)?.ToUpperInvariant();
        if (input.Context == PriceListContext.Cost && input.OrganizationalUnitId is { } unitId && currency is not null
            && await db.Set<OrganizationalUnit>().Where(u => u.Id == unitId).Select(u => u.Currency).SingleOrDefaultAsync(ct) is { } unitCurrency
            && unitCurrency != currency)
            rules.Add("currency", $"Currency '{input.Currency}' differs from '{unitCurrency}', the currency of the organizational unit; a cost price list is in its unit's currency.");

        var rolePrices = input.RolePrices ?? [];
        for (var i = 0; i < rolePrices.Count; i++)
        {
            var p = rolePrices[i];
            var f = $"rolePrices[{i}].";
            if (p is null) { rules.Add($"rolePrices[{i}]", $"'rolePrices[{i}]' is empty."); continue; }
            rules.RequiredId(f + "roleId", p.RoleId).RequiredValue(f + "price", p.Price).NotNegative(f + "price", p.Price);
            if (InputRules.Clean(p.Unit) is { } unit && unit != HourUnit)
                rules.Add(f + "unit", $"Unit '{p.Unit}' is not supported: role prices are per '{HourUnit}'.");
            if (rolePrices.Take(i).Any(o => o is not null && o.RoleId == p.RoleId && o.OrganizationalUnitId == p.OrganizationalUnitId))
                rules.Add(f + "roleId", $"Role '{p.RoleId}' is priced twice for the same organizational unit; one price per role and unit.");
        }
        await rules.ExistAsync<Role>(db, rolePrices.Select((p, i) => ($"rolePrices[{i}].roleId", p?.RoleId)), "Role", ct);
        await rules.ExistAsync<OrganizationalUnit>(db, rolePrices.Select((p, i) => ($"rolePrices[{i}].organizationalUnitId", p?.OrganizationalUnitId)), "Organizational unit", ct);

        var categoryPrices = input.CategoryPrices ?? [];
        for (var i = 0; i < categoryPrices.Count; i++)
        {
            var p = categoryPrices[i];
            var f = $"categoryPrices[{i}].";
            if (p is null) { rules.Add($"categoryPrices[{i}]", $"'categoryPrices[{i}]' is empty."); continue; }
            rules.RequiredId(f + "transactionCategoryId", p.TransactionCategoryId).RequiredValue(f + "priceCalculation", p.PriceCalculation)
                .Defined(f + "priceCalculation", p.PriceCalculation).NotNegative(f + "price", p.Price).Range(f + "percent", p.Percent, -100m, 10_000m)
                .MaxLength(f + "unit", p.Unit, BusinessTransaction.UnitLength);
            switch (p.PriceCalculation)
            {
                case PriceCalculation.PricePerUnit when p.Price is null:
                    rules.Add(f + "price", $"'{f}price' is required for price calculation PricePerUnit.");
                    break;
                case PriceCalculation.MarkupPercentage when p.Percent is null:
                    rules.Add(f + "percent", $"'{f}percent' is required for price calculation MarkupPercentage.");
                    break;
                case PriceCalculation.AtCost or PriceCalculation.MarkupPercentage when input.Context == PriceListContext.Cost:
                    rules.Add(f + "priceCalculation", $"Price calculation '{p.PriceCalculation}' applies to sales price lists only; a cost price list prices per unit.");
                    break;
            }
            if (categoryPrices.Take(i).Any(o => o is not null && o.TransactionCategoryId == p.TransactionCategoryId))
                rules.Add(f + "transactionCategoryId", $"Transaction category '{p.TransactionCategoryId}' is priced twice; one price per category.");
        }
        await rules.ExistAsync<TransactionCategory>(db, categoryPrices.Select((p, i) => ($"categoryPrices[{i}].transactionCategoryId", p?.TransactionCategoryId)), "Transaction category", ct);
        rules.ThrowIfAny();

        var list = new PriceList
        {
            Id = Ids.New(), Name = input.Name!.Trim(), Context = input.Context!.Value, Currency = currency!, BeginDate = input.BeginDate,
            EndDate = input.EndDate, OrganizationalUnitId = input.OrganizationalUnitId, CustomerId = input.CustomerId, CreatedOn = clock.GetUtcNow().UtcDateTime,
        };
        list.RolePrices.AddRange(rolePrices.Select(p => new RolePrice
        {
            Id = Ids.New(), PriceListId = list.Id, RoleId = p.RoleId!.Value, OrganizationalUnitId = p.OrganizationalUnitId, Unit = HourUnit, Price = p.Price!.Value,
        }));
        list.CategoryPrices.AddRange(categoryPrices.Select(p => new TransactionCategoryPrice
        {
            Id = Ids.New(), PriceListId = list.Id, TransactionCategoryId = p.TransactionCategoryId!.Value, PriceCalculation = p.PriceCalculation!.Value,
            Price = p.PriceCalculation == PriceCalculation.PricePerUnit ? p.Price : null,
            Percent = p.PriceCalculation == PriceCalculation.MarkupPercentage ? p.Percent : null, Unit = InputRules.Clean(p.Unit),
        }));
        db.Add(list);
        await db.SaveChangesAsync(ct);
        return list;
    }

    public async Task<PriceList> GetAsync(Guid id, CancellationToken ct = default) =>
        await db.Set<PriceList>().AsNoTracking().Include(p => p.RolePrices).Include(p => p.CategoryPrices).AsSplitQuery()
            .SingleOrDefaultAsync(p => p.Id == id, ct)
        ?? throw new NotFoundException("Price list", id.ToString());

    public Task<Page<PriceList>> ListAsync(PriceListFilter filter, PageRequest page, CancellationToken ct = default)
    {
        var query = db.Set<PriceList>().AsNoTracking().Include(p => p.RolePrices).Include(p => p.CategoryPrices).AsSplitQuery();
        if (filter.Context is { } context) query = query.Where(p => p.Context == context);
        if (filter.OrganizationalUnitId is { } unit) query = query.Where(p => p.OrganizationalUnitId == unit);
        if (filter.CustomerId is { } customer) query = query.Where(p => p.CustomerId == customer);
        return query.OrderBy(p => p.Name).ThenBy(p => p.Id).ToPageAsync(page, ct);
    }
}
