using Microsoft.EntityFrameworkCore;
using PsaBridge.Infrastructure.Export;
using PsaBridge.Infrastructure.Validation;
using PsaBridge.Psa.Pricing;
using PsaBridge.Psa.Resources;
using PsaBridge.Psa.Sales.Estimates;

namespace PsaBridge.Psa.Sales.Quotes;

/// <summary>The analytics breakdown of a quote (<see cref="AnalyticsBreakdown"/>), read from its estimates and milestones, and its export columns.</summary>
public sealed class QuoteAnalytics(PsaDb db)
{
    public async Task<IReadOnlyList<BreakdownRow>> BreakdownAsync(Guid quoteId, CancellationToken ct = default)
    {
        if (!await db.Set<Quote>().AnyAsync(q => q.Id == quoteId, ct)) throw new NotFoundException("Quote", quoteId.ToString());
        var fixedPrice = (await db.Set<QuoteLine>().Where(l => l.QuoteId == quoteId && l.BillingMethod == BillingMethod.FixedPrice).Select(l => l.Id).ToListAsync(ct)).ToHashSet();
        var records = await db.Set<QuoteLineDetail>().Where(d => d.QuoteId == quoteId)
            .Select(d => new { d.QuoteLineId, d.TransactionType, d.TransactionClass, d.BillingType, d.RoleId, d.TransactionCategoryId, d.StartDate, d.EndDate, d.Amount })
            .ToListAsync(ct);
        var milestones = await db.Set<QuoteLineMilestone>().Where(m => m.QuoteId == quoteId && fixedPrice.Contains(m.QuoteLineId))
            .Select(m => new PlannedMilestone(m.Name, m.InvoiceDate, m.Amount)).ToListAsync(ct);
        var roleIds = records.Select(r => r.RoleId).OfType<Guid>().Distinct().ToList();
        var categoryIds = records.Select(r => r.TransactionCategoryId).OfType<Guid>().Distinct().ToList();
        var roles = await db.Set<Role>().Where(r => roleIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Name, ct);
        var categories = await db.Set<TransactionCategory>().Where(c => categoryIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        return AnalyticsBreakdown.Rows(records.Select(r => new BreakdownInput(r.TransactionType, r.TransactionClass, r.BillingType, r.RoleId,
            r.TransactionCategoryId, r.StartDate, r.EndDate, r.Amount, fixedPrice.Contains(r.QuoteLineId))), milestones, roles, categories);
    }

    /// <summary>The columns of the breakdown's CSV and XLSX download.</summary>
    public static readonly IReadOnlyList<ExportColumn<BreakdownRow>> Columns =
    [
        ExportColumn<BreakdownRow>.Date("Month", r => r.Month),
        ExportColumn<BreakdownRow>.Text("Transaction class", r => r.TransactionClass),
        ExportColumn<BreakdownRow>.Text("Billing type", r => r.BillingType),
        ExportColumn<BreakdownRow>.Text("Role", r => r.Role),
        ExportColumn<BreakdownRow>.Text("Transaction category", r => r.TransactionCategory),
        ExportColumn<BreakdownRow>.Number("Cost", r => r.Cost),
        ExportColumn<BreakdownRow>.Number("Sales", r => r.Sales),
        ExportColumn<BreakdownRow>.Number("Margin", r => r.Margin),
    ];
}
