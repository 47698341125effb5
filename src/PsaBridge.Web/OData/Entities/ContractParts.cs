using System.ComponentModel.DataAnnotations;
using System.ComponentModel.DataAnnotations.Schema;
using PsaBridge.Psa.Sales.Contracts;

namespace PsaBridge.Web.OData.Entities;

/// <summary>Project contract line detail (<c>msdyn_orderlinetransaction</c>): one cost or sales estimate of a contract line.</summary>
[FeedEntity("msdyn_orderlinetransactions", typeof(ContractLineDetail))]
public sealed class msdyn_orderlinetransaction : SalesLineDetailColumns
{
    [Key, From(nameof(ContractLineDetail.Id))] public Guid msdyn_orderlinetransactionid { get; set; }

    [From(nameof(ContractLineDetail.QuoteLineDetailId))] public Guid? _msdyn_quotelinetransactionid_value { get; set; }
    [ForeignKey(nameof(_msdyn_quotelinetransactionid_value))] public msdyn_quotelinetransaction? msdyn_quotelinetransactionid { get; set; }
}

/// <summary>Contract line invoice schedule (<c>msdyn_contractlineinvoiceschedule</c>): the runs that invoice a time-and-material line.</summary>
[FeedEntity("msdyn_contractlineinvoiceschedules", typeof(ContractLineInvoiceSchedule))]
public sealed class msdyn_contractlineinvoiceschedule
{
    [Key, From(nameof(ContractLineInvoiceSchedule.Id))] public Guid msdyn_contractlineinvoicescheduleid { get; set; }
    [From(nameof(ContractLineInvoiceSchedule.InvoiceRunDate))] public DateOnly msdyn_invoicerundate { get; set; }
    [From(nameof(ContractLineInvoiceSchedule.TransactionCutoffDate))] public DateOnly msdyn_transactioncutoffdate { get; set; }
    [From(nameof(ContractLineInvoiceSchedule.InvoiceRunStatus))] public int msdyn_invoicerunstatus { get; set; }

    [From(nameof(ContractLineInvoiceSchedule.ContractId))] public Guid _msdyn_contract_value { get; set; }
    [ForeignKey(nameof(_msdyn_contract_value))] public salesorder? msdyn_contract { get; set; }

    [From(nameof(ContractLineInvoiceSchedule.ContractLineId))] public Guid _msdyn_contractlineid_value { get; set; }
    [ForeignKey(nameof(_msdyn_contractlineid_value))] public salesorderdetail? msdyn_contractlineid { get; set; }

    [From(nameof(ContractLineInvoiceSchedule.InvoiceId))] public Guid? _msdyn_invoice_value { get; set; }
    [ForeignKey(nameof(_msdyn_invoice_value))] public invoice? msdyn_invoice { get; set; }
}
