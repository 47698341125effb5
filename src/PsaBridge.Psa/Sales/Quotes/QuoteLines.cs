using PsaBridge.Infrastructure.Storage;
using PsaBridge.Psa.Sales.Estimates;

namespace PsaBridge.Psa.Sales.Quotes;

/// <summary>Makes and changes quote lines from what was entered (checked before by <see cref="SalesLineRules"/>).</summary>
internal static class QuoteLines
{
    public static QuoteLine New(Quote quote, SalesLineInput input, SalesLineRules rules, Guid? defaultFrequency)
    {
        var line = new QuoteLine { Id = Ids.New(), QuoteId = quote.Id, LineNumber = quote.Lines.Select(l => l.LineNumber).DefaultIfEmpty().Max() + 1, Name = "" };
        Apply(line, quote, input, rules, defaultFrequency, replaceMilestones: true);
        return line;
    }

    /// <summary>Sets the line from the input; its milestones only when <paramref name="replaceMilestones"/> (an update that names none keeps them).</summary>
    public static void Apply(QuoteLine line, Quote quote, SalesLineInput input, SalesLineRules rules, Guid? defaultFrequency, bool replaceMilestones)
    {
        SalesLineRules.Apply(line, input, input.BillingMethod == BillingMethod.TimeAndMaterial ? defaultFrequency : null, quote.RequestedDeliveryDate);
        SalesLineParts.Roles(line.Roles, input.Roles, (id, type) => new QuoteLineRole { QuoteLineId = line.Id, RoleId = id, BillingType = type });
        SalesLineParts.Categories(line.Categories, input.Categories, (id, type) => new QuoteLineCategory { QuoteLineId = line.Id, TransactionCategoryId = id, BillingType = type });
        SalesLineParts.PriceLists(line.PriceLists, input.PriceListIds, id => new QuoteLinePriceList { QuoteLineId = line.Id, PriceListId = id });
        if (replaceMilestones || input.Milestones is not null) SetMilestones(line, SalesLineParts.Entered(input.Milestones ?? []));
        if (line.BillingMethod == BillingMethod.TimeAndMaterial) line.Milestones.Clear();
        Reschedule(line, rules.Frequency(line.InvoiceFrequencyId));
    }

    public static void SetMilestones(QuoteLine line, IEnumerable<(PlannedMilestone Plan, bool Ready)> plans) =>
        SalesLineParts.Milestones(line.Milestones, plans, (id, p, ready) => new QuoteLineMilestone
        {
            Id = id, QuoteId = line.QuoteId, QuoteLineId = line.Id, Name = p.Name, InvoiceDate = p.InvoiceDate, Amount = p.Amount,
            InvoiceStatus = ready ? MilestoneInvoiceStatus.ReadyForInvoicing : MilestoneInvoiceStatus.NotReadyForInvoicing,
        });

    /// <summary>Generates the line's invoice schedule again from its frequency, billing start and delivery date.</summary>
    public static void Reschedule(QuoteLine line, InvoiceFrequencies.InvoiceFrequency? frequency) =>
        SalesLineParts.Schedule(line.InvoiceSchedule, LineSchedule.InvoiceRuns(line, frequency), (id, r) => new QuoteLineInvoiceSchedule
        {
            Id = id, QuoteId = line.QuoteId, QuoteLineId = line.Id, InvoiceRunDate = r.InvoiceRunDate, TransactionCutoffDate = r.TransactionCutoffDate,
        });
}
