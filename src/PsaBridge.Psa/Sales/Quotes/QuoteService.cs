using Microsoft.EntityFrameworkCore;
using PsaBridge.Infrastructure.Paging;
using PsaBridge.Infrastructure.Storage;
using PsaBridge.Infrastructure.Validation;
using PsaBridge.Psa.Accounts;
using PsaBridge.Psa.OrganizationalUnits;
using PsaBridge.Psa.Pricing;
using PsaBridge.Psa.Resources;
using PsaBridge.Psa.Sales.Estimates;
using PsaBridge.Psa.Sales.Opportunities;
using PsaBridge.Psa.Sales.Parameters;

namespace PsaBridge.Psa.Sales.Quotes;

/// <summary>
/// Project quotes: made on their own or from an opportunity, their header, activation, price lists (defaulted
/// quote ← opportunity ← customer ← PSA parameters) and custom pricing. Lines, details and closing have services of their own.
/// </summary>
public sealed class QuoteService(QuoteStore store, TimeProvider clock)
{
    private PsaDb Db => store.Db;

    public async Task<Quote> CreateAsync(QuoteInput input, CancellationToken ct = default)
    {
        var rules = new Rules().Required("name", input.Name, Quote.NameLength).Defined("orderType", input.OrderType).Currency("currency", input.Currency, required: false);
        Opportunity? opportunity = null;
        if (input.OpportunityId is { } oid)
        {
            opportunity = await Db.Set<Opportunity>().AsNoTracking().Include(o => o.Lines).Include(o => o.PriceLists).SingleOrDefaultAsync(o => o.Id == oid, ct);
            if (opportunity is null) rules.Add("opportunityId", $"Opportunity '{oid}' does not exist.");
            else if (opportunity.StateCode != OpportunityState.Open) rules.Add("opportunityId", $"Opportunity '{opportunity.Name}' is {opportunity.StateCode}; quotes are made for open opportunities.");
        }
        var customerId = input.CustomerId ?? opportunity?.CustomerId;
        var unitId = input.ContractingUnitId ?? opportunity?.ContractingUnitId;
        rules.RequiredId("customerId", customerId).RequiredId("contractingUnitId", unitId);
        var customer = customerId is { } c ? await Db.Set<Account>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == c, ct) : null;
        if (customerId is { } missing && missing != Guid.Empty && customer is null) rules.Add("customerId", $"Account '{missing}' does not exist.");
        var unit = unitId is { } u ? await Db.Set<OrganizationalUnit>().AsNoTracking().SingleOrDefaultAsync(x => x.Id == u, ct) : null;
        if (unitId is { } missingUnit && missingUnit != Guid.Empty && unit is null) rules.Add("contractingUnitId", $"Organizational unit '{missingUnit}' does not exist.");
        var manager = input.AccountManagerId ?? opportunity?.AccountManagerId;
        await rules.ExistAsync<BookableResource>(Db, "accountManagerId", manager, "Resource", ct);
        var currency = InputRules.Clean(input.Currency)?.ToUpperInvariant() ?? opportunity?.Currency ?? customer?.Currency ?? unit?.Currency;

        var given = input.PriceListIds ?? [];
        var lists = await SalesPriceLists.CheckAsync(rules, Db, "priceListIds", given, currency, ct);
        if (given.Count == 0 && customer is not null)
        {
            var defaults = SalesPriceLists.Default(opportunity?.PriceLists.Select(p => p.PriceListId).ToList() ?? [],
                await SalesPriceLists.CustomerOrParametersAsync(Db, customer.Id, ct));
            lists = await SalesPriceLists.CheckAsync(rules, Db, "priceListIds", defaults, currency, ct);
        }

        var fromOpportunity = input.Lines is null && opportunity is not null;
        var lines = input.Lines ?? opportunity?.Lines.Select(l => new SalesLineInput(l.Name, l.BillingMethod, l.ProjectId, l.BudgetAmount,
            Amount: l.BillingMethod == BillingMethod.FixedPrice ? l.BudgetAmount : null, BillingStartDate: l.StartDate, RequestedDeliveryDate: l.EndDate)).ToList() ?? [];
        var frequency = await DefaultFrequencyAsync(ct);
        var lineRules = await SalesLineRules.ReadAsync(Db, lines, frequency, ct);
        var others = new List<ExistingLine>();
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i] is not { } line) { rules.Add($"lines[{i}]", $"'lines[{i}]' is empty."); continue; }
            if (customer is not null && currency is not null) lineRules.Check(rules, $"lines[{i}].", line, customer.Id, currency, others, requireAmount: !fromOpportunity);
            others.Add(SalesLineRules.Existing(line));
        }
        rules.ThrowIfAny();

        var now = clock.GetUtcNow().UtcDateTime;
        var quote = new Quote
        {
            Id = Ids.New(), Name = input.Name!.Trim(), OpportunityId = opportunity?.Id, CustomerId = customer!.Id, ContractingUnitId = unit!.Id,
            OrderType = input.OrderType ?? opportunity?.OrderType ?? OrderType.WorkBased, AccountManagerId = manager, Currency = currency!,
            RequestedDeliveryDate = input.RequestedDeliveryDate, CreatedOn = now, ModifiedOn = now,
        };
        quote.PriceLists.AddRange(lists.Select(l => new QuotePriceList { QuoteId = quote.Id, PriceListId = l.Id }));
        foreach (var line in lines) quote.Lines.Add(QuoteLines.New(quote, line, lineRules, frequency));

        await using var tx = await Db.Database.BeginTransactionAsync(ct);
        Db.Add(quote);
        await store.SaveAsync(ct);
        for (var i = 0; i < lines.Count; i++)
            Db.AddRange(await store.Estimates.PriceAsync<QuoteLineDetail>(quote, quote.Lines[i], lines[i].Details ?? [], j => $"lines[{i}].details[{j}].", ct));
        await store.SaveWithRollupsAsync(quote, ct);
        await tx.CommitAsync(ct);
        return quote;
    }

    public async Task<Quote> UpdateAsync(Guid id, QuoteHeaderInput input, CancellationToken ct = default)
    {
        var rules = new Rules().Required("name", input.Name, Quote.NameLength);
        await rules.ExistAsync<BookableResource>(Db, "accountManagerId", input.AccountManagerId, "Resource", ct);
        rules.ThrowIfAny();
        var quote = await store.ForChangeAsync(id, ct);
        quote.Name = input.Name!.Trim();
        quote.AccountManagerId = input.AccountManagerId;
        quote.RequestedDeliveryDate = input.RequestedDeliveryDate;
        quote.ModifiedOn = clock.GetUtcNow().UtcDateTime;
        await store.SaveAsync(ct);
        return quote;
    }

    /// <summary>Draft → Active. An active quote can still change until it is won or lost.</summary>
    public async Task<Quote> ActivateAsync(Guid id, CancellationToken ct = default)
    {
        var quote = await store.ForChangeAsync(id, ct);
        if (quote.StateCode != QuoteState.Draft) throw new ConflictException($"Quote '{quote.Name}' is {quote.StateCode}; only a draft quote is activated.");
        quote.StateCode = QuoteState.Active;
        quote.StatusCode = QuoteStatus.InProgressActive;
        quote.ModifiedOn = clock.GetUtcNow().UtcDateTime;
        await store.SaveAsync(ct);
        return quote;
    }

    /// <summary>Replaces the quote's price lists; its estimates are priced again and its rollups recomputed, in one transaction.</summary>
    public async Task<Quote> SetPriceListsAsync(Guid id, PriceListsInput input, CancellationToken ct = default)
    {
        var quote = await store.ForChangeAsync(id, ct);
        var rules = new Rules();
        var lists = await SalesPriceLists.CheckAsync(rules, Db, "priceListIds", input.PriceListIds ?? [], quote.Currency, ct);
        rules.ThrowIfAny();
        quote.PriceLists.Clear();
        quote.PriceLists.AddRange(lists.Select(l => new QuotePriceList { QuoteId = quote.Id, PriceListId = l.Id }));
        return await RepriceAsync(quote, ct);
    }

    /// <summary>
    /// Custom pricing: every price list of the quote and its lines is copied (named after the quote and the time, as
    /// Project Service names them) and the copies take the originals' places, so edits to them price this quote only.
    /// </summary>
    public async Task<Quote> CreateCustomPricingAsync(Guid id, CancellationToken ct = default)
    {
        var quote = await store.ForChangeAsync(id, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var ids = quote.PriceLists.Select(p => p.PriceListId).Concat(quote.Lines.SelectMany(l => l.PriceLists).Select(p => p.PriceListId)).Distinct().ToList();
        if (ids.Count == 0) throw new ConflictException($"Quote '{quote.Name}' has no price lists to copy; give it price lists first.");
        var originals = await ProjectSalesQuery.PriceLists(Db).Where(p => ids.Contains(p.Id)).ToListAsync(ct);
        var copies = originals.ToDictionary(o => o.Id, o => SalesPriceLists.Copy(o, $"{quote.Name} {now:yyyy-MM-dd HH:mm:ss}", now));
        await using var tx = await Db.Database.BeginTransactionAsync(ct);
        Db.AddRange(copies.Values);
        var headers = quote.PriceLists.Select(p => p.PriceListId).ToList();
        quote.PriceLists.Clear();
        quote.PriceLists.AddRange(headers.Select(h => new QuotePriceList { QuoteId = quote.Id, PriceListId = copies[h].Id }));
        foreach (var line in quote.Lines)
            SalesLineParts.PriceLists(line.PriceLists, line.PriceLists.Select(p => copies[p.PriceListId].Id).ToList(),
                listId => new QuoteLinePriceList { QuoteLineId = line.Id, PriceListId = listId });
        await RepriceInAsync(quote, ct);
        await tx.CommitAsync(ct);
        return quote;
    }

    public async Task<Quote> GetAsync(Guid id, CancellationToken ct = default) =>
        await store.Quotes(tracked: false).SingleOrDefaultAsync(q => q.Id == id, ct) ?? throw new NotFoundException("Quote", id.ToString());

    /// <summary>Every quote, unfiltered and untracked, for the list grid.</summary>
    public IQueryable<Quote> Query() => Db.Set<Quote>().AsNoTracking();

    public Task<Page<Quote>> ListAsync(QuoteFilter filter, PageRequest page, CancellationToken ct = default)
    {
        var query = Query();
        if (filter.CustomerId is { } customer) query = query.Where(q => q.CustomerId == customer);
        if (filter.OpportunityId is { } opportunity) query = query.Where(q => q.OpportunityId == opportunity);
        if (filter.State is { } state) query = query.Where(q => q.StateCode == state);
        if (InputRules.Clean(filter.Search) is { } term) query = query.Where(q => q.Name.ToLower().Contains(term.ToLower()));
        var ordered = SalesSorting.Apply(query, filter.Sort, q => q.Id, ("name", q => q.Name), ("created", q => q.CreatedOn), ("state", q => q.StateCode));
        return ordered.ToPageAsync(page, ct);
    }

    private async Task<Quote> RepriceAsync(Quote quote, CancellationToken ct)
    {
        await using var tx = await Db.Database.BeginTransactionAsync(ct);
        await RepriceInAsync(quote, ct);
        await tx.CommitAsync(ct);
        return quote;
    }

    private async Task RepriceInAsync(Quote quote, CancellationToken ct)
    {
        await store.SaveAsync(ct);
        await store.Estimates.RepriceAsync<QuoteLineDetail>(quote, quote.Lines, ct);
        await store.SaveWithRollupsAsync(quote, ct);
    }

    private Task<Guid?> DefaultFrequencyAsync(CancellationToken ct) =>
        Db.Set<ProjectParameter>().Select(p => p.InvoiceFrequencyId).FirstOrDefaultAsync(ct);
}
