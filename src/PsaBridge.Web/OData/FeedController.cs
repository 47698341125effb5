using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OData.Routing.Controllers;
using PsaBridge.Web.OData.Entities;

namespace PsaBridge.Web.OData;

/// <summary>
/// The feed's entity sets, read-only. An entity set is one <see cref="FeedEntityAttribute"/> class and one line here;
/// <see cref="FeedQueryAttribute"/> turns the OData query into SQL over <see cref="FeedDb"/> and pages the answer.
/// </summary>
[Route(FeedServices.RoutePrefix)]
[ApiExplorerSettings(IgnoreApi = true)]
[Authorize(Policy = Policies.Read)]
public sealed class FeedController(FeedDb db) : ODataController
{
    [FeedQuery, HttpGet("accounts")] public IQueryable<account> Accounts() => db.Rows<account>();
    [FeedQuery, HttpGet("msdyn_organizationalunits")] public IQueryable<msdyn_organizationalunit> OrganizationalUnits() => db.Rows<msdyn_organizationalunit>();
    [FeedQuery, HttpGet("bookableresources")] public IQueryable<bookableresource> Resources() => db.Rows<bookableresource>();
    [FeedQuery, HttpGet("bookableresourcecategories")] public IQueryable<bookableresourcecategory> Roles() => db.Rows<bookableresourcecategory>();
    [FeedQuery, HttpGet("pricelevels")] public IQueryable<pricelevel> PriceLists() => db.Rows<pricelevel>();
    [FeedQuery, HttpGet("msdyn_resourcecategorypricelevels")] public IQueryable<msdyn_resourcecategorypricelevel> RolePrices() => db.Rows<msdyn_resourcecategorypricelevel>();
    [FeedQuery, HttpGet("msdyn_transactioncategorypricelevels")]
    public IQueryable<msdyn_transactioncategorypricelevel> CategoryPrices() => db.Rows<msdyn_transactioncategorypricelevel>();
    [FeedQuery, HttpGet("msdyn_transactioncategories")] public IQueryable<msdyn_transactioncategory> TransactionCategories() => db.Rows<msdyn_transactioncategory>();
    [FeedQuery, HttpGet("salesorders")] public IQueryable<salesorder> Contracts() => db.Rows<salesorder>();
    [FeedQuery, HttpGet("salesorderdetails")] public IQueryable<salesorderdetail> ContractLines() => db.Rows<salesorderdetail>();
    [FeedQuery, HttpGet("msdyn_contractlinescheduleofvalues")] public IQueryable<msdyn_contractlinescheduleofvalue> Milestones() => db.Rows<msdyn_contractlinescheduleofvalue>();
    [FeedQuery, HttpGet("msdyn_projects")] public IQueryable<msdyn_project> Projects() => db.Rows<msdyn_project>();
    [FeedQuery, HttpGet("msdyn_projecttasks")] public IQueryable<msdyn_projecttask> Tasks() => db.Rows<msdyn_projecttask>();
    [FeedQuery, HttpGet("msdyn_projectteams")] public IQueryable<msdyn_projectteam> TeamMembers() => db.Rows<msdyn_projectteam>();
    [FeedQuery, HttpGet("msdyn_timeentries")] public IQueryable<msdyn_timeentry> TimeEntries() => db.Rows<msdyn_timeentry>();
    [FeedQuery, HttpGet("msdyn_expenses")] public IQueryable<msdyn_expense> Expenses() => db.Rows<msdyn_expense>();
    [FeedQuery, HttpGet("msdyn_journals")] public IQueryable<msdyn_journal> Journals() => db.Rows<msdyn_journal>();
    [FeedQuery, HttpGet("msdyn_journallines")] public IQueryable<msdyn_journalline> JournalLines() => db.Rows<msdyn_journalline>();
    [FeedQuery, HttpGet("msdyn_actuals")] public IQueryable<msdyn_actual> Actuals() => db.Rows<msdyn_actual>();
    [FeedQuery, HttpGet("msdyn_transactionorigins")] public IQueryable<msdyn_transactionorigin> Origins() => db.Rows<msdyn_transactionorigin>();
    [FeedQuery, HttpGet("msdyn_transactionconnections")] public IQueryable<msdyn_transactionconnection> Connections() => db.Rows<msdyn_transactionconnection>();
    [FeedQuery, HttpGet("invoices")] public IQueryable<invoice> Invoices() => db.Rows<invoice>();
    [FeedQuery, HttpGet("invoicedetails")] public IQueryable<invoicedetail> InvoiceLines() => db.Rows<invoicedetail>();
    [FeedQuery, HttpGet("msdyn_invoicelinetransactions")] public IQueryable<msdyn_invoicelinetransaction> InvoiceLineDetails() => db.Rows<msdyn_invoicelinetransaction>();
    [FeedQuery, HttpGet("opportunities")] public IQueryable<opportunity> Opportunities() => db.Rows<opportunity>();
    [FeedQuery, HttpGet("opportunityproducts")] public IQueryable<opportunityproduct> OpportunityLines() => db.Rows<opportunityproduct>();
    [FeedQuery, HttpGet("quotes")] public IQueryable<quote> Quotes() => db.Rows<quote>();
    [FeedQuery, HttpGet("quotedetails")] public IQueryable<quotedetail> QuoteLines() => db.Rows<quotedetail>();
    [FeedQuery, HttpGet("msdyn_quotelinetransactions")] public IQueryable<msdyn_quotelinetransaction> QuoteLineDetails() => db.Rows<msdyn_quotelinetransaction>();
    [FeedQuery, HttpGet("msdyn_quotelinescheduleofvalues")] public IQueryable<msdyn_quotelinescheduleofvalue> QuoteMilestones() => db.Rows<msdyn_quotelinescheduleofvalue>();
    [FeedQuery, HttpGet("msdyn_quotelineinvoiceschedules")] public IQueryable<msdyn_quotelineinvoiceschedule> QuoteSchedules() => db.Rows<msdyn_quotelineinvoiceschedule>();
    [FeedQuery, HttpGet("msdyn_orderlinetransactions")] public IQueryable<msdyn_orderlinetransaction> ContractLineDetails() => db.Rows<msdyn_orderlinetransaction>();
    [FeedQuery, HttpGet("msdyn_contractlineinvoiceschedules")]
    public IQueryable<msdyn_contractlineinvoiceschedule> ContractSchedules() => db.Rows<msdyn_contractlineinvoiceschedule>();
    [FeedQuery, HttpGet("msdyn_resourceassignments")] public IQueryable<msdyn_resourceassignment> Assignments() => db.Rows<msdyn_resourceassignment>();
    [FeedQuery, HttpGet("msdyn_resourcerequirements")] public IQueryable<msdyn_resourcerequirement> Requirements() => db.Rows<msdyn_resourcerequirement>();
    [FeedQuery, HttpGet("msdyn_estimates")] public IQueryable<msdyn_estimate> Estimates() => db.Rows<msdyn_estimate>();
    [FeedQuery, HttpGet("msdyn_estimatelines")] public IQueryable<msdyn_estimateline> EstimateLines() => db.Rows<msdyn_estimateline>();
    [FeedQuery, HttpGet("bookableresourcebookingheaders")] public IQueryable<bookableresourcebookingheader> BookingHeaders() => db.Rows<bookableresourcebookingheader>();
    [FeedQuery, HttpGet("bookableresourcebookings")] public IQueryable<bookableresourcebooking> Bookings() => db.Rows<bookableresourcebooking>();
    [FeedQuery, HttpGet("characteristics")] public IQueryable<characteristic> Characteristics() => db.Rows<characteristic>();
    [FeedQuery, HttpGet("bookableresourcecharacteristics")]
    public IQueryable<bookableresourcecharacteristic> ResourceCharacteristics() => db.Rows<bookableresourcecharacteristic>();
    [FeedQuery, HttpGet("bookableresourcecategoryassns")] public IQueryable<bookableresourcecategoryassn> ResourceRoles() => db.Rows<bookableresourcecategoryassn>();
}
