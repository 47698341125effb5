using PsaBridge.Infrastructure.Validation;
using PsaBridge.Psa.Sales.InvoiceFrequencies;

namespace PsaBridge.Psa.Sales.Estimates;

/// <summary>When a line is invoiced: the invoice schedule of a time-and-material line, the periodic milestones of a fixed-price one.</summary>
public static class LineSchedule
{
    /// <summary>The schedule rows of a time-and-material line with a frequency, a billing start and a delivery date; none otherwise.</summary>
    public static IReadOnlyList<ScheduledRun> InvoiceRuns(SalesLine line, InvoiceFrequency? frequency) =>
        line.BillingMethod == BillingMethod.TimeAndMaterial && frequency is not null && line.BillingStartDate is { } start && line.RequestedDeliveryDate is { } end
            ? InvoiceSchedules.Generate(frequency, start, end)
            : [];

    /// <summary>Refuses to schedule a line that has no schedule: a fixed-price one, or one without frequency, billing start or delivery date.</summary>
    public static void CheckSchedulable(SalesLine line)
    {
        var rules = new Rules();
        if (line.BillingMethod != BillingMethod.TimeAndMaterial)
            rules.Add("billingMethod", $"Line '{line.Name}' is fixed price; it is invoiced by its milestones, not by an invoice schedule.");
        if (line.InvoiceFrequencyId is null) rules.Add("invoiceFrequencyId", $"Line '{line.Name}' has no invoice frequency.");
        if (line.BillingStartDate is null) rules.Add("billingStartDate", $"Line '{line.Name}' has no billing start date.");
        if (line.RequestedDeliveryDate is null) rules.Add("requestedDeliveryDate", $"Line '{line.Name}' has no requested delivery date.");
        rules.ThrowIfAny();
    }

    /// <summary>Milestones of a fixed-price line in the style asked for; errors name what the line lacks.</summary>
    public static IReadOnlyList<PlannedMilestone> Milestones(SalesLine line, InvoiceFrequency? frequency, bool periodic, DateOnly? date)
    {
        if (line.BillingMethod != BillingMethod.FixedPrice)
            throw new ValidationFailedException("style", $"Line '{line.Name}' is time and material; milestones belong to fixed-price lines.");
        if (line.Amount is not { } amount) throw new ValidationFailedException("amount", $"Line '{line.Name}' has no amount to split into milestones.");
        if (!periodic)
            return MilestoneRules.LumpSum(amount, date ?? line.BillingStartDate ?? line.RequestedDeliveryDate
                ?? throw new ValidationFailedException("date", $"'date' is required: line '{line.Name}' has no billing start or delivery date."));
        var rules = new Rules();
        if (frequency is null) rules.Add("invoiceFrequencyId", $"Line '{line.Name}' has no invoice frequency to date periodic milestones by.");
        if (line.BillingStartDate is null) rules.Add("billingStartDate", $"Line '{line.Name}' has no billing start date.");
        if (line.RequestedDeliveryDate is null) rules.Add("requestedDeliveryDate", $"Line '{line.Name}' has no requested delivery date.");
        rules.ThrowIfAny();
        var dates = InvoiceSchedules.RunDates(frequency!, line.BillingStartDate!.Value, line.RequestedDeliveryDate!.Value);
        if (dates.Count == 0)
            throw new ValidationFailedException("style", $"The invoice frequency of line '{line.Name}' has no run between its billing start and delivery dates.");
        return MilestoneRules.Periodic(amount, dates);
    }
}
