using PsaBridge.Psa.Sales.Estimates;

namespace PsaBridge.Psa.Sales.Quotes;

/// <summary>The lines of an open quote, their milestones and invoice schedules (see <see cref="DealLines{TDeal,TLine,TDetail}"/>).</summary>
public sealed class QuoteLineService(QuoteStore store) : DealLines<Quote, QuoteLine, QuoteLineDetail>(store);
