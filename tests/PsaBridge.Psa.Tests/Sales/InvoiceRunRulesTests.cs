using PsaBridge.Psa.Actuals;
using PsaBridge.Psa.Invoicing;
using PsaBridge.Psa.Invoicing.InvoiceRuns;
using PsaBridge.Psa.Sales;

namespace PsaBridge.Psa.Tests.Sales;

public sealed class InvoiceRunRulesTests
{
    private static readonly ProjectContract Contract = new() { Id = Guid.NewGuid(), Name = "Alpine CRM", Currency = "USD" };
    private static readonly Guid TimeLine = Guid.NewGuid(), FixedLine = Guid.NewGuid();

    private static ReadyUnbilledSales Unbilled(DateOnly date, Guid line) => new(new Actual
    {
        Id = Guid.NewGuid(), Currency = "USD", TransactionType = TransactionType.UnbilledSales, BillingStatus = BillingStatus.UnbilledSalesCreated,
        ContractId = Contract.Id, ContractLineId = line, DocumentDate = date, Quantity = 8m, UnitPrice = 100m, Amount = 800m,
    }, null);

    private static ContractMilestone Milestone(DateOnly date, MilestoneInvoiceStatus status) => new()
    {
        Id = Guid.NewGuid(), ContractId = Contract.Id, ContractLineId = FixedLine, Name = "M", InvoiceDate = date, Amount = 10_000m, InvoiceStatus = status,
    };

    [Fact]
    public void A_due_row_takes_its_lines_unbilled_sales_up_to_the_cut_off_and_ready_milestones_whose_date_has_come()
    {
        var february3 = Unbilled(new(2018, 2, 3), TimeLine);
        var february28 = Unbilled(new(2018, 2, 28), TimeLine);
        var otherLine = Unbilled(new(2018, 2, 3), Guid.NewGuid());
        var ready = Milestone(new(2018, 2, 1), MilestoneInvoiceStatus.ReadyForInvoicing);
        var later = Milestone(new(2018, 3, 1), MilestoneInvoiceStatus.ReadyForInvoicing);
        var notReady = Milestone(new(2018, 2, 1), MilestoneInvoiceStatus.NotReadyForInvoicing);
        var row = new DueRun(Guid.NewGuid(), TimeLine, new(2018, 2, 28), new(2018, 2, 27));

        var plan = InvoiceRunRules.Plan(Contract, [row], [february3, february28, otherLine], [ready, later, notReady], new DateOnly(2018, 2, 28));

        plan.Unbilled.ShouldBe([february3]);
        plan.Milestones.ShouldBe([ready]);
        plan.ScheduleIds.ShouldBe([row.ScheduleId]);
        plan.HasWork.ShouldBeTrue();
    }

    [Fact]
    public void Rows_missed_before_take_everything_up_to_the_latest_cut_off_and_a_contract_with_nothing_ready_has_no_work()
    {
        var march = Unbilled(new(2018, 3, 10), TimeLine);
        DueRun[] rows = [new(Guid.NewGuid(), TimeLine, new(2018, 2, 28), new(2018, 2, 27)), new(Guid.NewGuid(), TimeLine, new(2018, 3, 31), new(2018, 3, 30))];

        InvoiceRunRules.Plan(Contract, rows, [march], [], new DateOnly(2018, 3, 31)).Unbilled.ShouldBe([march]);
        var nothing = InvoiceRunRules.Plan(Contract, rows, [], [], new DateOnly(2018, 3, 31));
        (nothing.HasWork, nothing.ScheduleIds.Count).ShouldBe((false, 2));
    }
}
