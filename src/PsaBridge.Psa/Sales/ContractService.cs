using Microsoft.EntityFrameworkCore;
using PsaBridge.Infrastructure.Paging;
using PsaBridge.Infrastructure.Storage;
using PsaBridge.Infrastructure.Validation;
using PsaBridge.Psa.Accounts;
using PsaBridge.Psa.OrganizationalUnits;
using PsaBridge.Psa.Pricing;
using PsaBridge.Psa.Projects;

namespace PsaBridge.Psa.Sales;

public sealed record MilestoneInput(string? Name, DateOnly? InvoiceDate, decimal? Amount, bool ReadyForInvoicing = false);

public sealed record ContractLineInput(
    string? Name,
    BillingMethod? BillingMethod,
    Guid? ProjectId = null,
    decimal? BudgetAmount = null,
    bool? IncludeTime = null,
    bool? IncludeExpense = null,
    bool? IncludeFee = null,
    bool? IncludeMaterial = null,
    List<MilestoneInput>? Milestones = null);

public sealed record ContractInput(
    string? Name,
    Guid? CustomerId,
    Guid? ContractingUnitId,
    string? Currency = null,
    List<Guid>? PriceListIds = null,
    List<ContractLineInput>? Lines = null);

public sealed record ContractFilter(Guid? CustomerId = null, string? Search = null);

/// <summary>
/// Project contracts with their lines, milestones and sales price lists. A contract line that names a
/// project binds the project to the contract (and to its customer).
/// </summary>
public sealed class ContractService(PsaDb db, TimeProvider clock)
{
    public async Task<ProjectContract> CreateAsync(ContractInput input, CancellationToken ct = default)
    {
        var rules = new Rules().Required("name", input.Name, ProjectContract.NameLength).RequiredId("customerId", input.CustomerId)
            .RequiredId("contractingUnitId", input.ContractingUnitId).Currency("currency", input.Currency, required: false);
        var customer = input.CustomerId is { } cid ? await db.Set<Account>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == cid, ct) : null;
        if (input.CustomerId is { } missing && missing != Guid.Empty && customer is null) rules.Add("customerId", $"Account '{missing}' does not exist.");
        var unit = input.ContractingUnitId is { } uid ? await db.Set<OrganizationalUnit>().AsNoTracking().SingleOrDefaultAsync(u => u.Id == uid, ct) : null;
        if (input.ContractingUnitId is { } missingUnit && missingUnit != Guid.Empty && unit is null)
            rules.Add("contractingUnitId", $"Organizational unit '{missingUnit}' does not exist.");
        var currency = InputRules.Clean(input.Currency)?.ToUpperInvariant() ?? customer?.Currency ?? unit?.Currency;

        // Sales price lists: those given, else the customer's defaults (as Project Service defaults them from the customer).
        List<PriceList> priceLists;
        if (input.PriceListIds is { Count: > 0 } ids)
        {
            var found = await db.Set<PriceList>().AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
            priceLists = [];
            for (var i = 0; i < ids.Count; i++)
            {
                var f = $"priceListIds[{i}]";
                if (!found.TryGetValue(ids[i], out var list)) rules.Add(f, $"Price list '{ids[i]}' does not exist.");
                else if (ids.Take(i).Contains(ids[i])) rules.Add(f, $"Price list '{ids[i]}' is listed twice.");
                else priceLists.Add(list);
            }
        }
        else priceLists = customer is null ? [] : await db.Set<PriceList>().AsNoTracking()
            .Where(p => p.CustomerId == customer.Id && p.Context == PriceListContext.Sales).ToListAsync(ct);
        foreach (var list in priceLists)
        {
            var f = input.PriceListIds is { Count: > 0 } given ? $"priceListIds[{given.IndexOf(list.Id)}]" : "priceListIds";
            if (list.Context != PriceListContext.Sales) rules.Add(f, $"Price list '{list.Name}' is a {list.Context} price list; a contract takes sales price lists.");
            else if (currency is not null && list.Currency != currency)
                rules.Add(f, $"Price list '{list.Name}' is in '{list.Currency}' but the contract is in '{currency}'; a contract's price lists are in its currency.");
        }

        var lines = input.Lines ?? [];
        var projectIds = lines.Where(l => l?.ProjectId is not null).Select(l => l.ProjectId!.Value).Distinct().ToList();
        var projects = await db.Set<Project>().Where(p => projectIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        for (var i = 0; i < lines.Count; i++)
        {
            var f = $"lines[{i}].";
            if (lines[i] is not { } line) { rules.Add($"lines[{i}]", $"'lines[{i}]' is empty."); continue; }
            rules.Required(f + "name", line.Name, ContractLine.NameLength).RequiredValue(f + "billingMethod", line.BillingMethod)
                .Defined(f + "billingMethod", line.BillingMethod).NotNegative(f + "budgetAmount", line.BudgetAmount);
            if (line.ProjectId is { } pid)
            {
                if (!projects.TryGetValue(pid, out var project)) rules.Add(f + "projectId", $"Project '{pid}' does not exist.");
                else if (project.ContractId is not null) rules.Add(f + "projectId", $"Project '{project.Name}' is already on another contract.");
                else if (project.CustomerId is { } pc && pc != input.CustomerId)
                    rules.Add(f + "projectId", $"Project '{project.Name}' is for another customer ('{pc}').");
                var overlap = lines.Take(i).Where(o => o is not null && o.ProjectId == pid)
                    .SelectMany(o => Classes(o)).Intersect(Classes(line)).ToList();
                if (overlap.Count > 0)
                    rules.Add(f + "projectId", $"Project '{pid}' already has a line for {string.Join(", ", overlap)}; a project and transaction class map to one line.");
            }
            if (line.IncludeTime == false && line.IncludeExpense == false && line.IncludeFee == false && line.IncludeMaterial == false)
                rules.Add(f + "includeTime", "The line includes no transaction class; include at least one of time, expense, fee and material.");
            var milestones = line.Milestones ?? [];
            if (milestones.Count > 0 && line.BillingMethod == BillingMethod.TimeAndMaterial)
                rules.Add(f + "milestones", "Milestones belong to fixed-price lines; a time-and-material line bills its actuals.");
            for (var j = 0; j < milestones.Count; j++)
            {
                var mf = $"{f}milestones[{j}].";
                if (milestones[j] is not { } milestone) { rules.Add($"{f}milestones[{j}]", $"'{f}milestones[{j}]' is empty."); continue; }
                rules.Required(mf + "name", milestone.Name, ContractMilestone.NameLength).RequiredValue(mf + "invoiceDate", milestone.InvoiceDate)
                    .RequiredValue(mf + "amount", milestone.Amount).Positive(mf + "amount", milestone.Amount);
            }
            if (line.BudgetAmount is { } budget && milestones.Where(m => m?.Amount is not null).Sum(m => m.Amount!.Value) is var total && total > budget)
                rules.Add(f + "milestones", $"The milestones add up to {total}, more than the customer budget {budget}.");
        }
        rules.ThrowIfAny();

        var contract = new ProjectContract
        {
            Id = Ids.New(), Name = input.Name!.Trim(), CustomerId = customer!.Id, ContractingUnitId = unit!.Id, Currency = currency!,
            CreatedOn = clock.GetUtcNow().UtcDateTime,
        };
        contract.PriceLists.AddRange(priceLists.Select(p => new ContractPriceList { ContractId = contract.Id, PriceListId = p.Id }));
        foreach (var line in lines)
        {
            var contractLine = new ContractLine
            {
                Id = Ids.New(), ContractId = contract.Id, Name = line.Name!.Trim(), BillingMethod = line.BillingMethod!.Value, ProjectId = line.ProjectId,
                BudgetAmount = line.BudgetAmount, IncludeTime = line.IncludeTime ?? true, IncludeExpense = line.IncludeExpense ?? true,
                IncludeFee = line.IncludeFee ?? true, IncludeMaterial = line.IncludeMaterial ?? true,
            };
            contractLine.Milestones.AddRange((line.Milestones ?? []).Select(m => new ContractMilestone
            {
                Id = Ids.New(), ContractId = contract.Id, ContractLineId = contractLine.Id, Name = m.Name!.Trim(), InvoiceDate = m.InvoiceDate!.Value,
                Amount = m.Amount!.Value, InvoiceStatus = m.ReadyForInvoicing ? MilestoneInvoiceStatus.ReadyForInvoicing : MilestoneInvoiceStatus.NotReadyForInvoicing,
            }));
            contract.Lines.Add(contractLine);
            if (line.ProjectId is { } pid)
            {
                projects[pid].ContractId = contract.Id;
                projects[pid].CustomerId = contract.CustomerId;
            }
        }
        db.Add(contract);
        await db.SaveChangesAsync(ct);
        return contract;
    }

    /// <summary>Marks a fixed-price milestone ready for invoicing: the next draft invoice of its contract takes it.</summary>
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

    public async Task<ProjectContract> GetAsync(Guid id, CancellationToken ct = default) =>
        await Contracts().SingleOrDefaultAsync(c => c.Id == id, ct) ?? throw new NotFoundException("Contract", id.ToString());

    public Task<Page<ProjectContract>> ListAsync(ContractFilter filter, PageRequest page, CancellationToken ct = default)
    {
        var query = Contracts();
        if (filter.CustomerId is { } customer) query = query.Where(c => c.CustomerId == customer);
        if (InputRules.Clean(filter.Search) is { } term) query = query.Where(c => c.Name.ToLower().Contains(term.ToLower()));
        return query.OrderBy(c => c.Name).ThenBy(c => c.Id).ToPageAsync(page, ct);
    }

    private IQueryable<ProjectContract> Contracts() =>
        db.Set<ProjectContract>().AsNoTracking().Include(c => c.Lines).ThenInclude(l => l.Milestones).Include(c => c.PriceLists).AsSplitQuery();

    private static IEnumerable<string> Classes(ContractLineInput line)
    {
        if (line.IncludeTime ?? true) yield return "time";
        if (line.IncludeExpense ?? true) yield return "expense";
        if (line.IncludeFee ?? true) yield return "fee";
        if (line.IncludeMaterial ?? true) yield return "material";
    }
}
