using Microsoft.EntityFrameworkCore;
using PsaBridge.Infrastructure.Validation;
using PsaBridge.Psa.Sales.Estimates;
using PsaBridge.Psa.Sales.InvoiceFrequencies;

namespace PsaBridge.Psa.Sales.Quotes;

/// <summary>
/// How the quote services read a quote to change it and save it: one place that says a Won or Closed quote is
/// read-only, and that the quote's state is its concurrency token (closing it races no edit).
/// </summary>
public sealed class QuoteStore(PsaDb db, DealEstimates estimates, TimeProvider clock) : IDealStore<Quote, QuoteLine>
{
    public PsaDb Db => db;
    public DealEstimates Estimates => estimates;

    /// <summary>The quote with its lines (and their roles, categories, price lists, milestones and schedule), tracked; refused when read-only.</summary>
    public async Task<Quote> ForChangeAsync(Guid id, CancellationToken ct)
    {
        var quote = await Quotes(tracked: true).SingleOrDefaultAsync(q => q.Id == id, ct) ?? throw new NotFoundException("Quote", id.ToString());
        EnsureOpen(quote);
        return quote;
    }

    public static void EnsureOpen(Quote quote)
    {
        if (quote.IsReadOnly)
            throw new ConflictException($"Quote '{quote.Name}' is {quote.StateCode} and read-only; only a draft or active quote can be changed.");
    }

    public QuoteLine Line(Quote quote, Guid lineId) =>
        quote.Lines.SingleOrDefault(l => l.Id == lineId) ?? throw new NotFoundException("Quote line", lineId.ToString());

    public IReadOnlyList<QuoteLine> Lines(Quote quote) => quote.Lines;

    public QuoteLine AddLine(Quote quote, SalesLineInput input, SalesLineRules rules, Guid? defaultFrequency)
    {
        var line = QuoteLines.New(quote, input, rules, defaultFrequency);
        quote.Lines.Add(line);
        return line;
    }

    public void ApplyLine(Quote quote, QuoteLine line, SalesLineInput input, SalesLineRules rules, Guid? defaultFrequency) =>
        QuoteLines.Apply(line, quote, input, rules, defaultFrequency, replaceMilestones: false);

    public Task RemoveLineAsync(Quote quote, QuoteLine line, CancellationToken ct)
    {
        quote.Lines.Remove(line);
        return Task.CompletedTask;
    }

    public void SetMilestones(QuoteLine line, IEnumerable<(PlannedMilestone Plan, bool Ready)> plans) => QuoteLines.SetMilestones(line, plans);

    public void Reschedule(QuoteLine line, InvoiceFrequency? frequency) => QuoteLines.Reschedule(line, frequency);

    public IQueryable<Quote> Quotes(bool tracked)
    {
        var query = db.Set<Quote>().Include(q => q.PriceLists)
            .Include(q => q.Lines).ThenInclude(l => l.Roles)
            .Include(q => q.Lines).ThenInclude(l => l.Categories)
            .Include(q => q.Lines).ThenInclude(l => l.PriceLists)
            .Include(q => q.Lines).ThenInclude(l => l.Milestones)
            .Include(q => q.Lines).ThenInclude(l => l.InvoiceSchedule)
            .AsSplitQuery();
        return tracked ? query : query.AsNoTracking();
    }

    /// <summary>Recomputes the rollups from the stored estimates and saves: the caller's change and its rollups commit together.</summary>
    public async Task SaveWithRollupsAsync(Quote quote, CancellationToken ct)
    {
        await SaveAsync(ct);
        await estimates.RecomputeAsync<QuoteLineDetail>(quote, ct);
        quote.ModifiedOn = clock.GetUtcNow().UtcDateTime;
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
            throw new ConflictException("The quote was changed by someone else meanwhile (closed, or won); read it again and retry.");
        }
    }
}
