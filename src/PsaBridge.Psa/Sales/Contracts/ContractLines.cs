using PsaBridge.Infrastructure.Storage;
using PsaBridge.Psa.Sales.Estimates;
using PsaBridge.Psa.Sales.InvoiceFrequencies;

namespace PsaBridge.Psa.Sales.Contracts;

/// <summary>Makes and changes contract lines from what was entered (checked before by <see cref="SalesLineRules"/>).</summary>
internal static class ContractLines
{
    public static ContractLine New(ProjectContract contract, SalesLineInput input, SalesLineRules rules, Guid? defaultFrequency)
    {
        var line = new ContractLine { Id = Ids.New(), ContractId = contract.Id, Name = "" };
        Apply(line, input, rules, defaultFrequency, replaceMilestones: true);
        return line;
    }

    public static void Apply(ContractLine line, SalesLineInput input, SalesLineRules rules, Guid? defaultFrequency, bool replaceMilestones)
    {
        SalesLineRules.Apply(line, input, input.BillingMethod == BillingMethod.TimeAndMaterial ? defaultFrequency : null, null);
        SalesLineParts.Roles(line.Roles, input.Roles, (id, type) => new ContractLineRole { ContractLineId = line.Id, RoleId = id, BillingType = type });
        SalesLineParts.Categories(line.Categories, input.Categories,
            (id, type) => new ContractLineCategory { ContractLineId = line.Id, TransactionCategoryId = id, BillingType = type });
        SalesLineParts.PriceLists(line.PriceLists, input.PriceListIds, id => new ContractLinePriceList { ContractLineId = line.Id, PriceListId = id });
        if (replaceMilestones || input.Milestones is not null) SetMilestones(line, SalesLineParts.Entered(input.Milestones ?? []));
        if (line.BillingMethod == BillingMethod.TimeAndMaterial) line.Milestones.Clear();
        Reschedule(line, rules.Frequency(line.InvoiceFrequencyId));
    }

    public static void SetMilestones(ContractLine line, IEnumerable<(PlannedMilestone Plan, bool Ready)> plans) =>
        SalesLineParts.Milestones(line.Milestones, plans, (id, p, ready) => new ContractMilestone
        {
            Id = id, ContractId = line.ContractId, ContractLineId = line.Id, Name = p.Name, InvoiceDate = p.InvoiceDate, Amount = p.Amount,
            InvoiceStatus = ready ? MilestoneInvoiceStatus.ReadyForInvoicing : MilestoneInvoiceStatus.NotReadyForInvoicing,
        });

    /// <summary>The line's invoice schedule, generated again; rows a run has already invoiced are kept.</summary>
    public static void Reschedule(ContractLine line, InvoiceFrequency? frequency)
    {
        var ran = line.InvoiceSchedule.Where(s => s.InvoiceRunStatus != InvoiceRunStatus.NotRun).ToList();
        var runs = LineSchedule.InvoiceRuns(line, frequency).Where(r => ran.All(s => s.InvoiceRunDate != r.InvoiceRunDate));
        SalesLineParts.Schedule(line.InvoiceSchedule, runs, (id, r) => new ContractLineInvoiceSchedule
        {
            Id = id, ContractId = line.ContractId, ContractLineId = line.Id, InvoiceRunDate = r.InvoiceRunDate, TransactionCutoffDate = r.TransactionCutoffDate,
        });
        line.InvoiceSchedule.InsertRange(0, ran);
    }
}
