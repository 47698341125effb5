using Microsoft.EntityFrameworkCore;
using PsaBridge.Infrastructure.Paging;
using PsaBridge.Infrastructure.Storage;
using PsaBridge.Infrastructure.Validation;
using PsaBridge.Psa.Accounts;
using PsaBridge.Psa.OrganizationalUnits;
using PsaBridge.Psa.Projects;
using PsaBridge.Psa.Resources;
using PsaBridge.Psa.Sales.Estimates;
using PsaBridge.Psa.Sales.Quotes;

namespace PsaBridge.Psa.Sales.Opportunities;

public sealed record OpportunityLineInput(string? Name, BillingMethod? BillingMethod, Guid? ProjectId = null, decimal? BudgetAmount = null,
    DateOnly? StartDate = null, DateOnly? EndDate = null);

public sealed record OpportunityInput(
    string? Name,
    Guid? CustomerId,
    OrderType? OrderType = null,
    Guid? ContractingUnitId = null,
    Guid? AccountManagerId = null,
    string? Currency = null,
    decimal? EstimatedValue = null,
    DateOnly? EstimatedCloseDate = null,
    int? CloseProbability = null,
    List<Guid>? PriceListIds = null,
    List<OpportunityLineInput>? Lines = null);

/// <summary>Filters of the opportunity list; sort by <c>name</c>, <c>closeDate</c> or <c>created</c> (<c>-</c> for descending).</summary>
public sealed record OpportunityFilter(Guid? CustomerId = null, OpportunityState? State = null, string? Search = null, string? Sort = null);

/// <summary>Closing an opportunity: won or lost (with Canceled or Out-Sold), the reason and the close date.</summary>
public sealed record CloseOpportunityInput(OpportunityStatus? Status, string? Reason = null, DateOnly? CloseDate = null);

/// <summary>
/// Opportunities and their lines. An opportunity is changed while open; it is closed as won or lost once none of its
/// quotes is still open (a won quote closes its siblings as lost, so the opportunity can then be closed as won).
/// </summary>
public sealed class OpportunityService(PsaDb db, TimeProvider clock)
{
    public async Task<Opportunity> CreateAsync(OpportunityInput input, CancellationToken ct = default)
    {
        var (currency, lists) = await CheckAsync(input, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var opportunity = new Opportunity { Id = Ids.New(), Name = "", CustomerId = input.CustomerId!.Value, Currency = currency, CreatedOn = now };
        Apply(opportunity, input, lists, now);
        db.Add(opportunity);
        await db.SaveChangesAsync(ct);
        return opportunity;
    }

    /// <summary>Replaces an open opportunity's fields, price lists and lines with those given.</summary>
    public async Task<Opportunity> UpdateAsync(Guid id, OpportunityInput input, CancellationToken ct = default)
    {
        var opportunity = await Opportunities(tracked: true).SingleOrDefaultAsync(o => o.Id == id, ct) ?? throw new NotFoundException("Opportunity", id.ToString());
        EnsureOpen(opportunity);
        var (currency, lists) = await CheckAsync(input, ct);
        opportunity.CustomerId = input.CustomerId!.Value;
        opportunity.Currency = currency;
        Apply(opportunity, input, lists, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return opportunity;
    }

    public async Task<Opportunity> CloseAsync(Guid id, CloseOpportunityInput input, CancellationToken ct = default)
    {
        var rules = new Rules().RequiredValue("status", input.Status).Defined("status", input.Status).MaxLength("reason", input.Reason, Opportunity.ReasonLength);
        if (input.Status is OpportunityStatus.InProgress or OpportunityStatus.OnHold)
            rules.Add("status", $"Status '{input.Status}' keeps the opportunity open; close it as Won, Canceled or OutSold.");
        rules.ThrowIfAny();
        var opportunity = await db.Set<Opportunity>().SingleOrDefaultAsync(o => o.Id == id, ct) ?? throw new NotFoundException("Opportunity", id.ToString());
        EnsureOpen(opportunity);
        var open = await db.Set<Quote>().Where(q => q.OpportunityId == id && (q.StateCode == QuoteState.Draft || q.StateCode == QuoteState.Active))
            .Select(q => q.Name).ToListAsync(ct);
        if (open.Count > 0)
            throw new ConflictException($"Opportunity '{opportunity.Name}' still has open quotes ({string.Join(", ", open.Select(n => $"'{n}'"))}); close them as won or lost first.");
        var now = clock.GetUtcNow().UtcDateTime;
        opportunity.StateCode = input.Status == OpportunityStatus.Won ? OpportunityState.Won : OpportunityState.Lost;
        opportunity.StatusCode = input.Status!.Value;
        opportunity.CloseReason = InputRules.Clean(input.Reason);
        opportunity.ActualCloseDate = input.CloseDate ?? DateOnly.FromDateTime(now);
        opportunity.ModifiedOn = now;
        await db.SaveChangesAsync(ct);
        return opportunity;
    }

    public async Task<Opportunity> GetAsync(Guid id, CancellationToken ct = default) =>
        await Opportunities(tracked: false).SingleOrDefaultAsync(o => o.Id == id, ct) ?? throw new NotFoundException("Opportunity", id.ToString());

    /// <summary>Every opportunity, unfiltered and untracked, for the list grid.</summary>
    public IQueryable<Opportunity> Query() => db.Set<Opportunity>().AsNoTracking();

    public Task<Page<Opportunity>> ListAsync(OpportunityFilter filter, PageRequest page, CancellationToken ct = default)
    {
        var query = Opportunities(tracked: false);
        if (filter.CustomerId is { } customer) query = query.Where(o => o.CustomerId == customer);
        if (filter.State is { } state) query = query.Where(o => o.StateCode == state);
        if (InputRules.Clean(filter.Search) is { } term) query = query.Where(o => o.Name.ToLower().Contains(term.ToLower()));
        return SalesSorting.Apply(query, filter.Sort, o => o.Id, ("name", o => o.Name), ("closeDate", o => o.EstimatedCloseDate!), ("created", o => o.CreatedOn))
            .ToPageAsync(page, ct);
    }

    private IQueryable<Opportunity> Opportunities(bool tracked)
    {
        var query = db.Set<Opportunity>().Include(o => o.Lines).Include(o => o.PriceLists).AsSplitQuery();
        return tracked ? query : query.AsNoTracking();
    }

    private static void EnsureOpen(Opportunity opportunity)
    {
        if (opportunity.StateCode != OpportunityState.Open)
            throw new ConflictException($"Opportunity '{opportunity.Name}' is {opportunity.StateCode} and read-only.");
    }

    private async Task<(string Currency, IReadOnlyList<Guid> Lists)> CheckAsync(OpportunityInput input, CancellationToken ct)
    {
        var rules = new Rules().Required("name", input.Name, Opportunity.NameLength).RequiredId("customerId", input.CustomerId).Defined("orderType", input.OrderType)
            .Currency("currency", input.Currency, required: false).NotNegative("estimatedValue", input.EstimatedValue).Range("closeProbability", input.CloseProbability, 0, 100);
        var customer = input.CustomerId is { } cid ? await db.Set<Account>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == cid, ct) : null;
        if (input.CustomerId is { } missing && missing != Guid.Empty && customer is null) rules.Add("customerId", $"Account '{missing}' does not exist.");
        var unit = input.ContractingUnitId is { } uid ? await db.Set<OrganizationalUnit>().AsNoTracking().SingleOrDefaultAsync(u => u.Id == uid, ct) : null;
        if (input.ContractingUnitId is { } missingUnit && unit is null) rules.Add("contractingUnitId", $"Organizational unit '{missingUnit}' does not exist.");
        await rules.ExistAsync<BookableResource>(db, "accountManagerId", input.AccountManagerId, "Resource", ct);
        var currency = InputRules.Clean(input.Currency)?.ToUpperInvariant() ?? customer?.Currency ?? unit?.Currency;
        if (currency is null && customer is not null) rules.Add("currency", "'currency' is required: neither the customer nor the contracting unit gives one.");
        var lists = await SalesPriceLists.CheckAsync(rules, db, "priceListIds", input.PriceListIds, currency, ct);
        var lines = input.Lines ?? [];
        for (var i = 0; i < lines.Count; i++)
        {
            var f = $"lines[{i}].";
            if (lines[i] is not { } line) { rules.Add($"lines[{i}]", $"'lines[{i}]' is empty."); continue; }
            rules.Required(f + "name", line.Name, OpportunityLine.NameLength).RequiredValue(f + "billingMethod", line.BillingMethod)
                .Defined(f + "billingMethod", line.BillingMethod).NotNegative(f + "budgetAmount", line.BudgetAmount);
            if (line.StartDate is { } s && line.EndDate is { } e && e < s) rules.Add(f + "endDate", $"End date {e:yyyy-MM-dd} is before start date {s:yyyy-MM-dd}.");
        }
        await rules.ExistAsync<Project>(db, lines.Select((l, i) => ($"lines[{i}].projectId", l?.ProjectId)), "Project", ct);
        rules.ThrowIfAny();
        return (currency!, lists.Select(l => l.Id).ToList());
    }

    private static void Apply(Opportunity o, OpportunityInput input, IReadOnlyList<Guid> lists, DateTime now)
    {
        o.Name = input.Name!.Trim();
        o.OrderType = input.OrderType ?? OrderType.WorkBased;
        o.ContractingUnitId = input.ContractingUnitId;
        o.AccountManagerId = input.AccountManagerId;
        o.EstimatedValue = input.EstimatedValue;
        o.EstimatedCloseDate = input.EstimatedCloseDate;
        o.CloseProbability = input.CloseProbability;
        o.ModifiedOn = now;
        o.PriceLists.Clear();
        o.PriceLists.AddRange(lists.Select(id => new OpportunityPriceList { OpportunityId = o.Id, PriceListId = id }));
        o.Lines.Clear();
        o.Lines.AddRange((input.Lines ?? []).Select(l => new OpportunityLine
        {
            Id = Ids.New(), OpportunityId = o.Id, Name = l.Name!.Trim(), BillingMethod = l.BillingMethod!.Value, ProjectId = l.ProjectId,
            BudgetAmount = l.BudgetAmount, StartDate = l.StartDate, EndDate = l.EndDate,
        }));
    }
}
