using PsaBridge.Infrastructure.Validation;
using PsaBridge.Psa.Actuals;
using PsaBridge.Psa.Journals;
using PsaBridge.Psa.Pricing;
using PsaBridge.Psa.Resources;
using PsaBridge.Psa.Sales;
using PsaBridge.Psa.Time;

namespace PsaBridge.Psa.Tests.Actuals;

/// <summary>The seed's flow (seeds/003) on plain objects, without a database.</summary>
public sealed class PostingRulesTests
{
    internal static readonly DateTime Now = new(2018, 2, 3, 17, 0, 0, DateTimeKind.Utc);
    internal static readonly Guid Unit = Guid.NewGuid(), Customer = Guid.NewGuid();
    internal static readonly Role ProjectManager = new() { Id = Guid.NewGuid(), Name = "Project Manager" };

    internal static PriceList List(PriceListContext context, decimal price) => new()
    {
        Id = Guid.NewGuid(), Name = context + " 2018", Context = context, Currency = "USD", BeginDate = new DateOnly(2018, 1, 1), EndDate = new DateOnly(2018, 12, 31),
        RolePrices = [new RolePrice { Id = Guid.NewGuid(), RoleId = ProjectManager.Id, Price = price }],
    };

    internal static (PricingInputs Inputs, ProjectContract Contract, ContractLine Line) AlpineCrm(BillingMethod method = BillingMethod.TimeAndMaterial)
    {
        var line = new ContractLine { Id = Guid.NewGuid(), Name = "CRM implementation", BillingMethod = method };
        var contract = new ProjectContract { Id = Guid.NewGuid(), Name = "Alpine CRM", Currency = "USD", CustomerId = Customer, ContractingUnitId = Unit, Lines = [line] };
        var inputs = new PricingInputs(Unit, "Contoso US", [List(PriceListContext.Cost, 50m)], new SalesTerms(Customer, contract, line), "contract 'Alpine CRM'",
            [List(PriceListContext.Sales, 100m)]);
        return (inputs, contract, line);
    }

    internal static TimeEntry Entry(int minutes = 480) => new()
    {
        Id = Guid.NewGuid(), Date = new DateOnly(2018, 2, 3), Duration = minutes, ResourceId = Guid.NewGuid(), ProjectId = Guid.NewGuid(), RoleId = ProjectManager.Id,
        ResourceOrganizationalUnitId = Unit,
    };

    [Fact]
    public void Submitting_writes_a_cost_and_an_unbilled_sales_journal_line_but_no_actual()
    {
        var (inputs, contract, line) = AlpineCrm();
        var posting = new Posting();
        var entry = Entry();

        TimeEntryPricing.Submit(posting, entry, ProjectManager, inputs, Now);

        posting.Actuals.ShouldBeEmpty();
        posting.Journals.ShouldHaveSingleItem();
        posting.JournalLines.Select(l => (l.TransactionType, l.Quantity, l.UnitPrice, l.Amount, l.BillingType))
            .ShouldBe([(TransactionType.Cost, 8m, 50m, 400m, BillingType.Chargeable), (TransactionType.UnbilledSales, 8m, 100m, 800m, BillingType.Chargeable)]);
        posting.JournalLines.ShouldAllBe(l => l.CustomerId == Customer && l.ContractId == contract.Id && l.ContractLineId == line.Id && l.SourceEntryId == entry.Id
                                              && l.TransactionClass == TransactionClass.Time && l.DocumentDate == new DateOnly(2018, 2, 3));
        posting.Origins.ShouldAllBe(o => o.OriginId == entry.Id && o.OriginType == "msdyn_timeentry" && o.TransactionType == "msdyn_journalline");
        var connection = posting.Connections.ShouldHaveSingleItem();
        (connection.Transaction1Role, connection.Transaction2Role, connection.Transaction1Type).ShouldBe(("Unbilled Sales", "Cost", "msdyn_journalline"));
    }

    [Fact]
    public void Approving_posts_each_journal_line_as_an_actual_at_its_frozen_price_connected_and_with_origins()
    {
        var (inputs, _, _) = AlpineCrm();
        var submission = new Posting();
        var entry = Entry();
        TimeEntryPricing.Submit(submission, entry, ProjectManager, inputs, Now);
        inputs.CostPriceLists[0].RolePrices[0].Price = 999m; // a later price change does not touch what was priced

        var approval = new Posting();
        var actuals = PostingRules.Approve(approval, entry.Id, TransactionTypes.TimeEntry, submission.JournalLines, Now);

        actuals.Select(a => (a.TransactionType, a.Quantity, a.UnitPrice, a.Amount, a.BillingStatus))
            .ShouldBe([(TransactionType.Cost, 8m, 50m, 400m, (BillingStatus?)null), (TransactionType.UnbilledSales, 8m, 100m, 800m, BillingStatus.UnbilledSalesCreated)]);
        submission.JournalLines.ShouldAllBe(l => l.IsPosted);
        approval.Origins.Count.ShouldBe(4);
        foreach (var actual in actuals)
        {
            approval.Origins.Where(o => o.TransactionId == actual.Id).Select(o => o.OriginType).Order().ShouldBe(["msdyn_journalline", "msdyn_timeentry"]);
        }
        var connection = approval.Connections.ShouldHaveSingleItem();
        (connection.Transaction1Id, connection.Transaction1Role, connection.Transaction2Id, connection.Transaction2Role)
            .ShouldBe((actuals[1].Id, "Unbilled Sales", actuals[0].Id, "Cost"));
        Should.Throw<InvalidOperationException>(() => PostingRules.Approve(new Posting(), entry.Id, TransactionTypes.TimeEntry, submission.JournalLines, Now));
    }

    [Fact]
    public void A_project_without_a_customer_posts_cost_only_and_needs_no_sales_price_list()
    {
        var (inputs, _, _) = AlpineCrm();
        var posting = new Posting();
        TimeEntryPricing.Submit(posting, Entry(), ProjectManager, inputs with { Sales = SalesTerms.Internal, SalesPriceLists = [] }, Now);
        posting.JournalLines.ShouldHaveSingleItem().TransactionType.ShouldBe(TransactionType.Cost);
        posting.Connections.ShouldBeEmpty();
    }

    [Fact]
    public void A_fixed_price_line_posts_cost_only()
    {
        var (inputs, _, line) = AlpineCrm(BillingMethod.FixedPrice);
        var posting = new Posting();
        TimeEntryPricing.Submit(posting, Entry(), ProjectManager, inputs, Now);
        var cost = posting.JournalLines.ShouldHaveSingleItem();
        (cost.TransactionType, cost.ContractLineId, cost.Amount).ShouldBe((TransactionType.Cost, line.Id, 400m));
    }

    [Fact]
    public void A_missing_sales_price_list_fails_the_submission_and_writes_nothing()
    {
        var (inputs, _, _) = AlpineCrm();
        var posting = new Posting();
        Should.Throw<ValidationFailedException>(() => TimeEntryPricing.Submit(posting, Entry(), ProjectManager, inputs with { SalesPriceLists = [] }, Now))
            .Errors.Single().Field.ShouldBe("date");
        posting.Journals.ShouldBeEmpty();
        posting.JournalLines.ShouldBeEmpty();
    }

    [Fact]
    public void Cancelling_an_approval_reverses_cost_and_unbilled_sales()
    {
        var actuals = ApprovedActuals(out var entryId);
        var posting = new Posting();

        var reversals = PostingRules.CancelApproval(posting, entryId, TransactionTypes.TimeEntry, actuals, new DateOnly(2018, 2, 5), Now);

        reversals.Select(r => (r.TransactionType, r.Quantity, r.UnitPrice, r.Amount, r.DocumentDate, r.AdjustmentStatus))
            .ShouldBe([(TransactionType.Cost, -8m, 50m, -400m, new DateOnly(2018, 2, 5), (AdjustmentStatus?)AdjustmentStatus.Unadjustable),
                       (TransactionType.UnbilledSales, -8m, 100m, -800m, new DateOnly(2018, 2, 5), AdjustmentStatus.Unadjustable)]);
        actuals.ShouldAllBe(a => a.AdjustmentStatus == AdjustmentStatus.Adjusted);
        actuals[1].BillingStatus.ShouldBe(BillingStatus.Canceled);
        posting.Connections.Select(c => (c.Transaction1Role, c.Transaction2Role)).ShouldBe([("Reversing", "Original"), ("Reversing", "Original")]);
    }

    [Fact]
    public void An_invoiced_approval_cannot_be_cancelled()
    {
        var actuals = ApprovedActuals(out var entryId);
        actuals[1].BillingStatus = BillingStatus.CustomerInvoiceCreated;
        var posting = new Posting();
        Should.Throw<ConflictException>(() => PostingRules.CancelApproval(posting, entryId, TransactionTypes.TimeEntry, actuals, new DateOnly(2018, 2, 5), Now));
        posting.Actuals.ShouldBeEmpty();
        actuals.ShouldAllBe(a => a.AdjustmentStatus == null);
    }

    internal static IReadOnlyList<Actual> ApprovedActuals(out Guid entryId)
    {
        var (inputs, _, _) = AlpineCrm();
        var submission = new Posting();
        var entry = Entry();
        entryId = entry.Id;
        TimeEntryPricing.Submit(submission, entry, ProjectManager, inputs, Now);
        return PostingRules.Approve(new Posting(), entry.Id, TransactionTypes.TimeEntry, submission.JournalLines, Now);
    }

    internal static (ProjectContract Contract, IReadOnlyList<Actual> Actuals, IReadOnlyList<JournalLine> Lines) ApprovedOnContract()
    {
        var (inputs, contract, _) = AlpineCrm();
        var submission = new Posting();
        var entry = Entry();
        TimeEntryPricing.Submit(submission, entry, ProjectManager, inputs, Now);
        return (contract, PostingRules.Approve(new Posting(), entry.Id, TransactionTypes.TimeEntry, submission.JournalLines, Now), submission.JournalLines);
    }
}
