using PsaBridge.Infrastructure.Validation;
using PsaBridge.Psa.Actuals;
using PsaBridge.Psa.Invoicing;
using PsaBridge.Psa.Sales;
using PsaBridge.Psa.Tests.Actuals;

namespace PsaBridge.Psa.Tests.Invoicing;

/// <summary>Reviewing a draft's details and correcting a confirmed invoice (reference/psa-data-model.md §3), without a database.</summary>
public sealed class InvoiceCorrectionRulesTests
{
    private static readonly DateTime Now = new(2018, 2, 4, 12, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly February4 = new(2018, 2, 4), March1 = new(2018, 3, 1);

    /// <summary>The seed's 8 hours approved, drafted and confirmed: the invoice, the billed sales and the unbilled sales it billed.</summary>
    private static (Invoice Invoice, Actual Billed, Actual Unbilled, Guid JournalLine) Confirmed8Hours()
    {
        var (contract, actuals, lines) = PostingRulesTests.ApprovedOnContract();
        var unbilled = actuals.Single(a => a.TransactionType == TransactionType.UnbilledSales);
        var salesLine = lines.Single(l => l.TransactionType == TransactionType.UnbilledSales).Id;
        var invoice = InvoiceRules.Draft(new Posting(), contract, [new ReadyUnbilledSales(unbilled, salesLine)], [], February4, Now);
        var confirmation = new Posting();
        InvoiceRules.Confirm(confirmation, invoice, new Dictionary<Guid, Actual> { [unbilled.Id] = unbilled }, new Dictionary<Guid, ContractMilestone>(), Now);
        return (invoice, confirmation.Actuals.Single(a => a.TransactionType == TransactionType.BilledSales), unbilled, salesLine);
    }

    private static BilledDetail[] BilledOf(Invoice invoice, Actual billed) => [new(invoice.Lines[0].Details[0], billed)];

    [Fact]
    public void A_correction_drafts_each_billed_sales_at_quantity_zero_with_its_origins_and_a_replacing_connection()
    {
        var (invoice, billed, unbilled, journalLine) = Confirmed8Hours();
        var posting = new Posting();

        var correction = InvoiceCorrections.DraftCorrection(posting, invoice, BilledOf(invoice, billed), March1, Now);

        (correction.Status, correction.OriginalInvoiceId, correction.InvoiceDate, correction.TotalAmount).ShouldBe((InvoiceStatus.Draft, (Guid?)invoice.Id, March1, 0m));
        correction.Name.ShouldBe($"Correction of {invoice.Name}");
        var detail = correction.Lines.ShouldHaveSingleItem().Details.ShouldHaveSingleItem();
        (detail.IsCorrection, detail.Quantity, detail.Amount, detail.PreviousQuantity, detail.PreviousAmount, detail.UnitPrice, detail.BilledActualId, detail.OriginalDetailId)
            .ShouldBe((true, 0m, 0m, 8m, 800m, 100m, (Guid?)billed.Id, (Guid?)invoice.Lines[0].Details[0].Id));
        posting.Origins.Where(o => o.TransactionId == detail.Id).Select(o => (o.OriginId, o.OriginType)).ShouldBe([
            (invoice.Lines[0].Details[0].Id, "msdyn_invoicelinetransaction"), (invoice.Lines[0].Id, "invoicedetail"), (invoice.Id, "invoice"),
            (unbilled.SourceEntryId!.Value, "msdyn_timeentry"), (journalLine, "msdyn_journalline"),
        ], ignoreOrder: true);
        posting.Connections.Select(c => (c.Transaction1Id, c.Transaction1Role, c.Transaction1Type, c.Transaction2Id, c.Transaction2Role, c.Transaction2Type))
            .ShouldBe([(detail.Id, "Replacing", "msdyn_invoicelinetransaction", billed.Id, "Original", "msdyn_actual")]);
    }

    [Fact]
    public void Confirming_a_correction_from_8_to_6_hours_reverses_the_billed_sales_bills_6_and_makes_2_unbilled_again()
    {
        var (invoice, billed, unbilled, journalLine) = Confirmed8Hours();
        var correction = InvoiceCorrections.DraftCorrection(new Posting(), invoice, BilledOf(invoice, billed), March1, Now);
        var detail = correction.Lines[0].Details[0];
        InvoiceRules.EditDetail(correction, detail, 6m, null);
        (detail.Quantity, detail.Amount, correction.TotalAmount).ShouldBe((6m, 600m, 600m));
        var posting = new Posting();

        InvoiceCorrections.ConfirmCorrectionDetail(posting, correction, correction.Lines[0], detail, invoice, billed, null, Now);

        posting.Actuals.Select(a => (a.TransactionType, a.BillingType, a.DocumentDate, a.Quantity, a.UnitPrice, a.Amount, a.BillingStatus, a.AdjustmentStatus, a.InvoiceId)).ShouldBe([
            (TransactionType.BilledSales, (BillingType?)BillingType.Chargeable, March1, -8m, 100m, -800m, (BillingStatus?)BillingStatus.CustomerInvoicePosted, (AdjustmentStatus?)AdjustmentStatus.Unadjustable, (Guid?)correction.Id),
            (TransactionType.BilledSales, BillingType.Chargeable, March1, 6m, 100m, 600m, BillingStatus.CustomerInvoicePosted, null, correction.Id),
            (TransactionType.UnbilledSales, BillingType.Chargeable, March1, 2m, 100m, 200m, BillingStatus.UnbilledSalesCreated, null, null),
        ]);
        billed.AdjustmentStatus.ShouldBe(AdjustmentStatus.Adjusted);
        var (reversal, rebilled, remainder) = (posting.Actuals[0], posting.Actuals[1], posting.Actuals[2]);
        remainder.SourceEntryId.ShouldBe(unbilled.SourceEntryId);
        remainder.ContractLineId.ShouldBe(unbilled.ContractLineId);
        InvoiceRules.IsReady(remainder, March1).ShouldBeTrue();

        string[] five = ["invoice", "invoicedetail", "msdyn_invoicelinetransaction", "msdyn_journalline", "msdyn_timeentry"];
        Origins(posting, reversal.Id).ShouldBe([(invoice.Id, "invoice"), (invoice.Lines[0].Id, "invoicedetail"), (invoice.Lines[0].Details[0].Id, "msdyn_invoicelinetransaction"),
            (journalLine, "msdyn_journalline"), (unbilled.SourceEntryId!.Value, "msdyn_timeentry")], ignoreOrder: true);
        Origins(posting, rebilled.Id).ShouldBe([(correction.Id, "invoice"), (correction.Lines[0].Id, "invoicedetail"), (detail.Id, "msdyn_invoicelinetransaction"),
            (journalLine, "msdyn_journalline"), (unbilled.SourceEntryId!.Value, "msdyn_timeentry")], ignoreOrder: true);
        Origins(posting, remainder.Id).Select(o => o.Type).Order().ShouldBe(five.Concat(["invoice", "invoicedetail", "msdyn_invoicelinetransaction"]).Order());
        Origins(posting, remainder.Id).ShouldContain((detail.Id, "msdyn_invoicelinetransaction"));
        posting.Connections.Select(c => (c.Transaction1Id, c.Transaction1Role, c.Transaction2Id, c.Transaction2Role)).ShouldBe([
            (reversal.Id, "Reversing", billed.Id, "Original"), (remainder.Id, "Replacing", billed.Id, "Original"),
        ]);
    }

    [Fact]
    public void A_correction_left_at_zero_credits_everything_and_all_the_hours_are_unbilled_again()
    {
        var (invoice, billed, _, _) = Confirmed8Hours();
        var correction = InvoiceCorrections.DraftCorrection(new Posting(), invoice, BilledOf(invoice, billed), March1, Now);
        var posting = new Posting();

        InvoiceCorrections.ConfirmCorrectionDetail(posting, correction, correction.Lines[0], correction.Lines[0].Details[0], invoice, billed, null, Now);

        posting.Actuals.Select(a => (a.TransactionType, a.Quantity, a.Amount)).ShouldBe([(TransactionType.BilledSales, -8m, -800m), (TransactionType.UnbilledSales, 8m, 800m)]);
    }

    [Fact]
    public void A_credited_milestone_is_ready_for_invoicing_again()
    {
        var line = new ContractLine { Id = Guid.NewGuid(), Name = "Fixed fee", BillingMethod = BillingMethod.FixedPrice, ProjectId = Guid.NewGuid() };
        var contract = new ProjectContract { Id = Guid.NewGuid(), Name = "Alpine CRM", Currency = "USD", CustomerId = Guid.NewGuid(), Lines = [line] };
        var milestone = new ContractMilestone
        {
            Id = Guid.NewGuid(), ContractId = contract.Id, ContractLineId = line.Id, Name = "Go live", InvoiceDate = February4, Amount = 2500m,
            InvoiceStatus = MilestoneInvoiceStatus.ReadyForInvoicing,
        };
        var invoice = InvoiceRules.Draft(new Posting(), contract, [], [milestone], February4, Now);
        var confirmation = new Posting();
        InvoiceRules.Confirm(confirmation, invoice, new Dictionary<Guid, Actual>(), new Dictionary<Guid, ContractMilestone> { [milestone.Id] = milestone }, Now);
        var billed = confirmation.Actuals.Single();
        var correction = InvoiceCorrections.DraftCorrection(new Posting(), invoice, BilledOf(invoice, billed), March1, Now);
        Should.Throw<ValidationFailedException>(() => InvoiceRules.EditDetail(correction, correction.Lines[0].Details[0], 0.5m, null)).Errors.Single().Message
            .ShouldBe("Quantity 0.5 is not 0 or 1: a milestone is credited whole or not at all.");
        var posting = new Posting();

        InvoiceCorrections.ConfirmCorrectionDetail(posting, correction, correction.Lines[0], correction.Lines[0].Details[0], invoice, billed, milestone, Now);

        posting.Actuals.Select(a => (a.TransactionType, a.TransactionClass, a.Quantity, a.Amount)).ShouldBe([(TransactionType.BilledSales, TransactionClass.Milestone, -1m, -2500m)]);
        (milestone.InvoiceStatus, milestone.InvoiceId).ShouldBe((MilestoneInvoiceStatus.ReadyForInvoicing, (Guid?)null));
    }

    [Fact]
    public void Only_a_confirmed_invoice_with_billed_sales_left_can_be_corrected()
    {
        var (contract, actuals, _) = PostingRulesTests.ApprovedOnContract();
        var draft = InvoiceRules.Draft(new Posting(), contract, [new ReadyUnbilledSales(actuals[1], null)], [], February4, Now);
        Should.Throw<ConflictException>(() => InvoiceCorrections.DraftCorrection(new Posting(), draft, [], March1, Now)).Message.ShouldContain("only a confirmed invoice");
        var (invoice, billed, _, _) = Confirmed8Hours();
        Should.Throw<ConflictException>(() => InvoiceCorrections.DraftCorrection(new Posting(), invoice, [], March1, Now)).Message.ShouldContain("no billed sales left");
        Should.Throw<ValidationFailedException>(() => InvoiceCorrections.DraftCorrection(new Posting(), invoice, BilledOf(invoice, billed), new DateOnly(2018, 2, 1), Now))
            .Errors.Single().Field.ShouldBe("invoiceDate");
    }

    [Fact]
    public void A_draft_detail_lowered_to_6_hours_bills_6_chargeable_and_the_other_2_non_chargeable()
    {
        var (contract, actuals, lines) = PostingRulesTests.ApprovedOnContract();
        var unbilled = actuals.Single(a => a.TransactionType == TransactionType.UnbilledSales);
        var invoice = InvoiceRules.Draft(new Posting(), contract, [new ReadyUnbilledSales(unbilled, lines[1].Id)], [], February4, Now);
        var detail = invoice.Lines[0].Details[0];
        (detail.PreviousQuantity, detail.PreviousAmount).ShouldBe((8m, 800m));

        InvoiceRules.EditDetail(invoice, detail, 6m, null);

        (invoice.TotalAmount, invoice.Lines[0].ChargeableAmount, invoice.Lines[0].NonChargeableAmount).ShouldBe((600m, 600m, 200m));
        var posting = new Posting();
        InvoiceRules.Confirm(posting, invoice, new Dictionary<Guid, Actual> { [unbilled.Id] = unbilled }, new Dictionary<Guid, ContractMilestone>(), Now);
        posting.Actuals.Select(a => (a.TransactionType, a.BillingType, a.Quantity, a.Amount)).ShouldBe([
            (TransactionType.UnbilledSales, (BillingType?)BillingType.Chargeable, -8m, -800m),
            (TransactionType.BilledSales, BillingType.Chargeable, 6m, 600m), (TransactionType.BilledSales, BillingType.NonChargeable, 2m, 200m),
        ]);
        posting.Connections.Count(c => c.Transaction1Role == "Billed Sales" && c.Transaction2Id == unbilled.Id).ShouldBe(2);
    }

    [Fact]
    public void A_draft_detail_takes_a_quantity_between_zero_and_what_it_was_drafted_at_and_a_billable_billing_type()
    {
        var (contract, actuals, _) = PostingRulesTests.ApprovedOnContract();
        var invoice = InvoiceRules.Draft(new Posting(), contract, [new ReadyUnbilledSales(actuals[1], null)], [], February4, Now);
        var detail = invoice.Lines[0].Details[0];

        Should.Throw<ValidationFailedException>(() => InvoiceRules.EditDetail(invoice, detail, 9m, null)).Errors.Single().Message
            .ShouldBe("Quantity 9 is out of range: it is between 0 and the 8 the detail was drafted at; it can be lowered, never raised.");
        Should.Throw<ValidationFailedException>(() => InvoiceRules.EditDetail(invoice, detail, null, BillingType.NotAvailable)).Errors.Single().Field.ShouldBe("billingType");
        InvoiceRules.EditDetail(invoice, detail, null, BillingType.Complimentary);
        (invoice.TotalAmount, invoice.Lines[0].ComplimentaryAmount).ShouldBe((0m, 800m));
        InvoiceRules.MarkConfirmed(invoice, Now);
        Should.Throw<ConflictException>(() => InvoiceRules.EditDetail(invoice, detail, 1m, null)).Message.ShouldContain("read-only");
    }

    private static List<(Guid Id, string Type)> Origins(Posting posting, Guid transaction) =>
        posting.Origins.Where(o => o.TransactionId == transaction).Select(o => (o.OriginId, o.OriginType)).ToList();
}
