using Microsoft.OData.Edm;
using PsaBridge.Psa.Tests.Api;
using PsaBridge.Testing;

namespace PsaBridge.Reporting.Tests.OData;

/// <summary>A standard OData client reads the feed's $metadata and pages through it by <c>@odata.nextLink</c>.</summary>
[Trait("Engine", "Both")]
public sealed class FeedPagingTests
{
    [Fact]
    public async Task A_standard_client_reads_the_metadata_and_pages_through_12000_actuals_getting_each_exactly_once()
    {
        await using var app = await PsaBridgeApp.StartAsync();
        var client = app.CreateClient();
        var alpine = await Alpine.SetUpAsync(client);
        List<Guid> inserted;
        await using (var db = app.Databases.OpenPsa()) inserted = await ActualRows.InsertAsync(db, 12_000, alpine.Project);

        var odata = new ODataClient(client);
        var model = await odata.MetadataAsync();
        var actual = (IEdmEntityType)model.FindDeclaredType("Microsoft.Dynamics.CRM.msdyn_actual");
        actual.Key().Single().Name.ShouldBe("msdyn_actualid");
        actual.FindProperty("msdyn_transactiontypecode").Type.IsInt32().ShouldBeTrue();
        actual.FindProperty("msdyn_amount").Type.IsDecimal().ShouldBeTrue();
        actual.FindProperty("_msdyn_project_value").Type.IsGuid().ShouldBeTrue();
        actual.FindProperty("msdyn_project").PropertyKind.ShouldBe(EdmPropertyKind.Navigation);
        model.EntityContainer.FindEntitySet("salesorders").EntityType.Name.ShouldBe("salesorder");

        var rows = await odata.ReadAllAsync(model, "msdyn_actuals", "/odata/msdyn_actuals?$select=msdyn_actualid,msdyn_amount");

        odata.Requests.ShouldBe(3); // 5,000 a page by default
        var ids = rows.Select(r => (Guid)r["msdyn_actualid"]!).ToList();
        ids.Count.ShouldBe(12_000);
        ids.Distinct().Count().ShouldBe(12_000);
        ids.ShouldBe(inserted, ignoreOrder: true);
        rows.Sum(r => (decimal)r["msdyn_amount"]!).ShouldBe(120_000m);
    }

    [Fact]
    public async Task The_page_size_is_configurable_and_a_client_may_ask_for_smaller_pages()
    {
        await using var app = await PsaBridgeApp.StartAsync(a => a.WithSetting("PsaBridge:OData:PageSize", "400"));
        var client = app.CreateClient();
        var alpine = await Alpine.SetUpAsync(client);
        await using (var db = app.Databases.OpenPsa()) await ActualRows.InsertAsync(db, 1_000, alpine.Project);
        var odata = new ODataClient(client);
        var model = await odata.MetadataAsync();

        (await odata.ReadAllAsync(model, "msdyn_actuals", "/odata/msdyn_actuals?$orderby=msdyn_documentdate desc")).Count.ShouldBe(1_000);
        odata.Requests.ShouldBe(3);

        client.DefaultRequestHeaders.Add("Prefer", "odata.maxpagesize=250");
        var smaller = new ODataClient(client);
        (await smaller.ReadAllAsync(model, "msdyn_actuals", "/odata/msdyn_actuals")).Select(r => r["msdyn_actualid"]).Distinct().Count().ShouldBe(1_000);
        smaller.Requests.ShouldBe(4);
    }
}
