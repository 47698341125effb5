using Microsoft.EntityFrameworkCore;
using PsaBridge.Infrastructure.Validation;
using PsaBridge.Psa.Sales.InvoiceFrequencies;
using PsaBridge.Psa.Sales.Parameters;

namespace PsaBridge.Psa.Sales.Estimates;

/// <summary>
/// The lines of an open quote or a draft contract: adding, changing and removing them, their milestones (entered, a
/// lump sum or periodic) and their invoice schedule. Every change recomputes the rollups in its transaction.
/// </summary>
public class DealLines<TDeal, TLine, TDetail>(IDealStore<TDeal, TLine> store)
    where TDeal : class, ISalesDeal where TLine : SalesLine where TDetail : SalesLineDetail, IDealDetail<TDetail>
{
    private PsaDb Db => store.Db;

    public async Task<TLine> AddLineAsync(Guid dealId, SalesLineInput input, CancellationToken ct = default)
    {
        var deal = await store.ForChangeAsync(dealId, ct);
        var (rules, frequency) = await CheckAsync(deal, input, null, ct);
        await using var tx = await Db.Database.BeginTransactionAsync(ct);
        var line = store.AddLine(deal, input, rules, frequency);
        await store.SaveAsync(ct);
        Db.AddRange(await store.Estimates.PriceAsync<TDetail>(deal, line, input.Details ?? [], j => $"details[{j}].", ct));
        await store.SaveWithRollupsAsync(deal, ct);
        await tx.CommitAsync(ct);
        return line;
    }

    /// <summary>Changes a line; its details stay and are priced again (its price lists or roles may have changed); milestones change only when given.</summary>
    public async Task<TLine> UpdateLineAsync(Guid dealId, Guid lineId, SalesLineInput input, CancellationToken ct = default)
    {
        if (input.Details is { Count: > 0 }) throw new ValidationFailedException("details", "A line's details change through its details, not with the line.");
        var deal = await store.ForChangeAsync(dealId, ct);
        var line = store.Line(deal, lineId);
        var (rules, frequency) = await CheckAsync(deal, input, line, ct);
        await using var tx = await Db.Database.BeginTransactionAsync(ct);
        store.ApplyLine(deal, line, input, rules, frequency);
        await store.SaveAsync(ct);
        await store.Estimates.RepriceAsync<TDetail>(deal, [line], ct);
        await store.SaveWithRollupsAsync(deal, ct);
        await tx.CommitAsync(ct);
        return line;
    }

    public async Task DeleteLineAsync(Guid dealId, Guid lineId, CancellationToken ct = default)
    {
        var deal = await store.ForChangeAsync(dealId, ct);
        var line = store.Line(deal, lineId);
        await using var tx = await Db.Database.BeginTransactionAsync(ct);
        await Db.Set<TDetail>().Where(TDetail.OfLines([line.Id])).ExecuteDeleteAsync(ct);
        await store.RemoveLineAsync(deal, line, ct);
        await store.SaveWithRollupsAsync(deal, ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>Replaces a fixed-price line's milestones; they must add up to the line amount (which they set when the line has none).</summary>
    public async Task<TLine> SetMilestonesAsync(Guid dealId, Guid lineId, List<MilestoneInput>? milestones, CancellationToken ct = default)
    {
        var deal = await store.ForChangeAsync(dealId, ct);
        var line = store.Line(deal, lineId);
        var entered = milestones ?? [];
        var rules = new Rules();
        if (line.BillingMethod != BillingMethod.FixedPrice) rules.Add("milestones", $"Line '{line.Name}' is time and material; milestones belong to fixed-price lines.");
        else SalesLineRules.CheckMilestones(rules, "", new SalesLineInput(line.Name, line.BillingMethod, BudgetAmount: line.BudgetAmount, Amount: line.Amount, Milestones: entered), requireAmount: false);
        rules.ThrowIfAny();
        line.Amount ??= entered.Sum(m => m.Amount!.Value);
        store.SetMilestones(line, SalesLineParts.Entered(entered));
        await store.SaveWithRollupsAsync(deal, ct);
        return line;
    }

    /// <summary>Milestones generated for a fixed-price line: a lump sum, or periodic ones from its invoice frequency.</summary>
    public async Task<TLine> GenerateMilestonesAsync(Guid dealId, Guid lineId, bool periodic, DateOnly? date, CancellationToken ct = default)
    {
        var deal = await store.ForChangeAsync(dealId, ct);
        var line = store.Line(deal, lineId);
        var plans = LineSchedule.Milestones(line, await FrequencyAsync(line.InvoiceFrequencyId, ct), periodic, date);
        store.SetMilestones(line, plans.Select(p => (p, false)));
        await store.SaveWithRollupsAsync(deal, ct);
        return line;
    }

    /// <summary>Generates a time-and-material line's invoice schedule again from its frequency, billing start and delivery date.</summary>
    public async Task<TLine> GenerateInvoiceScheduleAsync(Guid dealId, Guid lineId, CancellationToken ct = default)
    {
        var deal = await store.ForChangeAsync(dealId, ct);
        var line = store.Line(deal, lineId);
        LineSchedule.CheckSchedulable(line);
        store.Reschedule(line, await FrequencyAsync(line.InvoiceFrequencyId, ct));
        await store.SaveWithRollupsAsync(deal, ct);
        return line;
    }

    private async Task<(SalesLineRules Rules, Guid? DefaultFrequency)> CheckAsync(TDeal deal, SalesLineInput input, TLine? changing, CancellationToken ct)
    {
        var frequency = await Db.Set<ProjectParameter>().Select(p => p.InvoiceFrequencyId).FirstOrDefaultAsync(ct);
        var lineRules = await SalesLineRules.ReadAsync(Db, [input], frequency, ct);
        var rules = new Rules();
        var others = store.Lines(deal).Where(l => l != changing).Select(SalesLineRules.Existing).ToList();
        lineRules.Check(rules, "", input, deal.CustomerId, deal.Currency, others, requireAmount: true);
        if (input.ProjectId is { } pid && lineRules.Projects.TryGetValue(pid, out var project) && project.ContractId is { } on && on != deal.Id)
            rules.Add("projectId", $"Project '{project.Name}' is already on another contract.");
        rules.ThrowIfAny();
        return (lineRules, frequency);
    }

    private Task<InvoiceFrequency?> FrequencyAsync(Guid? id, CancellationToken ct) =>
        id is { } f ? Db.Set<InvoiceFrequency>().AsNoTracking().Include(x => x.Details).SingleOrDefaultAsync(x => x.Id == f, ct) : Task.FromResult<InvoiceFrequency?>(null);
}
