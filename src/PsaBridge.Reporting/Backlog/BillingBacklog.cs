using Microsoft.EntityFrameworkCore;
using PsaBridge.Infrastructure.Export;
using PsaBridge.Psa;
using PsaBridge.Psa.Actuals;
using PsaBridge.Psa.Sales;
using PsaBridge.Reporting.Shared;

namespace PsaBridge.Reporting.Backlog;

/// <summary>Billing backlog / WIP: unbilled sales by contract with ageing buckets, and fixed-price milestones not yet invoiced.</summary>
public sealed class BillingBacklog(PsaDb db, Names names)
{
    public const string Name = "backlog";

    public async Task<BacklogReport> RunAsync(ReportFilter filter, DateOnly asOf, CancellationToken ct = default)
    {
        // An unbilled sales actual stays in the backlog until it is billed: created or ready to invoice, or on a draft
        // invoice. Once its invoice is confirmed, or its approval cancelled, it and its reversal have left it.
        var unbilled = await filter.Apply(db.Set<Actual>().AsNoTracking())
            .Where(a => a.TransactionType == TransactionType.UnbilledSales && a.AdjustmentStatus == null
                && (a.BillingStatus == BillingStatus.UnbilledSalesCreated || a.BillingStatus == BillingStatus.ReadyToInvoice
                    || a.BillingStatus == BillingStatus.CustomerInvoiceCreated))
            .GroupBy(a => new { a.ContractId, a.Currency, a.DocumentDate, a.BillingStatus })
            .Select(g => new UnbilledTotal(g.Key.ContractId, g.Key.Currency, g.Key.DocumentDate, g.Key.BillingStatus, g.Sum(a => a.Amount)))
            .ToListAsync(ct);

        var contracts = db.Set<ProjectContract>().AsNoTracking();
        if (filter.CustomerId is { } customer) contracts = contracts.Where(c => c.CustomerId == customer);
        if (filter.ContractingUnitId is { } unit) contracts = contracts.Where(c => c.ContractingUnitId == unit);
        var milestones = db.Set<ContractMilestone>().AsNoTracking()
            .Where(m => m.InvoiceStatus == MilestoneInvoiceStatus.NotReadyForInvoicing || m.InvoiceStatus == MilestoneInvoiceStatus.ReadyForInvoicing)
            .Where(m => contracts.Any(c => c.Id == m.ContractId));
        if (filter.ProjectId is { } project)
            milestones = milestones.Where(m => db.Set<ContractLine>().Any(l => l.Id == m.ContractLineId && l.ProjectId == project));
        if (filter.From is { } from) milestones = milestones.Where(m => m.InvoiceDate >= from);
        if (filter.To is { } to) milestones = milestones.Where(m => m.InvoiceDate <= to);
        var open = await milestones.Select(m => new OpenMilestone(m.ContractId, m.InvoiceStatus, m.Amount)).ToListAsync(ct);

        var customers = await names.CustomersAsync(ct);
        var facts = await db.Set<ProjectContract>().AsNoTracking().Select(c => new { c.Id, c.Name, c.CustomerId, c.Currency }).ToListAsync(ct);
        return BacklogRules.Build(asOf, unbilled, open,
            facts.ToDictionary(c => c.Id, c => new ContractFacts(c.Id, c.Name, Names.Of(customers, c.CustomerId), c.Currency)));
    }

    /// <summary>The columns of the report's table, its downloads and the CLI's table.</summary>
    public static readonly IReadOnlyList<ExportColumn<BacklogRow>> Columns =
    [
        ExportColumn<BacklogRow>.Text("Contract", r => r.Contract),
        ExportColumn<BacklogRow>.Text("Customer", r => r.Customer),
        ExportColumn<BacklogRow>.Text("Currency", r => r.Currency),
        ExportColumn<BacklogRow>.Number("Unbilled sales", r => r.Unbilled),
        ExportColumn<BacklogRow>.Number("0-30 days", r => r.Days0To30),
        ExportColumn<BacklogRow>.Number("31-60 days", r => r.Days31To60),
        ExportColumn<BacklogRow>.Number("61-90 days", r => r.Days61To90),
        ExportColumn<BacklogRow>.Number("Over 90 days", r => r.Over90Days),
        ExportColumn<BacklogRow>.Number("Ready to invoice", r => r.ReadyToInvoice),
        ExportColumn<BacklogRow>.Number("On draft invoice", r => r.OnDraftInvoice),
        ExportColumn<BacklogRow>.Number("Milestones not invoiced", r => r.MilestonesNotInvoiced),
        ExportColumn<BacklogRow>.Number("Milestones ready", r => r.MilestonesReady),
    ];
}
