using PsaBridge.Infrastructure.Storage;
using PsaBridge.Psa.Actuals;

namespace PsaBridge.Psa.Sales.Estimates;

/// <summary>Sets the parts of a quote or contract line that come as lists: its roles, categories, own price lists, milestones and schedule.</summary>
public static class SalesLineParts
{
    public static void Roles<T>(List<T> target, List<LineRoleInput>? input, Func<Guid, BillingType, T> make)
    {
        target.Clear();
        target.AddRange((input ?? []).Select(r => make(r.RoleId!.Value, r.BillingType ?? BillingType.Chargeable)));
    }

    public static void Categories<T>(List<T> target, List<LineCategoryInput>? input, Func<Guid, BillingType, T> make)
    {
        target.Clear();
        target.AddRange((input ?? []).Select(c => make(c.TransactionCategoryId!.Value, c.BillingType ?? BillingType.Chargeable)));
    }

    public static void PriceLists<T>(List<T> target, IEnumerable<Guid>? ids, Func<Guid, T> make)
    {
        target.Clear();
        target.AddRange((ids ?? []).Select(make));
    }

    /// <summary>Replaces the milestones with those planned; <paramref name="make"/> gets a new id, the plan and whether it is ready for invoicing.</summary>
    public static void Milestones<T>(List<T> target, IEnumerable<(PlannedMilestone Plan, bool Ready)> plans, Func<Guid, PlannedMilestone, bool, T> make)
    {
        target.Clear();
        target.AddRange(plans.Select(p => make(Ids.New(), p.Plan, p.Ready)));
    }

    public static IEnumerable<(PlannedMilestone, bool)> Entered(IEnumerable<MilestoneInput> milestones) =>
        milestones.Select(m => (new PlannedMilestone(m.Name!.Trim(), m.InvoiceDate!.Value, m.Amount!.Value), m.ReadyForInvoicing));

    public static void Schedule<T>(List<T> target, IEnumerable<InvoiceFrequencies.ScheduledRun> runs, Func<Guid, InvoiceFrequencies.ScheduledRun, T> make)
    {
        target.Clear();
        target.AddRange(runs.Select(r => make(Ids.New(), r)));
    }
}
