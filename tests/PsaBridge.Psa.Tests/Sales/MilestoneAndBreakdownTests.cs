using PsaBridge.Infrastructure.Validation;
using PsaBridge.Psa.Actuals;
using PsaBridge.Psa.Sales.Estimates;

namespace PsaBridge.Psa.Tests.Sales;

public sealed class MilestoneAndBreakdownTests
{
    [Fact]
    public void Periodic_milestones_split_the_amount_equally_and_the_last_takes_the_rounding()
    {
        var dates = new[] { new DateOnly(2018, 2, 28), new DateOnly(2018, 3, 31), new DateOnly(2018, 4, 30) };

        var milestones = MilestoneRules.Periodic(10_000m, dates);

        milestones.Select(m => (m.InvoiceDate, m.Amount)).ShouldBe([(dates[0], 3_333.33m), (dates[1], 3_333.33m), (dates[2], 3_333.34m)]);
        milestones.Sum(m => m.Amount).ShouldBe(10_000m);
        milestones[0].Name.ShouldBe("Milestone 1 (2018-02-28)");
    }

    [Fact]
    public void Milestones_that_do_not_add_up_to_the_line_amount_are_an_error_naming_both_sums()
    {
        var rules = MilestoneRules.CheckTotal(new Rules(), "milestones", "CRM go-live", 20_000m, [10_000m, 9_000m]);

        rules.Errors.Single().ShouldBe(new FieldError("milestones",
            "The milestones of line 'CRM go-live' add up to 19000.00 (2 milestone(s)), not to the line amount 20000.00; create, change or delete milestones until they do."));
        MilestoneRules.CheckTotal(new Rules(), "milestones", "CRM go-live", 20_000m, [10_000m, 10_000m]).Ok.ShouldBeTrue();
    }

    [Fact]
    public void An_amount_over_several_months_is_spread_by_days_to_the_cent()
    {
        var spread = AnalyticsBreakdown.Spread(new DateOnly(2018, 2, 1), new DateOnly(2018, 4, 30), 10_000m);

        // 28 + 31 + 30 = 89 days.
        spread.ShouldBe([(new DateOnly(2018, 2, 1), 3_146.07m), (new DateOnly(2018, 3, 1), 3_483.15m), (new DateOnly(2018, 4, 1), 3_370.78m)]);
        spread.Sum(s => s.Amount).ShouldBe(10_000m);
        AnalyticsBreakdown.Spread(new DateOnly(2018, 2, 3), new DateOnly(2018, 2, 3), 800m).ShouldBe([(new DateOnly(2018, 2, 1), 800m)]);
    }

    [Fact]
    public void The_breakdown_sells_chargeable_time_and_fixed_price_milestones_and_costs_every_estimate()
    {
        var role = Guid.NewGuid();
        var roles = new Dictionary<Guid, string> { [role] = "Project Manager" };
        BreakdownInput[] records =
        [
            new(TransactionType.ProjectContract, TransactionClass.Time, BillingType.Chargeable, role, null, new(2018, 2, 1), new(2018, 2, 28), 10_000m, false),
            new(TransactionType.Cost, TransactionClass.Time, BillingType.Chargeable, role, null, new(2018, 2, 1), new(2018, 2, 28), 5_000m, false),
            new(TransactionType.ProjectContract, TransactionClass.Time, BillingType.Chargeable, role, null, new(2018, 3, 1), new(2018, 3, 2), 999m, true),
            new(TransactionType.Cost, TransactionClass.Time, BillingType.Chargeable, role, null, new(2018, 3, 1), new(2018, 3, 2), 700m, true),
        ];

        var rows = AnalyticsBreakdown.Rows(records, [new PlannedMilestone("Go-live", new DateOnly(2018, 3, 15), 20_000m)], roles, new Dictionary<Guid, string>());

        rows.Select(r => (r.Month, r.TransactionClass, r.Role, r.Cost, r.Sales, r.Margin)).ShouldBe([
            (new DateOnly(2018, 2, 1), TransactionClass.Time, (string?)"Project Manager", 5_000m, 10_000m, 5_000m),
            (new DateOnly(2018, 3, 1), TransactionClass.Time, "Project Manager", 700m, 0m, -700m),
            (new DateOnly(2018, 3, 1), TransactionClass.Milestone, null, 0m, 20_000m, 20_000m),
        ]);
    }
}
