using PsaBridge.Infrastructure.Validation;
using PsaBridge.Psa.Actuals;
using PsaBridge.Psa.Journals;
using PsaBridge.Psa.Pricing;
using PsaBridge.Psa.Time;
using static PsaBridge.Psa.Tests.Actuals.PostingRulesTests;

namespace PsaBridge.Psa.Tests.Actuals;

/// <summary>
/// The approver's billable hours, inter-organizational work, and cancelling or recalling an approval
/// (reference/psa-data-model.md §3), on plain objects without a database.
/// </summary>
public sealed class ApprovalAdjustmentRulesTests
{
    private static readonly Guid London = Guid.NewGuid();

    private static (TimeEntry Entry, Posting Submission) Submitted(PricingInputs? inputs = null, Guid? resourcingUnit = null)
    {
        var entry = Entry();
        if (resourcingUnit is { } unit) entry.ResourceOrganizationalUnitId = unit;
        var submission = new Posting();
        TimeEntryPricing.Submit(submission, entry, ProjectManager, inputs ?? AlpineCrm().Inputs, Now);
        return (entry, submission);
    }

    [Fact]
    public void Approving_with_fewer_billable_hours_posts_chargeable_unbilled_sales_for_them_and_non_chargeable_for_the_rest()
    {
        var (entry, submission) = Submitted();
        var approval = new Posting();

        var actuals = PostingRules.Approve(approval, entry.Id, TransactionTypes.TimeEntry, submission.JournalLines, Now, billableQuantity: 6m);

        actuals.Select(a => (a.TransactionType, a.BillingType, a.Quantity, a.UnitPrice, a.Amount, a.BillingStatus)).ShouldBe([
            (TransactionType.Cost, (BillingType?)BillingType.Chargeable, 8m, 50m, 400m, (BillingStatus?)null),
            (TransactionType.UnbilledSales, BillingType.Chargeable, 6m, 100m, 600m, BillingStatus.UnbilledSalesCreated),
            (TransactionType.UnbilledSales, BillingType.NonChargeable, 2m, 100m, 200m, BillingStatus.UnbilledSalesCreated),
        ]);
        var salesLine = submission.JournalLines.Single(l => l.TransactionType == TransactionType.UnbilledSales);
        foreach (var sales in actuals.Skip(1))
            approval.Origins.Where(o => o.TransactionId == sales.Id).Select(o => (o.OriginId, o.OriginType))
                .ShouldBe([(salesLine.Id, "msdyn_journalline"), (entry.Id, "msdyn_timeentry")], ignoreOrder: true);
        approval.Connections.Select(c => (c.Transaction1Id, c.Transaction1Role, c.Transaction2Id, c.Transaction2Role)).ShouldBe([
            (actuals[1].Id, "Unbilled Sales", actuals[0].Id, "Cost"), (actuals[2].Id, "Unbilled Sales", actuals[0].Id, "Cost"),
        ]);
    }

    [Fact]
    public void No_billable_hours_make_all_of_the_unbilled_sales_non_chargeable_and_the_full_hours_change_nothing()
    {
        var (entry, submission) = Submitted();
        var none = PostingRules.Approve(new Posting(), entry.Id, TransactionTypes.TimeEntry, submission.JournalLines, Now, billableQuantity: 0m);
        none.Where(a => a.TransactionType == TransactionType.UnbilledSales).Select(a => (a.BillingType, a.Quantity, a.Amount))
            .ShouldBe([((BillingType?)BillingType.NonChargeable, 8m, 800m)]);

        var (again, lines) = Submitted();
        var all = PostingRules.Approve(new Posting(), again.Id, TransactionTypes.TimeEntry, lines.JournalLines, Now, billableQuantity: 8m);
        all.Where(a => a.TransactionType == TransactionType.UnbilledSales).Select(a => (a.BillingType, a.Quantity, a.Amount))
            .ShouldBe([((BillingType?)BillingType.Chargeable, 8m, 800m)]);
    }

    [Fact]
    public void Billable_hours_can_only_lower_the_chargeable_unbilled_sales()
    {
        var (_, submission) = Submitted();
        PostingRules.BillableError(submission.JournalLines, 9m).ShouldBe("The billable quantity 9 is more than the 8 entered; an approver can only lower it.");
        PostingRules.BillableError(submission.JournalLines, -1m).ShouldBe("The billable quantity -1 is negative; it is between 0 and the quantity entered.");
        PostingRules.BillableError(submission.JournalLines, 7.5m).ShouldBeNull();
        var costOnly = submission.JournalLines.Where(l => l.TransactionType == TransactionType.Cost).ToList();
        PostingRules.BillableError(costOnly, 4m)!.ShouldStartWith("The entry posts no unbilled sales");
        var nonChargeable = submission.JournalLines.Select(l => { var c = Copy(l); c.BillingType = BillingType.NonChargeable; return c; }).ToList();
        PostingRules.BillableError(nonChargeable, 4m).ShouldBe("The entry is NonChargeable, so none of it is billable; its billable quantity can only be 0.");
        PostingRules.BillableError(nonChargeable, 0m).ShouldBeNull();

        var refused = Should.Throw<ValidationFailedException>(() => PostingRules.Approve(new Posting(), Guid.NewGuid(), TransactionTypes.TimeEntry, submission.JournalLines, Now, 9m));
        refused.Errors.Single().Field.ShouldBe("billableQuantity");
        submission.JournalLines.ShouldAllBe(l => !l.IsPosted);
    }

    [Fact]
    public void Work_of_a_resource_from_another_unit_adds_resourcing_unit_cost_and_inter_organizational_sales()
    {
        var (inputs, contract, _) = AlpineCrm();
        var londonCost = List(PriceListContext.Cost, 40m);
        londonCost.Currency = "GBP";
        var world = inputs with { ResourcingUnit = new ResourcingUnitPrices(London, "Contoso Consulting UK", [londonCost]) };
        var (entry, submission) = Submitted(world, London);

        submission.JournalLines.Select(l => (l.TransactionType, l.Quantity, l.UnitPrice, l.Amount, l.Currency, l.CustomerId, l.ContractId)).ShouldBe([
            (TransactionType.Cost, 8m, 50m, 400m, "USD", (Guid?)Customer, (Guid?)contract.Id),
            (TransactionType.UnbilledSales, 8m, 100m, 800m, "USD", Customer, contract.Id),
            (TransactionType.ResourcingUnitCost, 8m, 40m, 320m, "GBP", null, null),
            (TransactionType.InterOrganizationalSales, 8m, 50m, 400m, "USD", null, null),
        ]);
        submission.JournalLines.ShouldAllBe(l => l.ResourceOrganizationalUnitId == London && l.ContractOrganizationalUnitId == Unit);
        var approval = new Posting();
        var actuals = PostingRules.Approve(approval, entry.Id, TransactionTypes.TimeEntry, submission.JournalLines, Now);

        actuals.Select(a => (a.TransactionType, a.Amount, a.Currency)).ShouldBe([
            (TransactionType.Cost, 400m, "USD"), (TransactionType.UnbilledSales, 800m, "USD"),
            (TransactionType.ResourcingUnitCost, 320m, "GBP"), (TransactionType.InterOrganizationalSales, 400m, "USD"),
        ]);
        approval.Connections.Select(c => (c.Transaction1Id, c.Transaction1Role, c.Transaction2Id, c.Transaction2Role)).ShouldBe([
            (actuals[1].Id, "Unbilled Sales", actuals[0].Id, "Cost"), (actuals[3].Id, "Inter-organizational Sales", actuals[2].Id, "Resourcing Unit Cost"),
        ]);
        approval.Origins.Count(o => o.OriginType == "msdyn_timeentry").ShouldBe(4);
        approval.Origins.Count(o => o.OriginType == "msdyn_journalline").ShouldBe(4);
    }

    [Fact]
    public void Work_in_the_contracting_unit_posts_nothing_inter_organizational()
    {
        var (inputs, _, _) = AlpineCrm();
        var (_, submission) = Submitted(inputs with { ResourcingUnit = new ResourcingUnitPrices(London, "UK", [List(PriceListContext.Cost, 40m)]) });
        submission.JournalLines.Select(l => l.TransactionType).ShouldBe([TransactionType.Cost, TransactionType.UnbilledSales]);
    }

    [Fact]
    public void Cancelling_an_approval_reverses_the_inter_organizational_actuals_too_and_submits_the_same_lines_again()
    {
        var (inputs, _, _) = AlpineCrm();
        var world = inputs with { ResourcingUnit = new ResourcingUnitPrices(London, "UK", [List(PriceListContext.Cost, 40m)]) };
        var (entry, submission) = Submitted(world, London);
        var actuals = PostingRules.Approve(new Posting(), entry.Id, TransactionTypes.TimeEntry, submission.JournalLines, Now, 6m);
        var cancel = new Posting();

        var reversals = PostingRules.CancelApproval(cancel, entry.Id, TransactionTypes.TimeEntry, actuals, new DateOnly(2018, 2, 5), Now);
        var journal = PostingRules.Rejournalize(cancel, entry.Id, TransactionTypes.TimeEntry, submission.JournalLines, Now);

        reversals.Select(r => (r.TransactionType, r.Quantity, r.Amount, r.AdjustmentStatus)).ShouldBe([
            (TransactionType.Cost, -8m, -400m, (AdjustmentStatus?)AdjustmentStatus.Unadjustable),
            (TransactionType.UnbilledSales, -6m, -600m, AdjustmentStatus.Unadjustable), (TransactionType.UnbilledSales, -2m, -200m, AdjustmentStatus.Unadjustable),
            (TransactionType.ResourcingUnitCost, -8m, -320m, AdjustmentStatus.Unadjustable), (TransactionType.InterOrganizationalSales, -8m, -400m, AdjustmentStatus.Unadjustable),
        ]);
        actuals.ShouldAllBe(a => a.AdjustmentStatus == AdjustmentStatus.Adjusted);
        actuals.Where(a => a.TransactionType == TransactionType.UnbilledSales).ShouldAllBe(a => a.BillingStatus == BillingStatus.Canceled);
        actuals.Where(a => a.TransactionType != TransactionType.UnbilledSales).ShouldAllBe(a => a.BillingStatus == null);
        cancel.JournalLines.Select(l => (l.JournalId, l.TransactionType, l.Quantity, l.UnitPrice, l.IsPosted, l.SourceEntryId)).ShouldBe(
            submission.JournalLines.Select(l => (journal.Id, l.TransactionType, l.Quantity, l.UnitPrice, false, entry.Id)));
        cancel.Connections.Count(c => c.Transaction1Type == "msdyn_journalline").ShouldBe(2);
        var approvedAgain = PostingRules.Approve(new Posting(), entry.Id, TransactionTypes.TimeEntry, cancel.JournalLines, Now);
        approvedAgain.Sum(a => a.TransactionType == TransactionType.UnbilledSales ? a.Amount : 0).ShouldBe(800m);
    }

    [Fact]
    public void An_approval_on_a_draft_or_confirmed_invoice_can_be_neither_cancelled_nor_recalled()
    {
        var actuals = ApprovedActuals(out var entryId);
        PostingRules.EnsureNotInvoiced(entryId, actuals);
        actuals[1].BillingStatus = BillingStatus.ReadyToInvoice;
        PostingRules.EnsureNotInvoiced(entryId, actuals);
        foreach (var status in new[] { BillingStatus.CustomerInvoiceCreated, BillingStatus.CustomerInvoicePosted })
        {
            actuals[1].BillingStatus = status;
            Should.Throw<ConflictException>(() => PostingRules.EnsureNotInvoiced(entryId, actuals)).Message.ShouldContain($"({status})");
        }
    }

    private static JournalLine Copy(JournalLine line)
    {
        var copy = new JournalLine { Id = line.Id, Currency = line.Currency, JournalId = line.JournalId, SourceEntryId = line.SourceEntryId };
        copy.CopyFrom(line);
        return copy;
    }
}
