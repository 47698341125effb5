using System.Linq.Expressions;

namespace PsaBridge.Psa.Sales.Estimates;

/// <summary>A quote or a project contract, as the estimates, their pricing and the rollups see it.</summary>
public interface ISalesDeal
{
    Guid Id { get; }
    string Name { get; }
    string Currency { get; }
    Guid CustomerId { get; }
    Guid ContractingUnitId { get; }
    SalesRollup Rollup { get; }
    IEnumerable<SalesLine> DealLines { get; }
    IEnumerable<Guid> DealPriceListIds { get; }

    /// <summary>"quote" or "contract", for messages.</summary>
    string Noun { get; }
}

/// <summary>A quote or contract line detail type: how its rows are found by deal and by line, and made for a line.</summary>
public interface IDealDetail<TSelf> where TSelf : SalesLineDetail, IDealDetail<TSelf>
{
    static abstract Expression<Func<TSelf, bool>> OfDeal(Guid dealId);
    static abstract Expression<Func<TSelf, bool>> OfLines(IReadOnlyCollection<Guid> lineIds);
    static abstract Expression<Func<TSelf, DetailAmount>> Amounts { get; }
    static abstract TSelf New(ISalesDeal deal, SalesLine line);
    Guid LineId { get; }

    /// <summary>The quote line detail a contract's detail was made from when the quote was won; a quote's own details have none.</summary>
    Guid? QuoteLineDetailId => null;
}
