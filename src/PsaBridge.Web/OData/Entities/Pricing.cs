using System.ComponentModel.DataAnnotations;
using System.ComponentModel.DataAnnotations.Schema;
using PsaBridge.Psa.Pricing;

namespace PsaBridge.Web.OData.Entities;

/// <summary>
/// Price list (<c>pricelevel</c>). Its organizational unit and customer are lookups here (our names); Dataverse links them
/// through <c>msdyn_organizationalunit_pricelevel</c> and <c>msdyn_accountpricelist</c> rows.
/// </summary>
[FeedEntity("pricelevels", typeof(PriceList))]
public sealed class pricelevel
{
    [Key, From(nameof(PriceList.Id))] public Guid pricelevelid { get; set; }
    [From(nameof(PriceList.Name))] public string? name { get; set; }
    [From(nameof(PriceList.Context))] public int msdyn_module { get; set; }
    [From(nameof(PriceList.Currency))] public string? isocurrencycode { get; set; }
    [From(nameof(PriceList.BeginDate))] public DateOnly? begindate { get; set; }
    [From(nameof(PriceList.EndDate))] public DateOnly? enddate { get; set; }
    [From(nameof(PriceList.CreatedOn))] public DateTime createdon { get; set; }

    [From(nameof(PriceList.OrganizationalUnitId))] public Guid? _msdyn_organizationalunit_value { get; set; }
    [ForeignKey(nameof(_msdyn_organizationalunit_value))] public msdyn_organizationalunit? msdyn_organizationalunit { get; set; }

    [From(nameof(PriceList.CustomerId))] public Guid? _msdyn_account_value { get; set; }
    [ForeignKey(nameof(_msdyn_account_value))] public account? msdyn_account { get; set; }
}

/// <summary>Role price (<c>msdyn_resourcecategorypricelevel</c>).</summary>
[FeedEntity("msdyn_resourcecategorypricelevels", typeof(RolePrice))]
public sealed class msdyn_resourcecategorypricelevel
{
    [Key, From(nameof(RolePrice.Id))] public Guid msdyn_resourcecategorypricelevelid { get; set; }
    [From(nameof(RolePrice.Unit))] public string? msdyn_unit { get; set; }
    [From(nameof(RolePrice.Price))] public decimal msdyn_price { get; set; }

    [From(nameof(RolePrice.PriceListId))] public Guid _msdyn_pricelist_value { get; set; }
    [ForeignKey(nameof(_msdyn_pricelist_value))] public pricelevel? msdyn_pricelist { get; set; }

    [From(nameof(RolePrice.RoleId))] public Guid _msdyn_resourcecategory_value { get; set; }
    [ForeignKey(nameof(_msdyn_resourcecategory_value))] public bookableresourcecategory? msdyn_resourcecategory { get; set; }

    [From(nameof(RolePrice.OrganizationalUnitId))] public Guid? _msdyn_organizationalunit_value { get; set; }
    [ForeignKey(nameof(_msdyn_organizationalunit_value))] public msdyn_organizationalunit? msdyn_organizationalunit { get; set; }
}

/// <summary>Transaction category price (<c>msdyn_transactioncategorypricelevel</c>).</summary>
[FeedEntity("msdyn_transactioncategorypricelevels", typeof(TransactionCategoryPrice))]
public sealed class msdyn_transactioncategorypricelevel
{
    [Key, From(nameof(TransactionCategoryPrice.Id))] public Guid msdyn_transactioncategorypricelevelid { get; set; }
    [From(nameof(TransactionCategoryPrice.PriceCalculation))] public int msdyn_pricecalculation { get; set; }
    [From(nameof(TransactionCategoryPrice.Unit))] public string? msdyn_unit { get; set; }
    [From(nameof(TransactionCategoryPrice.Price))] public decimal? msdyn_price { get; set; }
    [From(nameof(TransactionCategoryPrice.Percent))] public decimal? msdyn_percent { get; set; }

    [From(nameof(TransactionCategoryPrice.PriceListId))] public Guid _msdyn_pricelist_value { get; set; }
    [ForeignKey(nameof(_msdyn_pricelist_value))] public pricelevel? msdyn_pricelist { get; set; }

    [From(nameof(TransactionCategoryPrice.TransactionCategoryId))] public Guid _msdyn_transactioncategory_value { get; set; }
    [ForeignKey(nameof(_msdyn_transactioncategory_value))] public msdyn_transactioncategory? msdyn_transactioncategory { get; set; }
}

/// <summary>Transaction category (<c>msdyn_transactioncategory</c>). The default unit is its name, where Dataverse has a lookup to a unit.</summary>
[FeedEntity("msdyn_transactioncategories", typeof(TransactionCategory))]
public sealed class msdyn_transactioncategory
{
    [Key, From(nameof(TransactionCategory.Id))] public Guid msdyn_transactioncategoryid { get; set; }
    [From(nameof(TransactionCategory.Name))] public string? msdyn_name { get; set; }
    [From(nameof(TransactionCategory.BillingType))] public int msdyn_billingtype { get; set; }
    [From(nameof(TransactionCategory.DefaultUnit))] public string? msdyn_defaultunit { get; set; }
    [From(nameof(TransactionCategory.CreatedOn))] public DateTime createdon { get; set; }
}
