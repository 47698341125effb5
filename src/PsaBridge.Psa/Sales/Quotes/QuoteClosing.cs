using Microsoft.EntityFrameworkCore;
using PsaBridge.Infrastructure.Storage;
using PsaBridge.Infrastructure.Validation;
using PsaBridge.Psa.Projects;
using PsaBridge.Psa.Sales.Contracts;
using PsaBridge.Psa.Sales.Estimates;

namespace PsaBridge.Psa.Sales.Quotes;

/// <summary>
/// Closing a quote (reference sales-and-resourcing.md A3). As won, an active quote makes the project contract: its
/// order type, contracting unit, account manager and copies of its price lists, its lines with their details,
/// milestones and invoice schedules; the other open quotes of its opportunity close as lost, and the opportunity
/// stays open (to be closed as won by hand). As lost it records the reason and makes nothing.
/// </summary>
public sealed class QuoteClosing(QuoteStore store, TimeProvider clock)
{
    public const string SiblingWonReason = "Another quote of the opportunity was closed as won.";

    private PsaDb Db => store.Db;

    public async Task<ProjectContract> WinAsync(Guid id, CloseQuoteInput input, CancellationToken ct = default)
    {
        new Rules().MaxLength("reason", input.Reason, Quote.ReasonLength).ThrowIfAny();
        var quote = await store.ForChangeAsync(id, ct);
        if (quote.StateCode != QuoteState.Active)
            throw new ConflictException($"Quote '{quote.Name}' is {quote.StateCode}; activate it before closing it as won.");
        var projectIds = quote.Lines.Select(l => l.ProjectId).OfType<Guid>().Distinct().ToList();
        var projects = await Db.Set<Project>().Where(p => projectIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var rules = new Rules();
        for (var i = 0; i < quote.Lines.Count; i++)
        {
            var line = quote.Lines.OrderBy(l => l.LineNumber).ElementAt(i);
            if (line.ProjectId is { } pid && projects[pid].ContractId is not null)
                rules.Add($"lines[{i}].projectId", $"Project '{projects[pid].Name}' of line '{line.Name}' is already on a contract.");
            if (line.BillingMethod == BillingMethod.FixedPrice)
            {
                if (line.Amount is not { } amount) rules.Add($"lines[{i}].amount", $"Fixed-price line '{line.Name}' has no amount.");
                else MilestoneRules.CheckTotal(rules, $"lines[{i}].milestones", line.Name, amount, line.Milestones.Select(m => m.Amount).ToList());
            }
        }
        rules.ThrowIfAny();

        var now = clock.GetUtcNow().UtcDateTime;
        var closeDate = input.CloseDate ?? DateOnly.FromDateTime(now);
        var details = await Db.Set<QuoteLineDetail>().AsNoTracking().Where(d => d.QuoteId == quote.Id).ToListAsync(ct);
        var listIds = quote.PriceLists.Select(p => p.PriceListId).Concat(quote.Lines.SelectMany(l => l.PriceLists).Select(p => p.PriceListId)).Distinct().ToList();
        var lists = await ProjectSalesQuery.PriceLists(Db).Where(p => listIds.Contains(p.Id)).ToListAsync(ct);
        var contract = QuoteToContract.Make(quote, lists, details, now);

        await using var cache = await BulkWriteCache.EnlargeAsync(Db.Database, ct);
        await using var tx = await Db.Database.BeginTransactionAsync(ct);
        Db.AddRange(contract.Copies);
        Db.Add(contract.Contract);
        foreach (var project in projects.Values)
        {
            project.ContractId = contract.Contract.Id;
            project.CustomerId = quote.CustomerId;
        }
        quote.StateCode = QuoteState.Won;
        quote.StatusCode = QuoteStatus.Won;
        quote.ClosedOn = closeDate;
        quote.CloseReason = InputRules.Clean(input.Reason);
        quote.ContractId = contract.Contract.Id;
        quote.ModifiedOn = now;
        await store.SaveAsync(ct);
        await BulkInsert.InsertEntitiesAsync(Db, contract.Details, ct);
        if (quote.OpportunityId is { } opportunity)
            await Db.Set<Quote>().Where(q => q.OpportunityId == opportunity && q.Id != quote.Id && (q.StateCode == QuoteState.Draft || q.StateCode == QuoteState.Active))
                .ExecuteUpdateAsync(s => s.SetProperty(q => q.StateCode, QuoteState.Closed).SetProperty(q => q.StatusCode, QuoteStatus.Lost)
                    .SetProperty(q => q.CloseReason, SiblingWonReason).SetProperty(q => q.ClosedOn, closeDate).SetProperty(q => q.ModifiedOn, now), ct);
        await tx.CommitAsync(ct);
        return contract.Contract;
    }

    public async Task<Quote> LoseAsync(Guid id, CloseQuoteInput input, CancellationToken ct = default)
    {
        new Rules().Required("reason", input.Reason, Quote.ReasonLength).ThrowIfAny();
        var quote = await store.ForChangeAsync(id, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        quote.StateCode = QuoteState.Closed;
        quote.StatusCode = QuoteStatus.Lost;
        quote.CloseReason = input.Reason!.Trim();
        quote.ClosedOn = input.CloseDate ?? DateOnly.FromDateTime(now);
        quote.ModifiedOn = now;
        await store.SaveAsync(ct);
        return quote;
    }
}
