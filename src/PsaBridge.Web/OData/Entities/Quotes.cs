using System.ComponentModel.DataAnnotations;
using System.ComponentModel.DataAnnotations.Schema;
using PsaBridge.Psa.Sales.Quotes;

namespace PsaBridge.Web.OData.Entities;

/// <summary>
/// Project quote (<c>quote</c>) with its rollups: <c>totalamount</c> is the quoted sales, <c>msdyn_grossmargin</c> the
/// margin in percent of it, as Dataverse's "Gross Margin (%)". The account manager is a bookable resource here.
/// </summary>
[FeedEntity("quotes", typeof(Quote))]
public sealed class quote
{
    [Key, From(nameof(Quote.Id))] public Guid quoteid { get; set; }
    [From(nameof(Quote.Name))] public string? name { get; set; }
    [From(nameof(Quote.OrderType))] public int msdyn_ordertype { get; set; }
    [From(nameof(Quote.Currency))] public string? isocurrencycode { get; set; }
    [From(nameof(Quote.RequestedDeliveryDate))] public DateOnly? requestdeliveryby { get; set; }
    [From(nameof(Quote.StateCode))] public int statecode { get; set; }
    [From(nameof(Quote.StatusCode))] public int statuscode { get; set; }
    [From(nameof(Quote.ClosedOn))] public DateOnly? closedon { get; set; }
    [From("Rollup.SalesAmount")] public decimal totalamount { get; set; }
    [From("Rollup.ChargeableCost")] public decimal msdyn_totalchargeablecostrollup { get; set; }
    [From("Rollup.NonChargeableCost")] public decimal msdyn_totalnonchargeablecostrollup { get; set; }
    [From("Rollup.ProfitabilityPercent")] public decimal? msdyn_grossmargin { get; set; }
    [From("Rollup.Profitability")] public int msdyn_profitability { get; set; }
    [From(nameof(Quote.CreatedOn))] public DateTime createdon { get; set; }
    [From(nameof(Quote.ModifiedOn))] public DateTime modifiedon { get; set; }

    [From(nameof(Quote.OpportunityId))] public Guid? _opportunityid_value { get; set; }
    [ForeignKey(nameof(_opportunityid_value))] public opportunity? opportunityid { get; set; }

    [From(nameof(Quote.CustomerId))] public Guid _customerid_value { get; set; }
    [ForeignKey(nameof(_customerid_value))] public account? customerid_account { get; set; }

    [From(nameof(Quote.ContractingUnitId))] public Guid _msdyn_contractorganizationalunitid_value { get; set; }
    [ForeignKey(nameof(_msdyn_contractorganizationalunitid_value))] public msdyn_organizationalunit? msdyn_contractorganizationalunitid { get; set; }

    [From(nameof(Quote.AccountManagerId))] public Guid? _msdyn_accountmanagerid_value { get; set; }
    [ForeignKey(nameof(_msdyn_accountmanagerid_value))] public bookableresource? msdyn_accountmanagerid { get; set; }

    [InverseProperty(nameof(quotedetail.quoteid))] public List<quotedetail> quote_details { get; set; } = [];
}

/// <summary>Project quote line (<c>quotedetail</c>); <c>extendedamount</c> is the line's quoted amount.</summary>
[FeedEntity("quotedetails", typeof(QuoteLine))]
public sealed class quotedetail
{
    [Key, From(nameof(QuoteLine.Id))] public Guid quotedetailid { get; set; }
    [From(nameof(QuoteLine.Name))] public string? quotedetailname { get; set; }
    [From(nameof(QuoteLine.LineNumber))] public int lineitemnumber { get; set; }
    [From(nameof(QuoteLine.BillingMethod))] public int msdyn_billingmethod { get; set; }
    [From(nameof(QuoteLine.BudgetAmount))] public decimal? msdyn_budgetamount { get; set; }
    [From(nameof(QuoteLine.Amount))] public decimal? extendedamount { get; set; }
    [From(nameof(QuoteLine.BillingStartDate))] public DateOnly? msdyn_billingstartdate { get; set; }
    [From(nameof(QuoteLine.RequestedDeliveryDate))] public DateOnly? requestdeliveryby { get; set; }
    [From(nameof(QuoteLine.IncludeTime))] public bool msdyn_includetime { get; set; }
    [From(nameof(QuoteLine.IncludeExpense))] public bool msdyn_includeexpense { get; set; }
    [From(nameof(QuoteLine.IncludeFee))] public bool msdyn_includefee { get; set; }
    [From(nameof(QuoteLine.IncludeMaterial))] public bool msdyn_includematerial { get; set; }
    [From(nameof(QuoteLine.InvoiceFrequencyId))] public Guid? _msdyn_invoicefrequency_value { get; set; }

    [From(nameof(QuoteLine.QuoteId))] public Guid _quoteid_value { get; set; }
    [ForeignKey(nameof(_quoteid_value))] public quote? quoteid { get; set; }

    [From(nameof(QuoteLine.ProjectId))] public Guid? _msdyn_project_value { get; set; }
    [ForeignKey(nameof(_msdyn_project_value))] public msdyn_project? msdyn_project { get; set; }
}

/// <summary>Quote line detail (<c>msdyn_quotelinetransaction</c>): one cost or sales estimate of a quote line.</summary>
[FeedEntity("msdyn_quotelinetransactions", typeof(QuoteLineDetail))]
public sealed class msdyn_quotelinetransaction : SalesLineDetailColumns
{
    [Key, From(nameof(QuoteLineDetail.Id))] public Guid msdyn_quotelinetransactionid { get; set; }

    [From(nameof(QuoteLineDetail.QuoteId))] public Guid _msdyn_quoteid_value { get; set; }
    [ForeignKey(nameof(_msdyn_quoteid_value))] public quote? msdyn_quoteid { get; set; }

    [From(nameof(QuoteLineDetail.QuoteLineId))] public Guid _msdyn_quotelineid_value { get; set; }
    [ForeignKey(nameof(_msdyn_quotelineid_value))] public quotedetail? msdyn_quotelineid { get; set; }
}

/// <summary>Quote line milestone (<c>msdyn_quotelinescheduleofvalue</c>) of a fixed-price quote line.</summary>
[FeedEntity("msdyn_quotelinescheduleofvalues", typeof(QuoteLineMilestone))]
public sealed class msdyn_quotelinescheduleofvalue
{
    [Key, From(nameof(QuoteLineMilestone.Id))] public Guid msdyn_quotelinescheduleofvalueid { get; set; }
    [From(nameof(QuoteLineMilestone.Name))] public string? msdyn_name { get; set; }
    [From(nameof(QuoteLineMilestone.InvoiceDate))] public DateOnly msdyn_invoicedate { get; set; }
    [From(nameof(QuoteLineMilestone.Amount))] public decimal msdyn_amount { get; set; }
    [From(nameof(QuoteLineMilestone.InvoiceStatus))] public int msdyn_invoicestatus { get; set; }

    [From(nameof(QuoteLineMilestone.QuoteId))] public Guid _msdyn_quote_value { get; set; }
    [ForeignKey(nameof(_msdyn_quote_value))] public quote? msdyn_quote { get; set; }

    [From(nameof(QuoteLineMilestone.QuoteLineId))] public Guid _msdyn_quotelineid_value { get; set; }
    [ForeignKey(nameof(_msdyn_quotelineid_value))] public quotedetail? msdyn_quotelineid { get; set; }
}

/// <summary>Quote line invoice schedule (<c>msdyn_quotelineinvoiceschedule</c>): the run dates the contract line will copy.</summary>
[FeedEntity("msdyn_quotelineinvoiceschedules", typeof(QuoteLineInvoiceSchedule))]
public sealed class msdyn_quotelineinvoiceschedule
{
    [Key, From(nameof(QuoteLineInvoiceSchedule.Id))] public Guid msdyn_quotelineinvoicescheduleid { get; set; }
    [From(nameof(QuoteLineInvoiceSchedule.InvoiceRunDate))] public DateOnly msdyn_invoicerundate { get; set; }
    [From(nameof(QuoteLineInvoiceSchedule.TransactionCutoffDate))] public DateOnly msdyn_transactioncutoffdate { get; set; }

    [From(nameof(QuoteLineInvoiceSchedule.QuoteId))] public Guid _msdyn_quote_value { get; set; }
    [ForeignKey(nameof(_msdyn_quote_value))] public quote? msdyn_quote { get; set; }

    [From(nameof(QuoteLineInvoiceSchedule.QuoteLineId))] public Guid _msdyn_quotelineid_value { get; set; }
    [ForeignKey(nameof(_msdyn_quotelineid_value))] public quotedetail? msdyn_quotelineid { get; set; }
}
