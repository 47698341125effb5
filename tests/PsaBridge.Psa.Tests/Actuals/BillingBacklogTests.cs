using PsaBridge.Psa.Actuals;

namespace PsaBridge.Psa.Tests.Actuals;

/// <summary>The billing status rules of the time-and-material backlog, without a database.</summary>
public sealed class BillingBacklogTests
{
    [Fact]
    public void Only_unbilled_sales_not_on_an_invoice_move_between_unbilled_sales_created_and_ready_to_invoice()
    {
        var actuals = PostingRulesTests.ApprovedActuals(out _);
        var (cost, unbilled) = (actuals[0], actuals[1]);

        BillingBacklog.Refusal(unbilled, ready: true).ShouldBeNull();
        BillingBacklog.Refusal(cost, ready: true).ShouldBe($"Actual '{cost.Id}' is Cost; only unbilled sales have a billing status to change.");
        unbilled.BillingStatus = BillingStatus.ReadyToInvoice;
        BillingBacklog.Refusal(unbilled, ready: true).ShouldBeNull();
        BillingBacklog.Refusal(unbilled, ready: false).ShouldBeNull();
        unbilled.BillingStatus = BillingStatus.CustomerInvoiceCreated;
        unbilled.InvoiceId = Guid.NewGuid();
        BillingBacklog.Refusal(unbilled, ready: true)
            .ShouldBe($"Actual '{unbilled.Id}' is CustomerInvoiceCreated; only unbilled sales not on an invoice can be marked ReadyToInvoice.");
        (unbilled.BillingStatus, unbilled.InvoiceId, unbilled.AdjustmentStatus) = (BillingStatus.Canceled, null, AdjustmentStatus.Adjusted);
        BillingBacklog.Refusal(unbilled, ready: false)
            .ShouldBe($"Actual '{unbilled.Id}' is Canceled and Adjusted; only unbilled sales not on an invoice can be marked UnbilledSalesCreated.");
    }
}
