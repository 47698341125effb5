using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PsaBridge.Psa.Sales.Estimates;

/// <summary>
/// The estimate rollups of a quote, a contract or one of their lines, in the deal's currency:
/// <c>totalamount</c> (the sales value), <c>msdyn_totalchargeablecostrollup</c>,
/// <c>msdyn_totalnonchargeablecostrollup</c>, the gross margin (sales − chargeable cost), the adjusted
/// gross margin (sales − all cost), profitability (margin ÷ sales, in percent) and its option set.
/// </summary>
public sealed class SalesRollup
{
    public decimal SalesAmount { get; set; }
    public decimal ChargeableCost { get; set; }
    public decimal NonChargeableCost { get; set; }
    public decimal GrossMargin { get; set; }
    public decimal AdjustedGrossMargin { get; set; }

    /// <summary>Gross margin ÷ sales × 100, to two decimals; none without sales.</summary>
    public decimal? ProfitabilityPercent { get; set; }

    public Profitability Profitability { get; set; } = Profitability.NotAvailable;

    public static SalesRollup Of(decimal sales, decimal chargeableCost, decimal nonChargeableCost)
    {
        var margin = sales - chargeableCost;
        return new SalesRollup
        {
            SalesAmount = sales, ChargeableCost = chargeableCost, NonChargeableCost = nonChargeableCost, GrossMargin = margin,
            AdjustedGrossMargin = sales - chargeableCost - nonChargeableCost,
            ProfitabilityPercent = sales == 0 ? null : Math.Round(margin / sales * 100m, 2, MidpointRounding.AwayFromZero),
            // Microsoft documents no threshold; a positive margin is Profitable here.
            Profitability = sales == 0 ? Profitability.NotAvailable : margin > 0 ? Profitability.Profitable : Profitability.NotProfitable,
        };
    }

    public void CopyFrom(SalesRollup other)
    {
        SalesAmount = other.SalesAmount;
        ChargeableCost = other.ChargeableCost;
        NonChargeableCost = other.NonChargeableCost;
        GrossMargin = other.GrossMargin;
        AdjustedGrossMargin = other.AdjustedGrossMargin;
        ProfitabilityPercent = other.ProfitabilityPercent;
        Profitability = other.Profitability;
    }

    /// <summary>Maps the rollup as columns of its owner's table, named as the properties are.</summary>
    internal static void Configure<TOwner>(OwnedNavigationBuilder<TOwner, SalesRollup> r) where TOwner : class
    {
        r.Property(x => x.SalesAmount).HasColumnName(nameof(SalesAmount)).HasPrecision(19, 4);
        r.Property(x => x.ChargeableCost).HasColumnName(nameof(ChargeableCost)).HasPrecision(19, 4);
        r.Property(x => x.NonChargeableCost).HasColumnName(nameof(NonChargeableCost)).HasPrecision(19, 4);
        r.Property(x => x.GrossMargin).HasColumnName(nameof(GrossMargin)).HasPrecision(19, 4);
        r.Property(x => x.AdjustedGrossMargin).HasColumnName(nameof(AdjustedGrossMargin)).HasPrecision(19, 4);
        r.Property(x => x.ProfitabilityPercent).HasColumnName(nameof(ProfitabilityPercent)).HasPrecision(9, 2);
        r.Property(x => x.Profitability).HasColumnName(nameof(Profitability));
    }
}
