namespace PsaBridge.Psa.Sales;

// Option sets of the sales pipeline (reference/psa-data-model.md §2, sales-and-resourcing.md A). The integers are
// Microsoft's, so rows can be exchanged with a real environment unchanged.

/// <summary><c>msdyn_ordertype</c>: a Work based opportunity, quote or order is a PSA one.</summary>
public enum OrderType { ItemBased = 192350000, WorkBased = 192350001, ServiceMaintenanceBased = 690970002 }

/// <summary><c>msdyn_billingmethod</c> of an opportunity, quote or contract line.</summary>
public enum BillingMethod { TimeAndMaterial = 192350000, FixedPrice = 192350001 }

/// <summary><c>msdyn_psastate</c> of a project contract.</summary>
public enum ContractState { Draft = 192350000, OnHold = 192350001, Active = 192350002, Closed = 192350003 }

/// <summary><c>msdyn_psastatusreason</c> of a project contract.</summary>
public enum ContractStatusReason
{
    Draft = 192350000,
    InReview = 192350001,
    OnHold = 192350002,
    Confirmed = 192350003,
    Completed = 192350004,
    Lost = 192350005,
    Abandoned = 192350006,
}

/// <summary>Milestone <c>msdyn_invoicestatus</c> (quote and contract milestones).</summary>
public enum MilestoneInvoiceStatus
{
    NotReadyForInvoicing = 192350000,
    ReadyForInvoicing = 192350001,
    CustomerInvoiceCreated = 192350002,
    CustomerInvoicePosted = 192350003,
}

/// <summary>Contract line invoice schedule <c>msdyn_invoicerunstatus</c>.</summary>
public enum InvoiceRunStatus { NotRun = 192350000, RunSuccessful = 192350001, RunFailed = 192350002 }

/// <summary>Opportunity <c>statecode</c>.</summary>
public enum OpportunityState { Open = 0, Won = 1, Lost = 2 }

/// <summary>Opportunity <c>statuscode</c>.</summary>
public enum OpportunityStatus { InProgress = 1, OnHold = 2, Won = 3, Canceled = 4, OutSold = 5 }

/// <summary>Quote <c>statecode</c>: only Draft and Active quotes change; Won and Closed are read-only.</summary>
public enum QuoteState { Draft = 0, Active = 1, Won = 2, Closed = 3 }

/// <summary>Quote <c>statuscode</c> (In Progress is 1 for a draft and 2 for an active quote).</summary>
public enum QuoteStatus { InProgress = 1, InProgressActive = 2, Open = 3, Won = 4, Lost = 5, Canceled = 6, Revised = 7 }

/// <summary><c>msdyn_profitability</c> of a quote.</summary>
public enum Profitability { NotAvailable = 192350000, Profitable = 192350001, NotProfitable = 192350002 }
