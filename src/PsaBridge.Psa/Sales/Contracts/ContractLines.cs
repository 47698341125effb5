using PsaBridge.Infrastructure.Storage;
using PsaBridge.Psa.Sales.Estimates;
using PsaBridge.Psa.Sales.InvoiceFrequencies;

namespace PsaBridge.Psa.Sales.Contracts;

/// <summary>Makes and changes contract lines from what was entered (checked before by <see cref="SalesLineRules"/>), through <see cref="LineEditing"/>.</summary>
internal sealed class ContractLines : ILineParts<ContractLine>
{
    private ContractLines() { }

    public static ContractLine New(ProjectContract contract, SalesLineInput input, SalesLineRules rules, Guid? defaultFrequency)
    {
        var line = new ContractLine { Id = Ids.New(), ContractId = contract.Id, Name = "" };
        Apply(line, input, rules, defaultFrequency, replaceMilestones: true);
        return line;
    }

    /// <summary>Sets the line from the input; a contract has no requested delivery date of its own for its lines to take.</summary>
    public static void Apply(ContractLine line, SalesLineInput input, SalesLineRules rules, Guid? defaultFrequency, bool replaceMilestones) =>
        LineEditing.Apply<ContractLine, ContractLines>(line, input, rules, defaultFrequency, null, replaceMilestones);

    public static void Roles(ContractLine line, List<LineRoleInput>? input) =>
        SalesLineParts.Roles(line.Roles, input, (id, type) => new ContractLineRole { ContractLineId = line.Id, RoleId = id, BillingType = type });

    public static void Categories(ContractLine line, List<LineCategoryInput>? input) =>
        SalesLineParts.Categories(line.Categories, input,
            (id, type) => new ContractLineCategory { ContractLineId = line.Id, TransactionCategoryId = id, BillingType = type });

    public static void PriceLists(ContractLine line, IEnumerable<Guid>? ids) =>
        SalesLineParts.PriceLists(line.PriceLists, ids, id => new ContractLinePriceList { ContractLineId = line.Id, PriceListId = id });

    public static void SetMilestones(ContractLine line, IEnumerable<(PlannedMilestone Plan, bool Ready)> plans) =>
        SalesLineParts.Milestones(line.Milestones, plans, (id, p, ready) => new ContractMilestone
        {
            Id = id, ContractId = line.ContractId, ContractLineId = line.Id, Name = p.Name, InvoiceDate = p.InvoiceDate, Amount = p.Amount,
            InvoiceStatus = ready ? MilestoneInvoiceStatus.ReadyForInvoicing : MilestoneInvoiceStatus.NotReadyForInvoicing,
        });

    public static void ClearMilestones(ContractLine line) => line.Milestones.Clear();

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
