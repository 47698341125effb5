using System.ComponentModel.DataAnnotations.Schema;
using PsaBridge.Psa.Actuals;

namespace PsaBridge.Web.OData.Entities;

/// <summary>
/// The business-transaction columns Dataverse shares between journal lines, actuals and invoice line details
/// (reference/psa-data-model.md §1), with their lookups. Currency is the ISO code (<c>isocurrencycode</c>, the key column
/// of Dataverse's <c>transactioncurrency</c>), where Dataverse has a lookup: our rows keep the code, not a currency record.
/// </summary>
public abstract class BusinessTransactionColumns
{
    [From(nameof(BusinessTransaction.TransactionType))] public int msdyn_transactiontypecode { get; set; }
    [From(nameof(BusinessTransaction.TransactionClass))] public int msdyn_transactionclassification { get; set; }
    [From(nameof(BusinessTransaction.BillingType))] public int? msdyn_billingtype { get; set; }
    [From(nameof(BusinessTransaction.DocumentDate))] public DateOnly msdyn_documentdate { get; set; }
    [From(nameof(BusinessTransaction.AccountingDate))] public DateOnly? msdyn_accountingdate { get; set; }
    [From(nameof(BusinessTransaction.Quantity))] public decimal msdyn_quantity { get; set; }
    [From(nameof(BusinessTransaction.Unit))] public string? msdyn_unit { get; set; }
    [From(nameof(BusinessTransaction.UnitPrice))] public decimal msdyn_price { get; set; }
    [From(nameof(BusinessTransaction.Amount))] public decimal msdyn_amount { get; set; }
    [From(nameof(BusinessTransaction.Currency))] public string? isocurrencycode { get; set; }
    [From(nameof(BusinessTransaction.AmountMethod))] public int msdyn_amountmethod { get; set; }
    [From(nameof(BusinessTransaction.Description))] public string? msdyn_description { get; set; }

    [From(nameof(BusinessTransaction.PriceListId))] public Guid? _msdyn_pricelist_value { get; set; }
    [ForeignKey(nameof(_msdyn_pricelist_value))] public pricelevel? msdyn_pricelist { get; set; }

    [From(nameof(BusinessTransaction.ProjectId))] public Guid? _msdyn_project_value { get; set; }
    [ForeignKey(nameof(_msdyn_project_value))] public msdyn_project? msdyn_project { get; set; }

    [From(nameof(BusinessTransaction.TaskId))] public Guid? _msdyn_task_value { get; set; }
    [ForeignKey(nameof(_msdyn_task_value))] public msdyn_projecttask? msdyn_task { get; set; }

    [From(nameof(BusinessTransaction.ResourceId))] public Guid? _msdyn_bookableresource_value { get; set; }
    [ForeignKey(nameof(_msdyn_bookableresource_value))] public bookableresource? msdyn_bookableresource { get; set; }

    [From(nameof(BusinessTransaction.RoleId))] public Guid? _msdyn_resourcecategory_value { get; set; }
    [ForeignKey(nameof(_msdyn_resourcecategory_value))] public bookableresourcecategory? msdyn_resourcecategory { get; set; }

    [From(nameof(BusinessTransaction.ResourceOrganizationalUnitId))] public Guid? _msdyn_resourceorganizationalunitid_value { get; set; }
    [ForeignKey(nameof(_msdyn_resourceorganizationalunitid_value))] public msdyn_organizationalunit? msdyn_resourceorganizationalunitid { get; set; }

    [From(nameof(BusinessTransaction.ContractOrganizationalUnitId))] public Guid? _msdyn_contractorganizationalunitid_value { get; set; }
    [ForeignKey(nameof(_msdyn_contractorganizationalunitid_value))] public msdyn_organizationalunit? msdyn_contractorganizationalunitid { get; set; }

    [From(nameof(BusinessTransaction.TransactionCategoryId))] public Guid? _msdyn_transactioncategory_value { get; set; }
    [ForeignKey(nameof(_msdyn_transactioncategory_value))] public msdyn_transactioncategory? msdyn_transactioncategory { get; set; }

    [From(nameof(BusinessTransaction.CustomerId))] public Guid? _msdyn_accountcustomer_value { get; set; }
    [ForeignKey(nameof(_msdyn_accountcustomer_value))] public account? msdyn_accountcustomer { get; set; }

    [From(nameof(BusinessTransaction.ContractId))] public Guid? _msdyn_salescontract_value { get; set; }
    [ForeignKey(nameof(_msdyn_salescontract_value))] public salesorder? msdyn_salescontract { get; set; }

    [From(nameof(BusinessTransaction.ContractLineId))] public Guid? _msdyn_salescontractlineid_value { get; set; }
    [ForeignKey(nameof(_msdyn_salescontractlineid_value))] public salesorderdetail? msdyn_salescontractlineid { get; set; }
}
