using PsaBridge.Psa.Actuals;
using PsaBridge.Psa.Sales;
using PsaBridge.Psa.Sales.Estimates;

namespace PsaBridge.Psa.Tests.Sales;

public sealed class SalesRollupsTests
{
    private static readonly Guid TimeLine = Guid.NewGuid(), FixedLine = Guid.NewGuid();

    [Fact]
    public void The_worked_example_rolls_up_to_sales_30000_chargeable_cost_5000_and_a_margin_of_25000()
    {
        DetailAmount[] details =
        [
            new(TimeLine, TransactionType.ProjectContract, BillingType.Chargeable, 10_000m),
            new(TimeLine, TransactionType.Cost, BillingType.Chargeable, 5_000m),
        ];

        var lines = SalesRollups.Lines([new(TimeLine, BillingMethod.TimeAndMaterial, null), new(FixedLine, BillingMethod.FixedPrice, 20_000m)], details);
        var quote = SalesRollups.Header(lines.Values);

        var time = lines[TimeLine];
        (time.SalesAmount, time.ChargeableCost, time.NonChargeableCost, time.GrossMargin, time.ProfitabilityPercent, time.Profitability)
            .ShouldBe((10_000m, 5_000m, 0m, 5_000m, (decimal?)50m, Profitability.Profitable));
        (lines[FixedLine].SalesAmount, lines[FixedLine].GrossMargin, lines[FixedLine].ProfitabilityPercent).ShouldBe((20_000m, 20_000m, (decimal?)100m));
        (quote.SalesAmount, quote.ChargeableCost, quote.GrossMargin, quote.AdjustedGrossMargin, quote.ProfitabilityPercent)
            .ShouldBe((30_000m, 5_000m, 25_000m, 25_000m, (decimal?)83.33m));
    }

    [Fact]
    public void Non_chargeable_estimates_count_as_non_chargeable_cost_and_sell_nothing()
    {
        DetailAmount[] details =
        [
            new(TimeLine, TransactionType.ProjectContract, BillingType.Chargeable, 1_000m),
            new(TimeLine, TransactionType.Cost, BillingType.Chargeable, 600m),
            new(TimeLine, TransactionType.ProjectContract, BillingType.NonChargeable, 500m),
            new(TimeLine, TransactionType.Cost, BillingType.NonChargeable, 300m),
            new(TimeLine, TransactionType.Cost, BillingType.Complimentary, 100m),
        ];

        var line = SalesRollups.Line(new LineTerms(TimeLine, BillingMethod.TimeAndMaterial, null), details);

        (line.SalesAmount, line.ChargeableCost, line.NonChargeableCost, line.GrossMargin, line.AdjustedGrossMargin, line.ProfitabilityPercent)
            .ShouldBe((1_000m, 600m, 400m, 400m, 0m, (decimal?)40m));
    }

    [Fact]
    public void A_line_without_sales_has_no_profitability_and_one_selling_below_cost_is_not_profitable()
    {
        var empty = SalesRollups.Line(new LineTerms(TimeLine, BillingMethod.TimeAndMaterial, null), [new(TimeLine, TransactionType.Cost, BillingType.Chargeable, 50m)]);
        (empty.SalesAmount, empty.GrossMargin, empty.ProfitabilityPercent, empty.Profitability).ShouldBe((0m, -50m, (decimal?)null, Profitability.NotAvailable));

        var loss = SalesRollups.Line(new LineTerms(FixedLine, BillingMethod.FixedPrice, 300m), [new(FixedLine, TransactionType.Cost, BillingType.Chargeable, 400m)]);
        (loss.GrossMargin, loss.ProfitabilityPercent, loss.Profitability).ShouldBe((-100m, (decimal?)-33.33m, Profitability.NotProfitable));
    }
}
