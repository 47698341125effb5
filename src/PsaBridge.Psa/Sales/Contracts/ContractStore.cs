using Microsoft.EntityFrameworkCore;
using PsaBridge.Infrastructure.Validation;
using PsaBridge.Psa.Actuals;
using PsaBridge.Psa.Projects;
using PsaBridge.Psa.Sales.Estimates;
using PsaBridge.Psa.Sales.InvoiceFrequencies;

namespace PsaBridge.Psa.Sales.Contracts;

/// <summary>
/// How the contract services read a contract to change it and save it: one place that says a confirmed or closed
/// contract is read-only (but for its milestones' invoice status), and that a line naming a project binds the
/// project to the contract and its customer.
/// </summary>
public sealed class ContractStore(PsaDb db, DealEstimates estimates) : IDealStore<ProjectContract, ContractLine>
{
    public PsaDb Db => db;
    public DealEstimates Estimates => estimates;

    public async Task<ProjectContract> ForChangeAsync(Guid id, CancellationToken ct)
    {
        var contract = await Contracts(tracked: true).SingleOrDefaultAsync(c => c.Id == id, ct) ?? throw new NotFoundException("Contract", id.ToString());
        EnsureDraft(contract);
        return contract;
    }

    public static void EnsureDraft(ProjectContract contract)
    {
        if (contract.IsReadOnly)
            throw new ConflictException($"Contract '{contract.Name}' is {contract.PsaStatusReason} and read-only; only its milestones' invoice status changes now.");
    }

    public IQueryable<ProjectContract> Contracts(bool tracked)
    {
        var query = db.Set<ProjectContract>().Include(c => c.PriceLists)
            .Include(c => c.Lines).ThenInclude(l => l.Roles)
            .Include(c => c.Lines).ThenInclude(l => l.Categories)
            .Include(c => c.Lines).ThenInclude(l => l.PriceLists)
            .Include(c => c.Lines).ThenInclude(l => l.Milestones)
            .Include(c => c.Lines).ThenInclude(l => l.InvoiceSchedule)
            .AsSplitQuery();
        return tracked ? query : query.AsNoTracking();
    }

    public ContractLine Line(ProjectContract contract, Guid lineId) =>
        contract.Lines.SingleOrDefault(l => l.Id == lineId) ?? throw new NotFoundException("Contract line", lineId.ToString());

    public IReadOnlyList<ContractLine> Lines(ProjectContract contract) => contract.Lines;

    public ContractLine AddLine(ProjectContract contract, SalesLineInput input, SalesLineRules rules, Guid? defaultFrequency)
    {
        var line = ContractLines.New(contract, input, rules, defaultFrequency);
        contract.Lines.Add(line);
        return line;
    }

    public void ApplyLine(ProjectContract contract, ContractLine line, SalesLineInput input, SalesLineRules rules, Guid? defaultFrequency) =>
        ContractLines.Apply(line, input, rules, defaultFrequency, replaceMilestones: false);

    /// <summary>A line whose work was already posted to it stays: its actuals name it.</summary>
    public async Task RemoveLineAsync(ProjectContract contract, ContractLine line, CancellationToken ct)
    {
        if (await db.Set<Actual>().AnyAsync(a => a.ContractLineId == line.Id, ct))
            throw new ConflictException($"Line '{line.Name}' has actuals posted to it and cannot be removed.");
        contract.Lines.Remove(line);
    }

    public void SetMilestones(ContractLine line, IEnumerable<(PlannedMilestone Plan, bool Ready)> plans) => ContractLines.SetMilestones(line, plans);

    public void Reschedule(ContractLine line, InvoiceFrequency? frequency) => ContractLines.Reschedule(line, frequency);

    public async Task SaveWithRollupsAsync(ProjectContract contract, CancellationToken ct)
    {
        await BindProjectsAsync(contract, ct);
        await SaveAsync(ct);
        await estimates.RecomputeAsync<ContractLineDetail>(contract, ct);
        await SaveAsync(ct);
    }

    public async Task SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("The contract was changed by someone else meanwhile (confirmed, or closed); read it again and retry.");
        }
    }

    /// <summary>Every project a line names is billed through this contract, for its customer.</summary>
    public async Task BindProjectsAsync(ProjectContract contract, CancellationToken ct)
    {
        var ids = contract.Lines.Select(l => l.ProjectId).OfType<Guid>().Distinct().ToList();
        foreach (var project in await db.Set<Project>().Where(p => ids.Contains(p.Id) && (p.ContractId == null || p.ContractId != contract.Id)).ToListAsync(ct))
        {
            project.ContractId = contract.Id;
            project.CustomerId = contract.CustomerId;
        }
    }
}
