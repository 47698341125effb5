using PsaBridge.Psa.Sales.InvoiceFrequencies;

namespace PsaBridge.Psa.Sales.Estimates;

/// <summary>
/// What the shared line and detail services need of a kind of deal (quote or contract): reading one to change it
/// (refused when read-only), its lines, making and changing its lines from their input, and saving with the rollups.
/// </summary>
public interface IDealStore<TDeal, TLine> where TDeal : class, ISalesDeal where TLine : SalesLine
{
    PsaDb Db { get; }
    DealEstimates Estimates { get; }

    Task<TDeal> ForChangeAsync(Guid id, CancellationToken ct);
    TLine Line(TDeal deal, Guid lineId);
    IReadOnlyList<TLine> Lines(TDeal deal);
    TLine AddLine(TDeal deal, SalesLineInput input, SalesLineRules rules, Guid? defaultFrequency);
    void ApplyLine(TDeal deal, TLine line, SalesLineInput input, SalesLineRules rules, Guid? defaultFrequency);
    Task RemoveLineAsync(TDeal deal, TLine line, CancellationToken ct);
    void SetMilestones(TLine line, IEnumerable<(PlannedMilestone Plan, bool Ready)> plans);
    void Reschedule(TLine line, InvoiceFrequency? frequency);

    /// <summary>Saves pending changes, recomputes the rollups from the stored estimates and saves them: one transaction's worth.</summary>
    Task SaveWithRollupsAsync(TDeal deal, CancellationToken ct);

    Task SaveAsync(CancellationToken ct);
}
