using PsaBridge.Reporting.Pipeline;
using PsaBridge.Reporting.Utilization;

namespace PsaBridge.Reporting.Tests.Reports;

/// <summary>The pipeline's weighting and the utilization roll-ups, over plain values.</summary>
public sealed class PipelineAndUtilizationRulesTests
{
    private static PipelineDeal Deal(DealOutcome outcome, string state, decimal value, int? probability, string? close, string? closed = null, string kind = PipelineRules.Opportunity) =>
        new(kind, state, outcome, close is null ? null : DateOnly.Parse(close), closed is null ? null : DateOnly.Parse(closed), value, probability, "USD");

    [Fact]
    public void Open_deals_weigh_by_probability_won_deals_fully_and_lost_deals_not_at_all()
    {
        PipelineRules.Weighted(Deal(DealOutcome.Open, "Open", 30_000m, 60, "2018-03-15")).ShouldBe(18_000m);
        PipelineRules.Weighted(Deal(DealOutcome.Open, "Open", 1_000m, 33, "2018-03-15")).ShouldBe(330m);
        PipelineRules.Weighted(Deal(DealOutcome.Open, "Open", 1_000m, null, "2018-03-15")).ShouldBe(0m);
        PipelineRules.Weighted(Deal(DealOutcome.Won, "Won", 5_000m, 10, "2018-03-15")).ShouldBe(5_000m);
        PipelineRules.Weighted(Deal(DealOutcome.Lost, "Lost", 8_000m, 90, "2018-03-15")).ShouldBe(0m);
    }

    [Fact]
    public void Deals_group_by_estimated_close_month_and_state_and_closed_opportunities_by_the_month_they_closed()
    {
        var report = PipelineRules.Build([
            Deal(DealOutcome.Open, "Open", 30_000m, 60, "2018-03-15"),
            Deal(DealOutcome.Open, "Open", 10_000m, 25, "2018-03-31"),
            Deal(DealOutcome.Open, "Draft", 30_000m, 60, "2018-03-15", kind: PipelineRules.Quote),
            Deal(DealOutcome.Won, "Won", 5_000m, 50, "2018-02-28", closed: "2018-02-10"),
            Deal(DealOutcome.Lost, "Lost", 8_000m, 50, "2018-04-10", closed: "2018-03-05"),
            Deal(DealOutcome.Open, "Open", 2_000m, 50, null),
        ]);

        report.Rows.Select(r => (r.Month?.ToString("yyyy-MM"), r.Kind, r.State, r.Count, r.Value, r.Weighted)).ShouldBe([
            ("2018-02", "Opportunity", "Won", 1, 5_000m, 5_000m),
            ("2018-03", "Opportunity", "Open", 2, 40_000m, 20_500m),
            ("2018-03", "Quote", "Draft", 1, 30_000m, 18_000m),
            ("2018-04", "Opportunity", "Lost", 1, 8_000m, 0m),
            (null, "Opportunity", "Open", 1, 2_000m, 1_000m),
        ]);
        report.WonLost.Select(r => (r.Month.ToString("yyyy-MM"), r.Won, r.WonValue, r.Lost, r.LostValue)).ShouldBe([
            ("2018-02", 1, 5_000m, 0, 0m), ("2018-03", 0, 0m, 1, 8_000m)]);
    }

    [Fact]
    public void Utilization_rolls_up_hours_and_capacity_before_taking_the_percentage()
    {
        var february = new DateOnly(2018, 2, 1);
        var rows = new[]
        {
            new UtilizationRow(february, Guid.NewGuid(), "Ashley", "Solution Architect", "Contoso US", 160m, 16m, 16m, 10m),
            new UtilizationRow(february, Guid.NewGuid(), "Ben", "Solution Architect", "Contoso US", 160m, 0m, 0m, 0m),
            new UtilizationRow(february, Guid.NewGuid(), "Chen", "Developer", "Contoso US", 80m, 4m, 0m, 0m),
        };

        var report = UtilizationRules.Build(february, new DateOnly(2018, 2, 28), rows);

        report.ByRole.Select(r => (r.Name, r.Capacity, r.ChargeableHours, r.Utilization)).ShouldBe([
            ("Developer", 80m, 0m, (decimal?)0m), ("Solution Architect", 320m, 16m, (decimal?)5m)]);
        report.ByUnit.Select(r => (r.Name, r.Capacity, r.ActualHours, r.Utilization)).ShouldBe([("Contoso US", 400m, 20m, (decimal?)4m)]);
        report.ByMonth.ShouldHaveSingleItem().Utilization.ShouldBe(4m);
        UtilizationRules.Percent(0m, 5m).ShouldBeNull();
    }
}
