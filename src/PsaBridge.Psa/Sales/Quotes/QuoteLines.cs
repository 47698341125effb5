using PsaBridge.Infrastructure.Storage;
using PsaBridge.Psa.Sales.Estimates;
using PsaBridge.Psa.Sales.InvoiceFrequencies;

namespace PsaBridge.Psa.Sales.Quotes;

/// <summary>Makes and changes quote lines from what was entered (checked before by <see cref="SalesLineRules"/>), through <see cref="LineEditing"/>.</summary>
internal sealed class QuoteLines : ILineParts<QuoteLine>
{
    private QuoteLines() { }

    public static QuoteLine New(Quote quote, SalesLineInput input, SalesLineRules rules, Guid? defaultFrequency)
    {
        var line = new QuoteLine { Id = Ids.New(), QuoteId = quote.Id, LineNumber = quote.Lines.Select(l => l.LineNumber).DefaultIfEmpty().Max() + 1, Name = "" };
        Apply(line, quote, input, rules, defaultFrequency, replaceMilestones: true);
        return line;
    }

    /// <summary>Sets the line from the input; a line without a requested delivery date takes the quote's.</summary>
    public static void Apply(QuoteLine line, Quote quote, SalesLineInput input, SalesLineRules rules, Guid? defaultFrequency, bool replaceMilestones) =>
        LineEditing.Apply<QuoteLine, QuoteLines>(line, input, rules, defaultFrequency, quote.RequestedDeliveryDate, replaceMilestones);

    public static void Roles(QuoteLine line, List<LineRoleInput>? input) =>
        SalesLineParts.Roles(line.Roles, input, (id, type) => new QuoteLineRole { QuoteLineId = line.Id, RoleId = id, BillingType = type });

    public static void Categories(QuoteLine line, List<LineCategoryInput>? input) =>
        SalesLineParts.Categories(line.Categories, input, (id, type) => new QuoteLineCategory { QuoteLineId = line.Id, TransactionCategoryId = id, BillingType = type });

    public static void PriceLists(QuoteLine line, IEnumerable<Guid>? ids) =>
        SalesLineParts.PriceLists(line.PriceLists, ids, id => new QuoteLinePriceList { QuoteLineId = line.Id, PriceListId = id });

    public static void SetMilestones(QuoteLine line, IEnumerable<(PlannedMilestone Plan, bool Ready)> plans) =>
        SalesLineParts.Milestones(line.Milestones, plans, (id, p, ready) => new QuoteLineMilestone
        {
            Id = id, QuoteId = line.QuoteId, QuoteLineId = line.Id, Name = p.Name, InvoiceDate = p.InvoiceDate, Amount = p.Amount,
            InvoiceStatus = ready ? MilestoneInvoiceStatus.ReadyForInvoicing : MilestoneInvoiceStatus.NotReadyForInvoicing,
        });

    public static void ClearMilestones(QuoteLine line) => line.Milestones.Clear();

    /// <summary>Generates the line's invoice schedule again from its frequency, billing start and delivery date.</summary>
    public static void Reschedule(QuoteLine line, InvoiceFrequency? frequency) =>
        SalesLineParts.Schedule(line.InvoiceSchedule, LineSchedule.InvoiceRuns(line, frequency), (id, r) => new QuoteLineInvoiceSchedule
        {
            Id = id, QuoteId = line.QuoteId, QuoteLineId = line.Id, InvoiceRunDate = r.InvoiceRunDate, TransactionCutoffDate = r.TransactionCutoffDate,
        });
}
