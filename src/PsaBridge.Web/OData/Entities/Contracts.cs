using System.ComponentModel.DataAnnotations;
using System.ComponentModel.DataAnnotations.Schema;
using PsaBridge.Psa.Sales;

namespace PsaBridge.Web.OData.Entities;

/// <summary>Project contract (<c>salesorder</c>, order type Work based).</summary>
[FeedEntity("salesorders", typeof(ProjectContract))]
public sealed class salesorder
{
    [Key, From(nameof(ProjectContract.Id))] public Guid salesorderid { get; set; }
    [From(nameof(ProjectContract.Name))] public string? name { get; set; }
    [From(nameof(ProjectContract.OrderType))] public int msdyn_ordertype { get; set; }
    [From(nameof(ProjectContract.PsaState))] public int msdyn_psastate { get; set; }
    [From(nameof(ProjectContract.Currency))] public string? isocurrencycode { get; set; }
    [From(nameof(ProjectContract.CreatedOn))] public DateTime createdon { get; set; }

    [From(nameof(ProjectContract.CustomerId))] public Guid _customerid_value { get; set; }
    [ForeignKey(nameof(_customerid_value))] public account? customerid_account { get; set; }

    [From(nameof(ProjectContract.ContractingUnitId))] public Guid _msdyn_contractorganizationalunitid_value { get; set; }
    [ForeignKey(nameof(_msdyn_contractorganizationalunitid_value))] public msdyn_organizationalunit? msdyn_contractorganizationalunitid { get; set; }

    [InverseProperty(nameof(salesorderdetail.salesorderid))] public List<salesorderdetail> order_details { get; set; } = [];
}

/// <summary>Contract line (<c>salesorderdetail</c>).</summary>
[FeedEntity("salesorderdetails", typeof(ContractLine))]
public sealed class salesorderdetail
{
    [Key, From(nameof(ContractLine.Id))] public Guid salesorderdetailid { get; set; }
    [From(nameof(ContractLine.Name))] public string? salesorderdetailname { get; set; }
    [From(nameof(ContractLine.BillingMethod))] public int msdyn_billingmethod { get; set; }
    [From(nameof(ContractLine.BudgetAmount))] public decimal? msdyn_budgetamount { get; set; }
    [From(nameof(ContractLine.IncludeTime))] public bool msdyn_includetime { get; set; }
    [From(nameof(ContractLine.IncludeExpense))] public bool msdyn_includeexpense { get; set; }
    [From(nameof(ContractLine.IncludeFee))] public bool msdyn_includefee { get; set; }
    [From(nameof(ContractLine.IncludeMaterial))] public bool msdyn_includematerial { get; set; }

    [From(nameof(ContractLine.ContractId))] public Guid _salesorderid_value { get; set; }
    [ForeignKey(nameof(_salesorderid_value))] public salesorder? salesorderid { get; set; }

    [From(nameof(ContractLine.ProjectId))] public Guid? _msdyn_project_value { get; set; }
    [ForeignKey(nameof(_msdyn_project_value))] public msdyn_project? msdyn_project { get; set; }
}

/// <summary>Contract milestone (<c>msdyn_contractlinescheduleofvalue</c>) of a fixed-price line.</summary>
[FeedEntity("msdyn_contractlinescheduleofvalues", typeof(ContractMilestone))]
public sealed class msdyn_contractlinescheduleofvalue
{
    [Key, From(nameof(ContractMilestone.Id))] public Guid msdyn_contractlinescheduleofvalueid { get; set; }
    [From(nameof(ContractMilestone.Name))] public string? msdyn_name { get; set; }
    [From(nameof(ContractMilestone.InvoiceDate))] public DateOnly msdyn_invoicedate { get; set; }
    [From(nameof(ContractMilestone.Amount))] public decimal msdyn_amount { get; set; }
    [From(nameof(ContractMilestone.InvoiceStatus))] public int msdyn_invoicestatus { get; set; }

    [From(nameof(ContractMilestone.ContractId))] public Guid _msdyn_contract_value { get; set; }
    [ForeignKey(nameof(_msdyn_contract_value))] public salesorder? msdyn_contract { get; set; }

    [From(nameof(ContractMilestone.ContractLineId))] public Guid _msdyn_contractlineid_value { get; set; }
    [ForeignKey(nameof(_msdyn_contractlineid_value))] public salesorderdetail? msdyn_contractlineid { get; set; }

    [From(nameof(ContractMilestone.InvoiceId))] public Guid? _msdyn_invoice_value { get; set; }
    [ForeignKey(nameof(_msdyn_invoice_value))] public invoice? msdyn_invoice { get; set; }
}
