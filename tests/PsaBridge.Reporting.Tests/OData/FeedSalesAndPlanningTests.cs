using PsaBridge.Psa.Tests.Api;
using PsaBridge.Psa.Tests.Planning;
using PsaBridge.Psa.Tests.Sales;
using PsaBridge.Testing;

namespace PsaBridge.Reporting.Tests.OData;

/// <summary>The sales pipeline and the planning records in the feed, under Dataverse's names, with lookups to expand.</summary>
[Trait("Engine", "Both")]
public sealed class FeedSalesAndPlanningTests
{
    private const int Cost = 192350000, ProjectContract = 192350004;

    [Fact]
    public async Task Opportunities_quotes_their_lines_details_milestones_and_schedules_read_in_dataverse_names()
    {
        await using var app = await PsaBridgeApp.StartAsync();
        var client = app.CreateClient();
        var world = await SalesWorld.SetUpAsync(client);
        var opportunityId = await client.CreateIdAsync("opportunities", new
        {
            name = "Alpine CRM", customerId = world.Customer, contractingUnitId = world.Unit, orderType = "WorkBased", estimatedValue = 30_000m,
            estimatedCloseDate = "2018-01-31", closeProbability = 60,
            lines = new[] { new { name = "CRM implementation", billingMethod = "TimeAndMaterial", projectId = world.Implementation, budgetAmount = 12_000m } },
        });
        var quoteId = (await client.CreateAsync($"opportunities/{opportunityId}/quotes", new
        {
            name = "Alpine CRM quote", lines = new[] { world.TimeAndMaterialLine(), world.FixedPriceLine() },
        })).Id();
        await client.PostOkAsync($"quotes/{quoteId}/activate");
        await client.CreateAsync($"quotes/{quoteId}/win", new { reason = "Best fit" });

        var opportunity = (await Feed.RowsAsync(client, "/odata/opportunities?$select=name,estimatedvalue,estimatedclosedate,closeprobability,statecode,msdyn_ordertype"
            + "&$expand=opportunity_products($select=opportunityproductname,msdyn_budgetamount,msdyn_billingmethod)", Feed.FormattedValues)).ShouldHaveSingleItem();
        (opportunity.Text("name"), opportunity.Number("estimatedvalue"), opportunity.Text("estimatedclosedate"), opportunity.GetProperty("closeprobability").GetInt32())
            .ShouldBe(("Alpine CRM", 30_000m, "2018-01-31", 60));
        (opportunity.GetProperty("statecode").GetInt32(), Feed.Label(opportunity, "statecode")).ShouldBe((0, "Open"));
        (opportunity.GetProperty("msdyn_ordertype").GetInt32(), Feed.Label(opportunity, "msdyn_ordertype")).ShouldBe((192350001, "Work based"));
        var product = opportunity.GetProperty("opportunity_products").EnumerateArray().ShouldHaveSingleItem();
        (product.Text("opportunityproductname"), product.Number("msdyn_budgetamount"), product.GetProperty("msdyn_billingmethod").GetInt32())
            .ShouldBe(("CRM implementation", 12_000m, 192350000));

        var quote = (await Feed.RowsAsync(client, $"/odata/quotes?$filter=_opportunityid_value eq {opportunityId} and statecode eq 2"
            + "&$select=name,totalamount,msdyn_totalchargeablecostrollup,msdyn_grossmargin,msdyn_profitability"
            + "&$expand=quote_details($select=quotedetailname,lineitemnumber,msdyn_billingmethod,extendedamount;$orderby=lineitemnumber)")).ShouldHaveSingleItem();
        (quote.Text("name"), quote.Number("totalamount"), quote.Number("msdyn_totalchargeablecostrollup"), quote.Number("msdyn_grossmargin"))
            .ShouldBe(("Alpine CRM quote", 30_000m, 5_000m, 83.33m));
        quote.GetProperty("msdyn_profitability").GetInt32().ShouldBe(192350001);
        quote.GetProperty("quote_details").EnumerateArray().Select(l => (l.Text("quotedetailname"), l.GetProperty("msdyn_billingmethod").GetInt32()))
            .ShouldBe([("CRM implementation", 192350000), ("CRM go-live", 192350001)]);

        var details = await Feed.RowsAsync(client, $"/odata/msdyn_quotelinetransactions?$filter=_msdyn_quoteid_value eq {quoteId}"
            + "&$select=msdyn_transactiontypecode,msdyn_quantity,msdyn_amount,msdyn_startdatetime,_msdyn_origin_value&$expand=msdyn_quotelineid($select=quotedetailname)"
            + "&$orderby=msdyn_transactiontypecode");
        details.Select(d => (d.GetProperty("msdyn_transactiontypecode").GetInt32(), d.Number("msdyn_quantity"), d.Number("msdyn_amount"), d.Text("msdyn_startdatetime"),
            d.GetProperty("msdyn_quotelineid").Text("quotedetailname"))).ShouldBe([
            (Cost, 100m, 5_000m, "2018-02-01", "CRM implementation"), (ProjectContract, 100m, 10_000m, "2018-02-01", "CRM implementation")]);
        details[1].Id("_msdyn_origin_value").ShouldBe(details[0].Id("msdyn_quotelinetransactionid"));

        (await Feed.RowsAsync(client, "/odata/msdyn_quotelinescheduleofvalues?$orderby=msdyn_invoicedate&$select=msdyn_name,msdyn_amount,msdyn_invoicedate"))
            .Select(m => (m.Text("msdyn_name"), m.Number("msdyn_amount"))).ShouldBe([("Design signed off", 10_000m), ("Go-live", 10_000m)]);
        (await Feed.RowsAsync(client, "/odata/msdyn_quotelineinvoiceschedules?$orderby=msdyn_invoicerundate&$select=msdyn_invoicerundate"))
            .Select(s => s.Text("msdyn_invoicerundate")).ShouldBe(["2018-02-28", "2018-03-31", "2018-04-30"]);
        var runs = await Feed.RowsAsync(client, "/odata/msdyn_contractlineinvoiceschedules?$orderby=msdyn_invoicerundate"
            + "&$select=msdyn_invoicerundate,msdyn_invoicerunstatus&$expand=msdyn_contractlineid($select=salesorderdetailname)", Feed.FormattedValues);
        runs.Select(s => (s.Text("msdyn_invoicerundate"), Feed.Label(s, "msdyn_invoicerunstatus"), s.GetProperty("msdyn_contractlineid").Text("salesorderdetailname")))
            .ShouldBe([("2018-02-28", "Not Run", "CRM implementation"), ("2018-03-31", "Not Run", "CRM implementation"), ("2018-04-30", "Not Run", "CRM implementation")]);
        (await Feed.RowsAsync(client, "/odata/msdyn_orderlinetransactions?$select=msdyn_amount,_msdyn_quotelinetransactionid_value&$orderby=msdyn_amount"))
            .Select(d => (d.Number("msdyn_amount"), d.Id("_msdyn_quotelinetransactionid_value"))).ShouldBe([
                (5_000m, details[0].Id("msdyn_quotelinetransactionid")), (10_000m, details[1].Id("msdyn_quotelinetransactionid"))]);
    }

    [Fact]
    public async Task Assignments_requirements_estimates_bookings_and_characteristics_read_in_dataverse_names()
    {
        await using var app = await PsaBridgeApp.StartAsync();
        var client = app.CreateClient();
        var world = await PlanningWorld.SetUpAsync(client);
        var task = await world.TaskAsync("Design", 40m, "2018-02-05", "2018-02-09");
        var member = await world.GenericMemberAsync(world.Architect);
        await world.AssignAsync(task, member);
        var requirement = await client.CreateIdAsync($"projects/{world.Project}/requirements", new { teamMemberId = member });
        var booking = await client.CreateIdAsync("bookings", new { resourceId = world.Ben, projectId = world.Project, from = "2018-02-05", to = "2018-02-09", hours = 36m });

        var assignment = (await Feed.RowsAsync(client, $"/odata/msdyn_resourceassignments?$filter=_msdyn_projectid_value eq {world.Project}"
            + "&$select=msdyn_hours,msdyn_fromdate,msdyn_todate,msdyn_plannedcost,msdyn_plannedsales&$expand=msdyn_taskid($select=msdyn_subject),msdyn_resourcecategory($select=name)"))
            .ShouldHaveSingleItem();
        (assignment.Number("msdyn_hours"), assignment.Text("msdyn_fromdate"), assignment.Text("msdyn_todate"), assignment.Number("msdyn_plannedcost"),
            assignment.Number("msdyn_plannedsales")).ShouldBe((40m, "2018-02-05", "2018-02-09", 3_600m, 7_200m));
        (assignment.GetProperty("msdyn_taskid").Text("msdyn_subject"), assignment.GetProperty("msdyn_resourcecategory").Text("name")).ShouldBe(("Design", "Solution Architect"));

        var totals = await Feed.RowsAsync(client, $"/odata/msdyn_estimatelines?$apply=filter(_msdyn_project_value eq {world.Project})"
            + "/groupby((msdyn_transactiontypecode),aggregate(msdyn_amount with sum as total,msdyn_quantity with sum as hours))&$orderby=msdyn_transactiontypecode");
        totals.Select(t => (t.GetProperty("msdyn_transactiontypecode").GetInt32(), t.Number("total"), t.Number("hours")))
            .ShouldBe([(Cost, 3_600m, 40m), (ProjectContract, 7_200m, 40m)]);
        var estimate = (await Feed.RowsAsync(client, $"/odata/msdyn_estimates?$filter=_msdyn_project_value eq {world.Project}&$expand=msdyn_project($select=msdyn_subject)",
            Feed.FormattedValues)).ShouldHaveSingleItem();
        (Feed.Label(estimate, "msdyn_estimateheadertype"), estimate.GetProperty("msdyn_project").Text("msdyn_subject")).ShouldBe(("Assignment based", "Alpine CRM"));

        var need = (await Feed.RowsAsync(client, $"/odata/msdyn_resourcerequirements?$filter=msdyn_resourcerequirementid eq {requirement}"
            + "&$select=msdyn_hours,msdyn_fromdate,msdyn_todate,msdyn_status&$expand=msdyn_resourcecategory($select=name)", Feed.FormattedValues)).ShouldHaveSingleItem();
        (need.Number("msdyn_hours"), need.Text("msdyn_fromdate"), need.Text("msdyn_todate"), Feed.Label(need, "msdyn_status"), need.GetProperty("msdyn_resourcecategory").Text("name"))
            .ShouldBe((40m, "2018-02-05", "2018-02-09", "Active", "Solution Architect"));

        var header = (await Feed.RowsAsync(client, $"/odata/bookableresourcebookingheaders?$filter=bookableresourcebookingheaderid eq {booking}"
            + "&$select=msdyn_hours,bookingstatus,starttime,endtime&$expand=msdyn_bookableresourceid($select=name)", Feed.FormattedValues)).ShouldHaveSingleItem();
        (header.Number("msdyn_hours"), header.GetProperty("bookingstatus").GetInt32(), Feed.Label(header, "bookingstatus"), header.Text("starttime"), header.Text("endtime"),
            header.GetProperty("msdyn_bookableresourceid").Text("name")).ShouldBe((36m, 2, "Committed", "2018-02-05", "2018-02-09", "Ben"));
        var days = await Feed.GetAsync(client, $"/odata/bookableresourcebookings?$filter=_header_value eq {booking}&$count=true&$orderby=starttime"
            + "&$select=starttime,msdyn_hours&$expand=resource($select=name)");
        days.GetProperty("@odata.count").GetInt32().ShouldBe(5);
        days.GetProperty("value").EnumerateArray().Select(d => (d.Text("starttime"), d.Number("msdyn_hours"), d.GetProperty("resource").Text("name")))
            .ShouldBe([("2018-02-05", 7.2m, "Ben"), ("2018-02-06", 7.2m, "Ben"), ("2018-02-07", 7.2m, "Ben"), ("2018-02-08", 7.2m, "Ben"), ("2018-02-09", 7.2m, "Ben")]);

        (await Feed.RowsAsync(client, "/odata/characteristics?$select=name,characteristictype", Feed.FormattedValues))
            .Select(c => (c.Text("name"), Feed.Label(c, "characteristictype"))).ShouldBe([("C#", "Skill")]);
        (await Feed.RowsAsync(client, $"/odata/bookableresourcecharacteristics?$filter=_characteristic_value eq {world.CSharp}"
            + "&$expand=resource($select=name),characteristic($select=name)&$orderby=_ratingvalue_value"))
            .Select(c => (c.GetProperty("resource").Text("name"), c.GetProperty("characteristic").Text("name"))).OrderBy(c => c.Item1)
            .ShouldBe([("Ashley", "C#"), ("Ben", "C#"), ("Chen", "C#")]);
        (await Feed.RowsAsync(client, $"/odata/bookableresourcecategoryassns?$filter=_resource_value eq {world.Chen}&$expand=resourcecategory($select=name)"))
            .Select(r => (r.GetProperty("msdyn_isdefault").GetBoolean(), r.GetProperty("resourcecategory").Text("name"))).ShouldBe([(true, "Developer")]);
    }
}
