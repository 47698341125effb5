using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PsaBridge.Psa.Pricing;

/// <summary>How a link of a deal, or of one of its lines, to a price list is stored: keyed by both, and a linked price list is not deleted.</summary>
internal static class PriceListLinks
{
    public static void Configure<T>(EntityTypeBuilder<T> b, string table, Expression<Func<T, object?>> key, Expression<Func<T, object?>> priceList) where T : class
    {
        b.ToTable(table);
        b.HasKey(key);
        b.HasOne<PriceList>().WithMany().HasForeignKey(priceList).OnDelete(DeleteBehavior.Restrict);
    }
}
