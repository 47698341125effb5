using PsaBridge.Psa.Actuals;
using PsaBridge.Psa.Sales;
using PsaBridge.Reporting.Backlog;
using PsaBridge.Reporting.Profitability;

namespace PsaBridge.Reporting.Tests.Reports;

/// <summary>The reports' rules, without a database.</summary>
public sealed class ReportRulesTests
{
    [Theory]
    [InlineData("2018-02-10", "2018-02-03", 0)]
    [InlineData("2018-02-10", "2018-01-11", 0)]
    [InlineData("2018-02-10", "2018-01-10", 1)]
    [InlineData("2018-02-10", "2017-12-12", 1)]
    [InlineData("2018-02-10", "2017-12-11", 2)]
    [InlineData("2018-02-10", "2017-11-12", 2)]
    [InlineData("2018-02-10", "2017-11-11", 3)]
    public void A_transaction_is_aged_by_whole_days_from_its_document_date(string asOf, string documentDate, int bucket) =>
        BacklogRules.Bucket(DateOnly.Parse(asOf), DateOnly.Parse(documentDate)).ShouldBe(bucket);

    [Fact]
    public void Invoiced_work_counts_once_in_revenue_as_billed_sales()
    {
        var amounts = ProfitAmounts.Zero
            .Add(TransactionType.Cost, 400m)
            .Add(TransactionType.UnbilledSales, 800m)
            .Add(TransactionType.UnbilledSales, -800m)
            .Add(TransactionType.BilledSales, 800m)
            .Add(TransactionType.ResourcingUnitCost, 400m)
            .Add(TransactionType.InterOrganizationalSales, 800m);

        (amounts.Cost, amounts.UnbilledSales, amounts.BilledSales, amounts.Revenue, amounts.GrossMargin, amounts.MarginPercent)
            .ShouldBe((400m, 0m, 800m, 800m, 400m, (decimal?)50.00m));
        new ProfitAmounts(100m, 0m, 0m).MarginPercent.ShouldBeNull();
    }

    [Fact]
    public void Projects_roll_up_by_customer_and_contracting_unit_per_currency_with_their_budgets_and_quote_estimates()
    {
        Guid a = Guid.NewGuid(), b = Guid.NewGuid(), c = Guid.NewGuid(), customer = Guid.NewGuid(), unit = Guid.NewGuid();
        var projects = new Dictionary<Guid, ProjectFacts>
        {
            [a] = new(a, "A", customer, "Alpine", unit, "US", 1_000m, 900m),
            [b] = new(b, "B", customer, "Alpine", unit, "US", null, 400m),
            [c] = new(c, "C", null, null, unit, "US", null, null),
        };
        ProjectTotal T(Guid p, TransactionType type, decimal amount, string currency = "USD") => new(p, currency, type, amount);

        var report = ProfitabilityRules.Build(
        [
            T(a, TransactionType.Cost, 100m), T(a, TransactionType.BilledSales, 300m),
            T(b, TransactionType.Cost, 50m), T(b, TransactionType.UnbilledSales, 100m),
            T(c, TransactionType.Cost, 70m), T(c, TransactionType.Cost, 10m, "EUR"),
        ], projects);

        report.Projects.Select(p => (p.Name, p.Currency, p.Revenue, p.GrossMargin, p.Budget, p.QuoteEstimate)).ShouldBe([
            ("A", "USD", 300m, 200m, (decimal?)1_000m, (decimal?)900m), ("B", "USD", 100m, 50m, null, 400m), ("C", "EUR", 0m, -10m, null, null), ("C", "USD", 0m, -70m, null, null)]);
        report.Customers.Select(r => (r.Name, r.Currency, r.Cost, r.Revenue, r.MarginPercent, r.Budget, r.QuoteEstimate)).ShouldBe([
            ("Alpine", "USD", 150m, 400m, (decimal?)62.50m, (decimal?)1_000m, (decimal?)1_300m), ("(internal)", "EUR", 10m, 0m, null, null, null),
            ("(internal)", "USD", 70m, 0m, null, null, null)]);
        report.ContractingUnits.Select(r => (r.Name, r.Currency, r.Cost, r.Revenue, r.QuoteEstimate))
            .ShouldBe([("US", "USD", 220m, 400m, (decimal?)1_300m), ("US", "EUR", 10m, 0m, null)]);
    }

    [Fact]
    public void The_backlog_ages_outstanding_unbilled_sales_and_counts_milestones_not_invoiced()
    {
        var contract = Guid.NewGuid();
        var contracts = new Dictionary<Guid, ContractFacts> { [contract] = new(contract, "Alpine CRM", "Alpine Ski House", "USD") };
        var asOf = new DateOnly(2018, 4, 30);

        var report = BacklogRules.Build(asOf,
        [
            new(contract, "USD", new DateOnly(2018, 4, 20), BillingStatus.UnbilledSalesCreated, 100m),
            new(contract, "USD", new DateOnly(2018, 3, 20), BillingStatus.ReadyToInvoice, 200m),
            new(contract, "USD", new DateOnly(2018, 2, 20), BillingStatus.CustomerInvoiceCreated, 300m),
            new(contract, "USD", new DateOnly(2018, 1, 1), BillingStatus.UnbilledSalesCreated, 400m),
            new(contract, "USD", new DateOnly(2018, 5, 1), BillingStatus.UnbilledSalesCreated, 999m),
        ],
        [new(contract, MilestoneInvoiceStatus.ReadyForInvoicing, 50m), new(contract, MilestoneInvoiceStatus.NotReadyForInvoicing, 25m)], contracts);

        var row = report.Contracts.Single();
        (row.Contract, row.Customer, row.Unbilled, row.Days0To30, row.Days31To60, row.Days61To90, row.Over90Days)
            .ShouldBe(("Alpine CRM", "Alpine Ski House", 1_000m, 100m, 200m, 300m, 400m));
        (row.ReadyToInvoice, row.OnDraftInvoice, row.MilestonesNotInvoiced, row.MilestonesReady).ShouldBe((700m, 300m, 75m, 50m));
    }
}
