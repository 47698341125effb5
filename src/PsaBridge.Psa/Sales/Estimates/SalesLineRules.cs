using Microsoft.EntityFrameworkCore;
using PsaBridge.Infrastructure.Validation;
using PsaBridge.Psa.Actuals;
using PsaBridge.Psa.Pricing;
using PsaBridge.Psa.Projects;
using PsaBridge.Psa.Resources;
using PsaBridge.Psa.Sales.InvoiceFrequencies;

namespace PsaBridge.Psa.Sales.Estimates;

/// <summary>A line already on the deal, as the rule "a project and transaction class map to one line" sees it.</summary>
public sealed record ExistingLine(Guid Id, string Name, Guid? ProjectId, IReadOnlyList<TransactionClass> Classes);

/// <summary>
/// Checks quote and contract lines as entered, field by field, against what they refer to (read once for all the
/// lines of a request), and applies them to their entities. A project and a transaction class map to one line of
/// a deal; a fixed-price line's milestones add up to its amount.
/// </summary>
public sealed class SalesLineRules
{
    private readonly Dictionary<Guid, Project> _projects;
    private readonly Dictionary<Guid, InvoiceFrequency> _frequencies;
    private readonly HashSet<Guid> _roles, _categories;
    private readonly Dictionary<Guid, PriceList> _priceLists;

    private SalesLineRules(Dictionary<Guid, Project> projects, Dictionary<Guid, InvoiceFrequency> frequencies, HashSet<Guid> roles, HashSet<Guid> categories,
        Dictionary<Guid, PriceList> priceLists)
    {
        _projects = projects;
        _frequencies = frequencies;
        _roles = roles;
        _categories = categories;
        _priceLists = priceLists;
    }

    public IReadOnlyDictionary<Guid, Project> Projects => _projects;

    public InvoiceFrequency? Frequency(Guid? id) => id is { } f && _frequencies.TryGetValue(f, out var found) ? found : null;

    public static async Task<SalesLineRules> ReadAsync(PsaDb db, IReadOnlyCollection<SalesLineInput?> lines, Guid? defaultFrequency, CancellationToken ct)
    {
        var given = lines.OfType<SalesLineInput>().ToList();
        var projectIds = given.Select(l => l.ProjectId).OfType<Guid>().Distinct().ToList();
        var frequencyIds = given.Select(l => l.InvoiceFrequencyId).Append(defaultFrequency).OfType<Guid>().Distinct().ToList();
        var roleIds = given.SelectMany(l => l.Roles ?? []).Select(r => r?.RoleId).OfType<Guid>().Distinct().ToList();
        var categoryIds = given.SelectMany(l => l.Categories ?? []).Select(c => c?.TransactionCategoryId).OfType<Guid>().Distinct().ToList();
        var listIds = given.SelectMany(l => l.PriceListIds ?? []).Distinct().ToList();
        return new SalesLineRules(
            await db.Set<Project>().Where(p => projectIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct),
            await db.Set<InvoiceFrequency>().AsNoTracking().Include(f => f.Details).Where(f => frequencyIds.Contains(f.Id)).ToDictionaryAsync(f => f.Id, ct),
            (await db.Set<Role>().Where(r => roleIds.Contains(r.Id)).Select(r => r.Id).ToListAsync(ct)).ToHashSet(),
            (await db.Set<TransactionCategory>().Where(c => categoryIds.Contains(c.Id)).Select(c => c.Id).ToListAsync(ct)).ToHashSet(),
            await db.Set<PriceList>().AsNoTracking().Where(p => listIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct));
    }

    /// <summary>
    /// Adds the errors of one line under <paramref name="prefix"/> (e.g. <c>lines[0].</c>). <paramref name="others"/> are the
    /// deal's other lines (stored or entered before this one); <paramref name="requireAmount"/> makes a fixed-price line
    /// name its amount or its milestones (contracts made before lines had amounts may have neither).
    /// </summary>
    public void Check(Rules rules, string prefix, SalesLineInput line, Guid customerId, string currency, IReadOnlyList<ExistingLine> others, bool requireAmount)
    {
        rules.Required(prefix + "name", line.Name, SalesLine.NameLength).RequiredValue(prefix + "billingMethod", line.BillingMethod)
            .Defined(prefix + "billingMethod", line.BillingMethod).NotNegative(prefix + "budgetAmount", line.BudgetAmount).Positive(prefix + "amount", line.Amount);
        if (line.ProjectId is { } pid)
        {
            if (!_projects.TryGetValue(pid, out var project)) rules.Add(prefix + "projectId", $"Project '{pid}' does not exist.");
            else if (project.CustomerId is { } pc && pc != customerId)
                rules.Add(prefix + "projectId", $"Project '{project.Name}' is for another customer ('{pc}').");
            var overlap = others.Where(o => o.ProjectId == pid).SelectMany(o => o.Classes).Intersect(line.Classes()).ToList();
            if (overlap.Count > 0)
                rules.Add(prefix + "projectId", $"Project '{project?.Name ?? pid.ToString()}' already has a line for {string.Join(", ", overlap)}; a project and transaction class map to one line.");
        }
        if (line.IncludeTime == false && line.IncludeExpense == false && line.IncludeFee == false && line.IncludeMaterial == false)
            rules.Add(prefix + "includeTime", "The line includes no transaction class; include at least one of time, expense, fee and material.");
        if (line.InvoiceFrequencyId is { } fid && !_frequencies.ContainsKey(fid)) rules.Add(prefix + "invoiceFrequencyId", $"Invoice frequency '{fid}' does not exist.");
        if (line.BillingStartDate is { } start && line.RequestedDeliveryDate is { } end && end < start)
            rules.Add(prefix + "requestedDeliveryDate", $"Requested delivery date {end:yyyy-MM-dd} is before billing start date {start:yyyy-MM-dd}.");
        CheckMilestones(rules, prefix, line, requireAmount);
        CheckNamed(rules, prefix + "roles", line.Roles?.Select(r => (r?.RoleId, r?.BillingType)).ToList(), _roles, "roleId", "Role");
        CheckNamed(rules, prefix + "categories", line.Categories?.Select(c => (c?.TransactionCategoryId, c?.BillingType)).ToList(), _categories,
            "transactionCategoryId", "Transaction category");
        var lists = line.PriceListIds ?? [];
        for (var i = 0; i < lists.Count; i++)
        {
            var f = $"{prefix}priceListIds[{i}]";
            if (!_priceLists.TryGetValue(lists[i], out var list)) rules.Add(f, $"Price list '{lists[i]}' does not exist.");
            else if (lists.Take(i).Contains(lists[i])) rules.Add(f, $"Price list '{list.Name}' is listed twice.");
            else SalesPriceLists.Check(rules, f, list, currency);
        }
    }

    /// <summary>Sets the line's fields from the input (not its details, milestones or schedule).</summary>
    public static void Apply(SalesLine target, SalesLineInput input, Guid? defaultFrequency, DateOnly? defaultDelivery)
    {
        target.Name = input.Name!.Trim();
        target.BillingMethod = input.BillingMethod!.Value;
        target.ProjectId = input.ProjectId;
        target.BudgetAmount = input.BudgetAmount;
        target.Amount = target.BillingMethod == BillingMethod.FixedPrice
            ? input.Amount ?? (input.Milestones is { Count: > 0 } m ? m.Sum(x => x.Amount ?? 0m) : null)
            : null;
        target.IncludeTime = input.IncludeTime ?? true;
        target.IncludeExpense = input.IncludeExpense ?? true;
        target.IncludeFee = input.IncludeFee ?? true;
        target.IncludeMaterial = input.IncludeMaterial ?? true;
        target.InvoiceFrequencyId = input.InvoiceFrequencyId ?? defaultFrequency;
        target.BillingStartDate = input.BillingStartDate;
        target.RequestedDeliveryDate = input.RequestedDeliveryDate ?? defaultDelivery;
    }

    public static ExistingLine Existing(SalesLine line) => new(line.Id, line.Name, line.ProjectId,
        new[] { TransactionClass.Time, TransactionClass.Expense, TransactionClass.Fee, TransactionClass.Material }.Where(line.Includes).ToList());

    public static ExistingLine Existing(SalesLineInput line) => new(Guid.Empty, line.Name ?? "", line.ProjectId, line.Classes().ToList());

    /// <summary>The milestones of a line as entered: each complete, all within the budget and, with an amount, adding up to it.</summary>
    public static void CheckMilestones(Rules rules, string prefix, SalesLineInput line, bool requireAmount)
    {
        var milestones = line.Milestones ?? [];
        if (line.BillingMethod == BillingMethod.TimeAndMaterial)
        {
            if (milestones.Count > 0) rules.Add(prefix + "milestones", "Milestones belong to fixed-price lines; a time-and-material line bills its actuals.");
            if (line.Amount is not null) rules.Add(prefix + "amount", "A time-and-material line's amount is the sum of its estimates; 'amount' is for fixed-price lines.");
        }
        if (line.BillingMethod == BillingMethod.FixedPrice && requireAmount && line.Amount is null && milestones.Count == 0)
            rules.Add(prefix + "amount", "'amount' is required for a fixed-price line (or give its milestones).");
        for (var j = 0; j < milestones.Count; j++)
        {
            var mf = $"{prefix}milestones[{j}].";
            if (milestones[j] is not { } milestone) { rules.Add($"{prefix}milestones[{j}]", $"'{prefix}milestones[{j}]' is empty."); continue; }
            rules.Required(mf + "name", milestone.Name, LineMilestone.NameLength).RequiredValue(mf + "invoiceDate", milestone.InvoiceDate)
                .RequiredValue(mf + "amount", milestone.Amount).Positive(mf + "amount", milestone.Amount);
        }
        var amounts = milestones.Where(m => m?.Amount is not null).Select(m => m.Amount!.Value).ToList();
        if (line.BudgetAmount is { } budget && amounts.Sum() is var total && total > budget)
            rules.Add(prefix + "milestones", $"The milestones add up to {total}, more than the customer budget {budget}.");
        if (line.BillingMethod == BillingMethod.FixedPrice && line.Amount is { } amount && milestones.Count > 0 && amounts.Count == milestones.Count)
            MilestoneRules.CheckTotal(rules, prefix + "milestones", line.Name ?? "", amount, amounts);
    }

    private static void CheckNamed(Rules rules, string field, List<(Guid? Id, BillingType? BillingType)>? items, HashSet<Guid> known, string idName, string entity)
    {
        for (var i = 0; i < (items?.Count ?? 0); i++)
        {
            var (id, billingType) = items![i];
            var f = $"{field}[{i}].";
            rules.RequiredId(f + idName, id).Defined(f + "billingType", billingType);
            if (id is { } g && g != Guid.Empty && !known.Contains(g)) rules.Add(f + idName, $"{entity} '{g}' does not exist.");
            else if (id is not null && items.Take(i).Any(o => o.Id == id)) rules.Add(f + idName, $"{entity} '{id}' is named twice.");
        }
    }
}
