using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PsaBridge.Psa.Sales.Estimates;

namespace PsaBridge.Psa.Sales.Quotes;

/// <summary>A quote line detail (<c>msdyn_quotelinetransaction</c>): one record of an estimate of a quote line (see <see cref="SalesLineDetail"/>).</summary>
public sealed class QuoteLineDetail : SalesLineDetail, IDealDetail<QuoteLineDetail>
{
    /// <summary><c>msdyn_quoteid</c>, kept on the detail as Dataverse does, so a quote's details are one indexed read.</summary>
    public Guid QuoteId { get; set; }

    public Guid QuoteLineId { get; set; }

    public Guid LineId => QuoteLineId;

    public static Expression<Func<QuoteLineDetail, bool>> OfDeal(Guid dealId) => d => d.QuoteId == dealId;
    public static Expression<Func<QuoteLineDetail, bool>> OfLines(IReadOnlyCollection<Guid> lineIds) => d => lineIds.Contains(d.QuoteLineId);
    public static Expression<Func<QuoteLineDetail, DetailAmount>> Amounts => d => new DetailAmount(d.QuoteLineId, d.TransactionType, d.BillingType, d.Amount);
    public static QuoteLineDetail New(ISalesDeal deal, SalesLine line) => new() { QuoteId = deal.Id, QuoteLineId = line.Id, Currency = deal.Currency };
}

internal sealed class QuoteLineDetailConfiguration : IEntityTypeConfiguration<QuoteLineDetail>
{
    public void Configure(EntityTypeBuilder<QuoteLineDetail> b)
    {
        b.ToTable("QuoteLineDetails");
        SalesLineDetail.ConfigureDetail(b);
        b.Ignore(d => d.LineId);
        b.HasOne<Quote>().WithMany().HasForeignKey(d => d.QuoteId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<QuoteLine>().WithMany().HasForeignKey(d => d.QuoteLineId).OnDelete(DeleteBehavior.Cascade);
    }
}
