using PsaBridge.Psa.Sales.Estimates;

namespace PsaBridge.Psa.Sales.Quotes;

/// <summary>
/// A new quote. From an opportunity (<see cref="OpportunityId"/>) it takes the opportunity's customer, order type,
/// contracting unit, account manager, currency, price lists and lines unless given here.
/// </summary>
public sealed record QuoteInput(
    string? Name,
    Guid? CustomerId = null,
    Guid? ContractingUnitId = null,
    Guid? OpportunityId = null,
    OrderType? OrderType = null,
    Guid? AccountManagerId = null,
    string? Currency = null,
    DateOnly? RequestedDeliveryDate = null,
    List<Guid>? PriceListIds = null,
    List<SalesLineInput>? Lines = null);

/// <summary>The header fields of a quote that can change while it is open.</summary>
public sealed record QuoteHeaderInput(string? Name, Guid? AccountManagerId = null, DateOnly? RequestedDeliveryDate = null);

/// <summary>Filters of the quote list; sort by <c>name</c>, <c>created</c> or <c>state</c> (<c>-</c> for descending).</summary>
public sealed record QuoteFilter(Guid? CustomerId = null, Guid? OpportunityId = null, QuoteState? State = null, string? Search = null, string? Sort = null);

/// <summary>Closing a quote as won or lost: the reason, and the close date (today when not given).</summary>
public sealed record CloseQuoteInput(string? Reason = null, DateOnly? CloseDate = null);

/// <summary>The sales price lists of a deal or a line, replacing those it had.</summary>
public sealed record PriceListsInput(List<Guid>? PriceListIds);

/// <summary>A fixed-price line's milestones, replacing those it had; they must add up to the line amount.</summary>
public sealed record MilestonesInput(List<MilestoneInput>? Milestones);

public enum MilestoneStyle { LumpSum, Periodic }

/// <summary>Generated milestones: one lump sum (on <see cref="Date"/>, else the billing start), or periodic ones from the invoice frequency.</summary>
public sealed record GenerateMilestonesInput(MilestoneStyle? Style, DateOnly? Date = null);
