using System.Collections.Frozen;
using PsaBridge.Psa.Actuals;
using PsaBridge.Psa.Sales;
using PsaBridge.Reporting.Shared;

namespace PsaBridge.Web.OData;

/// <summary>
/// The label of an option-set value, as Dataverse gives it in <c>@OData.Community.Display.V1.FormattedValue</c>: the enum
/// member's words ("UnbilledSales" is "Unbilled Sales"), or Microsoft's own spelling where the words differ from it.
/// </summary>
public static class OptionSetLabels
{
    private static readonly FrozenDictionary<Enum, string> Spelled = new Dictionary<Enum, string>
    {
        [TransactionType.InterOrganizationalSales] = "Inter-Organizational Sales",
        [BillingStatus.ReadyToInvoice] = "Ready to Invoice",
        [BillingMethod.TimeAndMaterial] = "Time and Material",
        [OrderType.ItemBased] = "Item based",
        [OrderType.WorkBased] = "Work based",
        [ContractState.OnHold] = "On hold",
        [MilestoneInvoiceStatus.NotReadyForInvoicing] = "Not Ready for invoicing",
        [MilestoneInvoiceStatus.ReadyForInvoicing] = "Ready for invoicing",
        [MilestoneInvoiceStatus.CustomerInvoiceCreated] = "Customer invoice created",
        [MilestoneInvoiceStatus.CustomerInvoicePosted] = "Customer invoice posted",
        [QuoteStatus.InProgressActive] = "In Progress",
        [OpportunityStatus.OutSold] = "Out-Sold",
        [Psa.Scheduling.AllocationMethod.FullCapacity] = "Full capacity",
        [Psa.Scheduling.AllocationMethod.DistributeEvenly] = "Distribute evenly",
        [Psa.Scheduling.AllocationMethod.PercentageCapacity] = "Percentage capacity",
        [Psa.Scheduling.AllocationMethod.FrontLoad] = "Front load",
        [Psa.Scheduling.RequirementStatus.Fulfilled] = "Completed",
        [Psa.Projects.EstimateHeaderType.ResourceBased] = "Resource based",
        [Psa.Projects.EstimateHeaderType.ActivityBased] = "Activity based",
        [Psa.Projects.EstimateHeaderType.AssignmentBased] = "Assignment based",
    }.ToFrozenDictionary();

    /// <summary>The label of <paramref name="value"/> in <paramref name="optionSet"/>; the number itself when the set has no such member.</summary>
    public static string Label(Type optionSet, object value)
    {
        var member = (Enum)Enum.ToObject(optionSet, value);
        if (Spelled.TryGetValue(member, out var label)) return label;
        return Enum.IsDefined(optionSet, member) ? Labels.Words(member) : Convert.ToInt64(value).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
