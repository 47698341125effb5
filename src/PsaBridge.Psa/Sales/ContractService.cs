using Microsoft.EntityFrameworkCore;
using PsaBridge.Infrastructure.Paging;
using PsaBridge.Infrastructure.Storage;
using PsaBridge.Infrastructure.Validation;
using PsaBridge.Psa.Accounts;
using PsaBridge.Psa.OrganizationalUnits;
using PsaBridge.Psa.Resources;
using PsaBridge.Psa.Sales.Contracts;
using PsaBridge.Psa.Sales.Estimates;
using PsaBridge.Psa.Sales.Parameters;

namespace PsaBridge.Psa.Sales;

public sealed record ContractInput(
    string? Name,
    Guid? CustomerId,
    Guid? ContractingUnitId,
    string? Currency = null,
    List<Guid>? PriceListIds = null,
    List<SalesLineInput>? Lines = null,
    OrderType? OrderType = null,
    Guid? AccountManagerId = null);

public sealed record ContractFilter(Guid? CustomerId = null, string? Search = null, ContractState? State = null, string? Sort = null);

/// <summary>
/// Project contracts made without a quote (a won quote makes its own, see <c>QuoteClosing</c>), with the same lines,
/// details, milestones, invoice schedules and price lists per line; their PSA state (Draft → Confirm, one-way →
/// Active/Confirmed → Closed); and reading them with their rollups and what the Actuals say of them.
/// </summary>
public sealed class ContractService(PsaDb db, TimeProvider clock)
{
    private readonly ContractStore _store = new(db, new DealEstimates(db));

    public async Task<ProjectContract> CreateAsync(ContractInput input, CancellationToken ct = default)
    {
        var rules = new Rules().Required("name", input.Name, ProjectContract.NameLength).RequiredId("customerId", input.CustomerId)
            .RequiredId("contractingUnitId", input.ContractingUnitId).Currency("currency", input.Currency, required: false).Defined("orderType", input.OrderType);
        var customer = input.CustomerId is { } cid ? await db.Set<Account>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == cid, ct) : null;
        if (input.CustomerId is { } missing && missing != Guid.Empty && customer is null) rules.Add("customerId", $"Account '{missing}' does not exist.");
        var unit = input.ContractingUnitId is { } uid ? await db.Set<OrganizationalUnit>().AsNoTracking().SingleOrDefaultAsync(u => u.Id == uid, ct) : null;
        if (input.ContractingUnitId is { } missingUnit && missingUnit != Guid.Empty && unit is null)
            rules.Add("contractingUnitId", $"Organizational unit '{missingUnit}' does not exist.");
        await rules.ExistAsync<BookableResource>(db, "accountManagerId", input.AccountManagerId, "Resource", ct);
        var currency = InputRules.Clean(input.Currency)?.ToUpperInvariant() ?? customer?.Currency ?? unit?.Currency;

        // Sales price lists: those given, else the customer's, else the PSA parameters' (as Project Service defaults them).
        var ids = input.PriceListIds is { Count: > 0 } given ? given
            : customer is null ? [] : (await SalesPriceLists.CustomerOrParametersAsync(db, customer.Id, ct)).ToList();
        var priceLists = await SalesPriceLists.CheckAsync(rules, db, "priceListIds", ids, currency, ct);

        var lines = input.Lines ?? [];
        var frequency = await db.Set<ProjectParameter>().Select(p => p.InvoiceFrequencyId).FirstOrDefaultAsync(ct);
        var lineRules = await SalesLineRules.ReadAsync(db, lines, frequency, ct);
        var others = new List<ExistingLine>();
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i] is not { } line) { rules.Add($"lines[{i}]", $"'lines[{i}]' is empty."); continue; }
            if (customer is not null && currency is not null) lineRules.Check(rules, $"lines[{i}].", line, customer.Id, currency, others, requireAmount: false);
            if (line.ProjectId is { } pid && lineRules.Projects.TryGetValue(pid, out var project) && project.ContractId is not null)
                rules.Add($"lines[{i}].projectId", $"Project '{project.Name}' is already on another contract.");
            others.Add(SalesLineRules.Existing(line));
        }
        rules.ThrowIfAny();

        var contract = new ProjectContract
        {
            Id = Ids.New(), Name = input.Name!.Trim(), CustomerId = customer!.Id, ContractingUnitId = unit!.Id, Currency = currency!,
            OrderType = input.OrderType ?? OrderType.WorkBased, AccountManagerId = input.AccountManagerId, CreatedOn = clock.GetUtcNow().UtcDateTime,
        };
        contract.PriceLists.AddRange(priceLists.Select(p => new ContractPriceList { ContractId = contract.Id, PriceListId = p.Id }));
        foreach (var line in lines) _store.AddLine(contract, line, lineRules, frequency);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Add(contract);
        await _store.SaveAsync(ct);
        for (var i = 0; i < lines.Count; i++)
            db.AddRange(await _store.Estimates.PriceAsync<ContractLineDetail>(contract, contract.Lines[i], lines[i].Details ?? [], j => $"lines[{i}].details[{j}].", ct));
        await _store.SaveWithRollupsAsync(contract, ct);
        await tx.CommitAsync(ct);
        return contract;
    }

    /// <summary>Replaces a draft contract's price lists; its estimates are priced again and its rollups recomputed, in one transaction.</summary>
    public async Task<ProjectContract> SetPriceListsAsync(Guid id, List<Guid>? priceListIds, CancellationToken ct = default)
    {
        var contract = await _store.ForChangeAsync(id, ct);
        var rules = new Rules();
        var lists = await SalesPriceLists.CheckAsync(rules, db, "priceListIds", priceListIds ?? [], contract.Currency, ct);
        rules.ThrowIfAny();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        contract.PriceLists.Clear();
        contract.PriceLists.AddRange(lists.Select(l => new ContractPriceList { ContractId = contract.Id, PriceListId = l.Id }));
        await _store.SaveAsync(ct);
        await _store.Estimates.RepriceAsync<ContractLineDetail>(contract, contract.Lines, ct);
        await _store.SaveWithRollupsAsync(contract, ct);
        await tx.CommitAsync(ct);
        return contract;
    }

    /// <summary>
    /// Confirm (one-way): Draft → Active, status reason Confirmed; from then on the contract is read-only but for its
    /// milestones' invoice status. Every fixed-price line with an amount must have milestones adding up to it.
    /// </summary>
    public async Task<ProjectContract> ConfirmAsync(Guid id, CancellationToken ct = default)
    {
        var contract = await _store.ForChangeAsync(id, ct);
        var rules = new Rules();
        for (var i = 0; i < contract.Lines.Count; i++)
            if (contract.Lines[i] is { BillingMethod: BillingMethod.FixedPrice, Amount: { } amount } line)
                MilestoneRules.CheckTotal(rules, $"lines[{i}].milestones", line.Name, amount, line.Milestones.Select(m => m.Amount).ToList());
        rules.ThrowIfAny();
        contract.PsaState = ContractState.Active;
        contract.PsaStatusReason = ContractStatusReason.Confirmed;
        contract.ConfirmedOn = clock.GetUtcNow().UtcDateTime;
        await _store.SaveAsync(ct);
        return contract;
    }

    /// <summary>An active contract whose work is done is closed (status reason Completed); the invoice run passes it by.</summary>
    public async Task<ProjectContract> CloseAsync(Guid id, CancellationToken ct = default)
    {
        var contract = await db.Set<ProjectContract>().SingleOrDefaultAsync(c => c.Id == id, ct) ?? throw new NotFoundException("Contract", id.ToString());
        if (contract.PsaState != ContractState.Active)
            throw new ConflictException($"Contract '{contract.Name}' is {contract.PsaState}; only an active (confirmed) contract is closed.");
        contract.PsaState = ContractState.Closed;
        contract.PsaStatusReason = ContractStatusReason.Completed;
        await _store.SaveAsync(ct);
        return contract;
    }

    /// <summary>Marks a fixed-price milestone ready for invoicing: the next draft invoice of its contract takes it. Allowed on a confirmed contract.</summary>
    public async Task<ContractMilestone> MarkMilestoneReadyAsync(Guid milestoneId, CancellationToken ct = default)
    {
        var milestone = await db.Set<ContractMilestone>().SingleOrDefaultAsync(m => m.Id == milestoneId, ct)
                        ?? throw new NotFoundException("Milestone", milestoneId.ToString());
        if (milestone.InvoiceStatus == MilestoneInvoiceStatus.ReadyForInvoicing) return milestone;
        if (milestone.InvoiceStatus != MilestoneInvoiceStatus.NotReadyForInvoicing)
            throw new ConflictException($"Milestone '{milestone.Name}' is {milestone.InvoiceStatus}; only a milestone not yet invoiced can be made ready.");
        milestone.InvoiceStatus = MilestoneInvoiceStatus.ReadyForInvoicing;
        await db.SaveChangesAsync(ct);
        return milestone;
    }

    /// <summary>The contract with its lines, rollups, and the actual cost, unbilled and billed sales of it and each line.</summary>
    public async Task<ProjectContract> GetAsync(Guid id, CancellationToken ct = default)
    {
        var contract = await _store.Contracts(tracked: false).SingleOrDefaultAsync(c => c.Id == id, ct) ?? throw new NotFoundException("Contract", id.ToString());
        await ContractActualsQuery.FillAsync(db, [contract], ct);
        return contract;
    }

    public async Task<Page<ProjectContract>> ListAsync(ContractFilter filter, PageRequest page, CancellationToken ct = default)
    {
        var query = _store.Contracts(tracked: false);
        if (filter.CustomerId is { } customer) query = query.Where(c => c.CustomerId == customer);
        if (filter.State is { } state) query = query.Where(c => c.PsaState == state);
        if (InputRules.Clean(filter.Search) is { } term) query = query.Where(c => c.Name.ToLower().Contains(term.ToLower()));
        var result = await SalesSorting.Apply(query, filter.Sort, c => c.Id, ("name", c => c.Name), ("created", c => c.CreatedOn), ("state", c => c.PsaState))
            .ToPageAsync(page, ct);
        await ContractActualsQuery.FillAsync(db, result.Items, ct);
        return result;
    }
}
