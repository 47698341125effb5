using PsaBridge.Psa.Sales.Estimates;

namespace PsaBridge.Psa.Sales.Quotes;

/// <summary>The details (estimates) of an open quote's lines (see <see cref="DealDetails{TDeal,TLine,TDetail}"/>).</summary>
public sealed class QuoteDetailService(QuoteStore store) : DealDetails<Quote, QuoteLine, QuoteLineDetail>(store, "Quote line detail");
