using System.ComponentModel.DataAnnotations;
using System.ComponentModel.DataAnnotations.Schema;
using PsaBridge.Psa.Invoicing;

namespace PsaBridge.Web.OData.Entities;

/// <summary>Project invoice (<c>invoice</c>).</summary>
[FeedEntity("invoices", typeof(Invoice))]
public sealed class invoice
{
    [Key, From(nameof(Invoice.Id))] public Guid invoiceid { get; set; }
    [From(nameof(Invoice.Name))] public string? name { get; set; }
    [From(nameof(Invoice.InvoiceDate))] public DateOnly msdyn_invoicedate { get; set; }
    [From(nameof(Invoice.Status))] public int msdyn_projectinvoicestatus { get; set; }
    [From(nameof(Invoice.TotalAmount))] public decimal totalamount { get; set; }
    [From(nameof(Invoice.Currency))] public string? isocurrencycode { get; set; }
    [From(nameof(Invoice.CreatedOn))] public DateTime createdon { get; set; }

    [From(nameof(Invoice.ContractId))] public Guid _salesorderid_value { get; set; }
    [ForeignKey(nameof(_salesorderid_value))] public salesorder? salesorderid { get; set; }

    [From(nameof(Invoice.CustomerId))] public Guid _customerid_value { get; set; }
    [ForeignKey(nameof(_customerid_value))] public account? customerid_account { get; set; }

    [InverseProperty(nameof(invoicedetail.invoiceid))] public List<invoicedetail> invoice_details { get; set; } = [];
}

/// <summary>Invoice line (<c>invoicedetail</c>).</summary>
[FeedEntity("invoicedetails", typeof(InvoiceLine))]
public sealed class invoicedetail
{
    [Key, From(nameof(InvoiceLine.Id))] public Guid invoicedetailid { get; set; }
    [From(nameof(InvoiceLine.Name))] public string? invoicedetailname { get; set; }
    [From(nameof(InvoiceLine.ChargeableAmount))] public decimal msdyn_chargeableamount { get; set; }
    [From(nameof(InvoiceLine.NonChargeableAmount))] public decimal msdyn_nonchargeableamount { get; set; }
    [From(nameof(InvoiceLine.ComplimentaryAmount))] public decimal msdyn_complimentaryamount { get; set; }

    [From(nameof(InvoiceLine.InvoiceId))] public Guid _invoiceid_value { get; set; }
    [ForeignKey(nameof(_invoiceid_value))] public invoice? invoiceid { get; set; }

    [From(nameof(InvoiceLine.ContractLineId))] public Guid _msdyn_contractlineid_value { get; set; }
    [ForeignKey(nameof(_msdyn_contractlineid_value))] public salesorderdetail? msdyn_contractlineid { get; set; }
}

/// <summary>Invoice line detail (<c>msdyn_invoicelinetransaction</c>). The actual and milestone it bills are lookups of our own naming.</summary>
[FeedEntity("msdyn_invoicelinetransactions", typeof(InvoiceLineDetail))]
public sealed class msdyn_invoicelinetransaction : BusinessTransactionColumns
{
    [Key, From(nameof(InvoiceLineDetail.Id))] public Guid msdyn_invoicelinetransactionid { get; set; }

    [From(nameof(InvoiceLineDetail.InvoiceId))] public Guid _msdyn_invoice_value { get; set; }
    [ForeignKey(nameof(_msdyn_invoice_value))] public invoice? msdyn_invoice { get; set; }

    [From(nameof(InvoiceLineDetail.InvoiceLineId))] public Guid _msdyn_invoicelineid_value { get; set; }
    [ForeignKey(nameof(_msdyn_invoicelineid_value))] public invoicedetail? msdyn_invoicelineid { get; set; }

    [From(nameof(InvoiceLineDetail.ActualId))] public Guid? _msdyn_actual_value { get; set; }
    [ForeignKey(nameof(_msdyn_actual_value))] public msdyn_actual? msdyn_actual { get; set; }

    [From(nameof(InvoiceLineDetail.MilestoneId))] public Guid? _msdyn_milestone_value { get; set; }
    [ForeignKey(nameof(_msdyn_milestone_value))] public msdyn_contractlinescheduleofvalue? msdyn_milestone { get; set; }
}
