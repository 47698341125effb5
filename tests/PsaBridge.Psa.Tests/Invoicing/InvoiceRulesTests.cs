using PsaBridge.Infrastructure.Validation;
using PsaBridge.Psa.Actuals;
using PsaBridge.Psa.Invoicing;
using PsaBridge.Psa.Sales;
using PsaBridge.Psa.Tests.Actuals;

namespace PsaBridge.Psa.Tests.Invoicing;

public sealed class InvoiceRulesTests
{
    private static readonly DateTime Now = new(2018, 2, 4, 12, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly February4 = new(2018, 2, 4);

    [Fact]
    public void A_draft_gathers_the_ready_unbilled_sales_one_line_per_contract_line()
    {
        var (contract, actuals, lines) = PostingRulesTests.ApprovedOnContract();
        var unbilled = actuals.Single(a => a.TransactionType == TransactionType.UnbilledSales);
        InvoiceRules.IsReady(unbilled, February4).ShouldBeTrue();
        InvoiceRules.IsReady(unbilled, new DateOnly(2018, 2, 2)).ShouldBeFalse();
        InvoiceRules.IsReady(actuals[0], February4).ShouldBeFalse();
        var posting = new Posting();

        var invoice = InvoiceRules.Draft(posting, contract, [new ReadyUnbilledSales(unbilled, lines[1].Id)], [], February4, Now);

        (invoice.Status, invoice.TotalAmount, invoice.InvoiceDate, invoice.CustomerId).ShouldBe((InvoiceStatus.Draft, 800m, February4, contract.CustomerId));
        var detail = invoice.Lines.ShouldHaveSingleItem().Details.ShouldHaveSingleItem();
        (detail.TransactionType, detail.ActualId, detail.Amount).ShouldBe((TransactionType.BilledSales, unbilled.Id, 800m));
        (unbilled.BillingStatus, unbilled.InvoiceId).ShouldBe((BillingStatus.CustomerInvoiceCreated, invoice.Id));
        posting.Actuals.ShouldBeEmpty();
        posting.Origins.Select(o => o.OriginType).Order().ShouldBe(["msdyn_journalline", "msdyn_timeentry"]);
        posting.Connections.Single().Transaction1Role.ShouldBe("Billed Sales");
    }

    [Fact]
    public void Confirming_posts_the_reversal_and_the_billed_sales_connected_to_the_original()
    {
        var (contract, actuals, lines) = PostingRulesTests.ApprovedOnContract();
        var unbilled = actuals.Single(a => a.TransactionType == TransactionType.UnbilledSales);
        var invoice = InvoiceRules.Draft(new Posting(), contract, [new ReadyUnbilledSales(unbilled, lines[1].Id)], [], February4, Now);
        var posting = new Posting();

        InvoiceRules.Confirm(posting, invoice, new Dictionary<Guid, Actual> { [unbilled.Id] = unbilled }, new Dictionary<Guid, ContractMilestone>(), Now);

        invoice.Status.ShouldBe(InvoiceStatus.Confirmed);
        posting.Actuals.Select(a => (a.TransactionType, a.DocumentDate, a.Quantity, a.UnitPrice, a.Amount, a.BillingStatus)).ShouldBe([
            (TransactionType.UnbilledSales, February4, -8m, 100m, -800m, (BillingStatus?)BillingStatus.CustomerInvoicePosted),
            (TransactionType.BilledSales, February4, 8m, 100m, 800m, BillingStatus.CustomerInvoicePosted),
        ]);
        unbilled.BillingStatus.ShouldBe(BillingStatus.CustomerInvoicePosted);
        var (reversal, billed) = (posting.Actuals[0], posting.Actuals[1]);
        posting.Connections.Select(c => (c.Transaction1Id, c.Transaction1Role, c.Transaction2Id, c.Transaction2Role)).ShouldBe([
            (reversal.Id, "Reversing", unbilled.Id, "Original"), (billed.Id, "Billed Sales", unbilled.Id, "Unbilled Sales"),
        ]);
        posting.Origins.Where(o => o.TransactionId == billed.Id).Select(o => o.OriginType).Order()
            .ShouldBe(["invoice", "invoicedetail", "msdyn_invoicelinetransaction", "msdyn_journalline", "msdyn_timeentry"]);
        posting.Origins.Where(o => o.TransactionId == reversal.Id).Select(o => o.OriginType).Order().ShouldBe(["msdyn_journalline", "msdyn_timeentry"]);

        Should.Throw<ConflictException>(() => InvoiceRules.Confirm(new Posting(), invoice, new Dictionary<Guid, Actual>(), new Dictionary<Guid, ContractMilestone>(), Now))
            .Message.ShouldContain("read-only");
    }

    [Fact]
    public void A_ready_milestone_is_billed_as_class_milestone()
    {
        var line = new ContractLine { Id = Guid.NewGuid(), Name = "Fixed fee", BillingMethod = BillingMethod.FixedPrice, ProjectId = Guid.NewGuid() };
        var contract = new ProjectContract { Id = Guid.NewGuid(), Name = "Alpine CRM", Currency = "USD", CustomerId = Guid.NewGuid(), Lines = [line] };
        var milestone = new ContractMilestone
        {
            Id = Guid.NewGuid(), ContractId = contract.Id, ContractLineId = line.Id, Name = "Go live", InvoiceDate = February4, Amount = 2500m,
            InvoiceStatus = MilestoneInvoiceStatus.ReadyForInvoicing,
        };
        var invoice = InvoiceRules.Draft(new Posting(), contract, [], [milestone], February4, Now);
        milestone.InvoiceStatus.ShouldBe(MilestoneInvoiceStatus.CustomerInvoiceCreated);
        var posting = new Posting();

        InvoiceRules.Confirm(posting, invoice, new Dictionary<Guid, Actual>(), new Dictionary<Guid, ContractMilestone> { [milestone.Id] = milestone }, Now);

        var billed = posting.Actuals.ShouldHaveSingleItem();
        (billed.TransactionType, billed.TransactionClass, billed.Quantity, billed.Amount, billed.ContractLineId, billed.ProjectId)
            .ShouldBe((TransactionType.BilledSales, TransactionClass.Milestone, 1m, 2500m, (Guid?)line.Id, line.ProjectId));
        milestone.InvoiceStatus.ShouldBe(MilestoneInvoiceStatus.CustomerInvoicePosted);
    }

    [Fact]
    public void Nothing_ready_is_a_conflict_worded_with_the_cut_off_date()
    {
        var contract = new ProjectContract { Id = Guid.NewGuid(), Name = "Alpine CRM", Currency = "USD" };
        Should.Throw<ConflictException>(() => InvoiceRules.Draft(new Posting(), contract, [], [], February4, Now)).Message
            .ShouldBe($"Contract 'Alpine CRM' has no unbilled sales dated on or before {February4:yyyy-MM-dd} and no milestone ready for invoicing.");
        Should.Throw<ConflictException>(() => InvoiceRules.Draft(new Posting(), contract, [], [], February4, Now, new DateOnly(2018, 2, 1))).Message
            .ShouldBe("Contract 'Alpine CRM' has no unbilled sales dated on or before 2018-02-01 and no milestone ready for invoicing.");
    }
}
