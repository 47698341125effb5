using Microsoft.EntityFrameworkCore;
using PsaBridge.Infrastructure.Export;
using PsaBridge.Infrastructure.Storage;
using PsaBridge.Psa;
using PsaBridge.Psa.Actuals;
using PsaBridge.Psa.Projects;
using PsaBridge.Psa.Sales;
using PsaBridge.Psa.Sales.Quotes;
using PsaBridge.Reporting.Shared;

namespace PsaBridge.Reporting.Profitability;

/// <summary>Project profitability: cost, unbilled and billed sales, revenue and gross margin per project, against the contract's budget and the quote's estimate.</summary>
public sealed class ProjectProfitability(PsaDb db, Names names)
{
    public const string Name = "profitability";

    public async Task<ProfitabilityReport> RunAsync(ReportFilter filter, CancellationToken ct = default)
    {
        // Grouped in the order of the index on (project, type, currency, amount), which holds every column read here.
        var groups = filter.Apply(db.Set<Actual>().AsNoTracking())
            .Where(a => a.TransactionType == TransactionType.Cost || a.TransactionType == TransactionType.UnbilledSales || a.TransactionType == TransactionType.BilledSales)
            .GroupBy(a => new { a.ProjectId, a.TransactionType, a.Currency });
        // Summed as whole ten-thousandths on both engines, as planning does: SQLite keeps decimals as text that EF would sum
        // in managed code row by row, and one query for both engines keeps the report free of engine branches.
        var units = await groups.Select(g => new { g.Key.ProjectId, g.Key.Currency, g.Key.TransactionType, Units = g.Sum(a => (long)Math.Round((double)a.Amount * TenThousandths.PerOne)) })
            .ToListAsync(ct);
        var totals = units.Select(t => new ProjectTotal(t.ProjectId, t.Currency, t.TransactionType, TenThousandths.ToDecimal(t.Units))).ToList();
        return ProfitabilityRules.Build(totals, await ProjectsAsync(ct));
    }

    private async Task<Dictionary<Guid, ProjectFacts>> ProjectsAsync(CancellationToken ct)
    {
        var customers = await names.CustomersAsync(ct);
        var units = await names.UnitsAsync(ct);
        var budgets = await db.Set<ContractLine>().AsNoTracking().Where(l => l.ProjectId != null && l.BudgetAmount != null)
            .GroupBy(l => l.ProjectId!.Value).Select(g => new { g.Key, Budget = g.Sum(l => l.BudgetAmount!.Value) }).ToDictionaryAsync(b => b.Key, b => b.Budget, ct);
        // The quote's estimate is the quoted sales value of the won quote's lines that the project's contract lines were made from; open, lost
        // and revised quotes count nothing, since only a won quote became the contract the project is measured against.
        var estimates = await db.Set<ContractLine>().AsNoTracking().Where(l => l.ProjectId != null && l.QuoteLineId != null)
            .Join(db.Set<QuoteLine>().AsNoTracking(), l => l.QuoteLineId, q => (Guid?)q.Id, (l, q) => new { ProjectId = l.ProjectId!.Value, q.Rollup.SalesAmount })
            .GroupBy(e => e.ProjectId).Select(g => new { g.Key, Estimate = g.Sum(e => e.SalesAmount) }).ToDictionaryAsync(e => e.Key, e => e.Estimate, ct);
        var projects = await db.Set<Project>().AsNoTracking().Select(p => new { p.Id, p.Name, p.CustomerId, p.ContractingUnitId }).ToListAsync(ct);
        return projects.ToDictionary(p => p.Id, p => new ProjectFacts(p.Id, p.Name, p.CustomerId, p.CustomerId is null ? null : Names.Of(customers, p.CustomerId),
            p.ContractingUnitId, Names.Of(units, p.ContractingUnitId), budgets.TryGetValue(p.Id, out var budget) ? budget : null,
            estimates.TryGetValue(p.Id, out var estimate) ? estimate : null));
    }

    /// <summary>The columns of the report's table, its downloads and the CLI's table: the project lines.</summary>
    public static readonly IReadOnlyList<ExportColumn<ProfitabilityRow>> Columns =
    [
        ExportColumn<ProfitabilityRow>.Text("Project", r => r.Name),
        ExportColumn<ProfitabilityRow>.Text("Customer", r => r.Customer),
        ExportColumn<ProfitabilityRow>.Text("Contracting unit", r => r.ContractingUnit),
        ExportColumn<ProfitabilityRow>.Text("Currency", r => r.Currency),
        ExportColumn<ProfitabilityRow>.Number("Cost", r => r.Cost),
        ExportColumn<ProfitabilityRow>.Number("Unbilled sales", r => r.UnbilledSales),
        ExportColumn<ProfitabilityRow>.Number("Billed sales", r => r.BilledSales),
        ExportColumn<ProfitabilityRow>.Number("Revenue", r => r.Revenue),
        ExportColumn<ProfitabilityRow>.Number("Gross margin", r => r.GrossMargin),
        ExportColumn<ProfitabilityRow>.Number("Margin %", r => r.MarginPercent),
        ExportColumn<ProfitabilityRow>.Number("Budget", r => r.Budget),
        ExportColumn<ProfitabilityRow>.Number("Quote estimate", r => r.QuoteEstimate),
    ];
}
