using PsaBridge.Psa.Actuals;

namespace PsaBridge.Reporting.Profitability;

/// <summary>The actuals of one project in one currency of one transaction type, summed by the database.</summary>
public sealed record ProjectTotal(Guid? ProjectId, string Currency, TransactionType Type, decimal Amount);

/// <summary>What the report knows of a project: its customer, its contracting unit, its budget and its quote's estimate.</summary>
public sealed record ProjectFacts(
    Guid Id, string Name, Guid? CustomerId, string? Customer, Guid ContractingUnitId, string ContractingUnit, decimal? Budget, decimal? QuoteEstimate);

/// <summary>
/// One line of the profitability report: a project, a customer or a contracting unit, in one currency (amounts in
/// different currencies are never added up: a project whose cost and sales are in two currencies has a line for each).
/// </summary>
public sealed record ProfitabilityRow(
    Guid? Id, string Name, string? Customer, string? ContractingUnit, string Currency,
    decimal Cost, decimal UnbilledSales, decimal BilledSales, decimal Revenue, decimal GrossMargin, decimal? MarginPercent,
    decimal? Budget, decimal? QuoteEstimate);

/// <summary>The profitability report: per project, and rolled up by customer and by contracting unit.</summary>
public sealed record ProfitabilityReport(IReadOnlyList<ProfitabilityRow> Projects, IReadOnlyList<ProfitabilityRow> Customers, IReadOnlyList<ProfitabilityRow> ContractingUnits);

/// <summary>Builds the profitability report from the database's totals. Plain code over plain objects.</summary>
public static class ProfitabilityRules
{
    public static ProfitabilityReport Build(IEnumerable<ProjectTotal> totals, IReadOnlyDictionary<Guid, ProjectFacts> projects)
    {
        var perProject = totals
            .GroupBy(t => (t.ProjectId, t.Currency))
            .Select(g => (g.Key.ProjectId, g.Key.Currency, Facts: g.Key.ProjectId is { } id ? projects.GetValueOrDefault(id) : null,
                Amounts: g.Aggregate(ProfitAmounts.Zero, (sum, t) => sum.Add(t.Type, t.Amount))))
            .ToList();

        var projectRows = perProject
            .Select(p => Row(p.ProjectId, p.Facts?.Name ?? "(no project)", p.Facts?.Customer, p.Facts?.ContractingUnit, p.Currency, p.Amounts,
                p.Facts?.Budget, p.Facts?.QuoteEstimate))
            .OrderByDescending(r => r.Revenue).ThenBy(r => r.Name, StringComparer.OrdinalIgnoreCase).ThenBy(r => r.Currency, StringComparer.Ordinal).ToList();
        var customerRows = Rollup(perProject, p => (p.Facts?.CustomerId, p.Facts?.Customer ?? "(internal)"));
        var unitRows = Rollup(perProject, p => ((Guid?)p.Facts?.ContractingUnitId, p.Facts?.ContractingUnit ?? "(none)"));
        return new ProfitabilityReport(projectRows, customerRows, unitRows);
    }

    private static List<ProfitabilityRow> Rollup(
        IEnumerable<(Guid? ProjectId, string Currency, ProjectFacts? Facts, ProfitAmounts Amounts)> projects,
        Func<(Guid? ProjectId, string Currency, ProjectFacts? Facts, ProfitAmounts Amounts), (Guid? Id, string Name)> group) =>
        projects
            .GroupBy(p => (Group: group(p), p.Currency))
            .Select(g => Row(g.Key.Group.Id, g.Key.Group.Name, null, null, g.Key.Currency,
                g.Aggregate(ProfitAmounts.Zero, (sum, p) => sum + p.Amounts), Sum(g.Select(p => p.Facts?.Budget)), Sum(g.Select(p => p.Facts?.QuoteEstimate))))
            .OrderByDescending(r => r.Revenue).ThenBy(r => r.Name, StringComparer.OrdinalIgnoreCase).ThenBy(r => r.Currency, StringComparer.Ordinal).ToList();

    private static ProfitabilityRow Row(Guid? id, string name, string? customer, string? unit, string currency, ProfitAmounts a, decimal? budget, decimal? quoteEstimate) =>
        new(id, name, customer, unit, currency, a.Cost, a.UnbilledSales, a.BilledSales, a.Revenue, a.GrossMargin, a.MarginPercent, budget, quoteEstimate);

    private static decimal? Sum(IEnumerable<decimal?> values)
    {
        var known = values.Where(v => v is not null).ToList();
        return known.Count == 0 ? null : known.Sum();
    }
}
