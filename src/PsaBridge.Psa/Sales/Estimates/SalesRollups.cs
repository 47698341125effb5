using PsaBridge.Psa.Actuals;

namespace PsaBridge.Psa.Sales.Estimates;

/// <summary>The money of one detail record, as the rollups read it.</summary>
public sealed record DetailAmount(Guid LineId, TransactionType TransactionType, BillingType? BillingType, decimal Amount);

/// <summary>What a line's sales value comes from: its billing method and, for fixed price, its amount.</summary>
public sealed record LineTerms(Guid LineId, BillingMethod BillingMethod, decimal? FixedAmount);

/// <summary>
/// The rollups of quotes and contracts (reference sales-and-resourcing.md A3, "Formulas"). A time-and-material
/// line sells its chargeable sales estimates; a fixed-price line sells its amount. Chargeable cost is the cost
/// of chargeable estimates, non-chargeable cost that of all others. Plain code over plain objects.
/// </summary>
public static class SalesRollups
{
    public static IReadOnlyDictionary<Guid, SalesRollup> Lines(IEnumerable<LineTerms> lines, IEnumerable<DetailAmount> details)
    {
        var byLine = details.ToLookup(d => d.LineId);
        return lines.ToDictionary(l => l.LineId, l => Line(l, byLine[l.LineId]));
    }

    public static SalesRollup Line(LineTerms line, IEnumerable<DetailAmount> details)
    {
        decimal chargeableSales = 0, chargeableCost = 0, otherCost = 0;
        foreach (var d in details)
        {
            var chargeable = d.BillingType == BillingType.Chargeable;
            if (d.TransactionType == TransactionType.Cost)
            {
                if (chargeable) chargeableCost += d.Amount;
                else otherCost += d.Amount;
            }
            else if (chargeable) chargeableSales += d.Amount;
        }
        var sales = line.BillingMethod == BillingMethod.FixedPrice ? line.FixedAmount ?? 0m : chargeableSales;
        return SalesRollup.Of(sales, chargeableCost, otherCost);
    }

    public static SalesRollup Header(IEnumerable<SalesRollup> lines)
    {
        decimal sales = 0, chargeable = 0, other = 0;
        foreach (var l in lines)
        {
            sales += l.SalesAmount;
            chargeable += l.ChargeableCost;
            other += l.NonChargeableCost;
        }
        return SalesRollup.Of(sales, chargeable, other);
    }
}
