using System.ComponentModel.DataAnnotations;
using System.ComponentModel.DataAnnotations.Schema;
using PsaBridge.Psa.Sales.Opportunities;

namespace PsaBridge.Web.OData.Entities;

/// <summary>
/// Opportunity (<c>opportunity</c>). The account manager is a bookable resource here, where Dataverse looks up a user, and
/// the currency is its ISO code (<c>isocurrencycode</c>), where Dataverse looks up a currency record.
/// </summary>
[FeedEntity("opportunities", typeof(Opportunity))]
public sealed class opportunity
{
    [Key, From(nameof(Opportunity.Id))] public Guid opportunityid { get; set; }
    [From(nameof(Opportunity.Name))] public string? name { get; set; }
    [From(nameof(Opportunity.OrderType))] public int msdyn_ordertype { get; set; }
    [From(nameof(Opportunity.Currency))] public string? isocurrencycode { get; set; }
    [From(nameof(Opportunity.EstimatedValue))] public decimal? estimatedvalue { get; set; }
    [From(nameof(Opportunity.EstimatedCloseDate))] public DateOnly? estimatedclosedate { get; set; }
    [From(nameof(Opportunity.CloseProbability))] public int? closeprobability { get; set; }
    [From(nameof(Opportunity.StateCode))] public int statecode { get; set; }
    [From(nameof(Opportunity.StatusCode))] public int statuscode { get; set; }
    [From(nameof(Opportunity.ActualCloseDate))] public DateOnly? actualclosedate { get; set; }
    [From(nameof(Opportunity.CreatedOn))] public DateTime createdon { get; set; }
    [From(nameof(Opportunity.ModifiedOn))] public DateTime modifiedon { get; set; }

    [From(nameof(Opportunity.CustomerId))] public Guid _customerid_value { get; set; }
    [ForeignKey(nameof(_customerid_value))] public account? customerid_account { get; set; }

    [From(nameof(Opportunity.ContractingUnitId))] public Guid? _msdyn_contractorganizationalunitid_value { get; set; }
    [ForeignKey(nameof(_msdyn_contractorganizationalunitid_value))] public msdyn_organizationalunit? msdyn_contractorganizationalunitid { get; set; }

    [From(nameof(Opportunity.AccountManagerId))] public Guid? _msdyn_accountmanagerid_value { get; set; }
    [ForeignKey(nameof(_msdyn_accountmanagerid_value))] public bookableresource? msdyn_accountmanagerid { get; set; }

    [InverseProperty(nameof(opportunityproduct.opportunityid))] public List<opportunityproduct> opportunity_products { get; set; } = [];
}

/// <summary>Opportunity line (<c>opportunityproduct</c>): a piece of project work, its billing method and the customer's budget.</summary>
[FeedEntity("opportunityproducts", typeof(OpportunityLine))]
public sealed class opportunityproduct
{
    [Key, From(nameof(OpportunityLine.Id))] public Guid opportunityproductid { get; set; }
    [From(nameof(OpportunityLine.Name))] public string? opportunityproductname { get; set; }
    [From(nameof(OpportunityLine.BillingMethod))] public int msdyn_billingmethod { get; set; }
    [From(nameof(OpportunityLine.BudgetAmount))] public decimal? msdyn_budgetamount { get; set; }
    [From(nameof(OpportunityLine.StartDate))] public DateOnly? msdyn_startdate { get; set; }
    [From(nameof(OpportunityLine.EndDate))] public DateOnly? msdyn_enddate { get; set; }

    [From(nameof(OpportunityLine.OpportunityId))] public Guid _opportunityid_value { get; set; }
    [ForeignKey(nameof(_opportunityid_value))] public opportunity? opportunityid { get; set; }

    [From(nameof(OpportunityLine.ProjectId))] public Guid? _msdyn_project_value { get; set; }
    [ForeignKey(nameof(_msdyn_project_value))] public msdyn_project? msdyn_project { get; set; }
}
