using System.Text.Json;
using PsaBridge.Testing;
using PsaBridge.Web.OData;

namespace PsaBridge.Reporting.Tests.OData;

/// <summary>Every entity set of the catalog answers a first page over the seed's invoiced Alpine Ski House data, so no set is served untried.</summary>
[Trait("Engine", "Both")]
public sealed class FeedAllSetsTests
{
    [Fact]
    public async Task Every_entity_set_of_the_catalog_answers_its_first_row_and_count_with_and_without_labels()
    {
        await using var app = await PsaBridgeApp.StartAsync();
        var client = app.CreateClient();
        await AlpineReporting.InvoicedAsync(client);

        var counts = new Dictionary<string, int>();
        foreach (var set in FeedCatalog.Instance.Sets)
        {
            foreach (var prefer in new[] { null, Feed.FormattedValues })
            {
                var page = await Feed.GetAsync(client, $"/odata/{set.Name}?$top=1&$count=true", prefer);
                page.GetProperty("@odata.context").GetString().ShouldEndWith($"$metadata#{set.Name}", customMessage: set.Name);
                var count = page.GetProperty("@odata.count").GetInt32();
                var rows = page.GetProperty("value");
                rows.ValueKind.ShouldBe(JsonValueKind.Array, set.Name);
                rows.GetArrayLength().ShouldBe(Math.Min(count, 1), set.Name);
                if (count > 0) rows[0].GetProperty(set.Key.Name).ValueKind.ShouldBe(JsonValueKind.String, set.Name);
                counts[set.Name] = count;
            }
        }

        // The seed's time entry, its four actuals and its invoice are there to be read, not only empty sets.
        (counts["msdyn_timeentries"], counts["msdyn_actuals"], counts["invoices"], counts["salesorders"], counts["msdyn_projects"]).ShouldBe((1, 4, 1, 1, 1));
    }

    [Fact]
    public async Task The_service_document_lists_exactly_the_catalogs_entity_sets()
    {
        await using var app = await PsaBridgeApp.StartAsync();
        var client = app.CreateClient();

        var sets = (await Feed.GetAsync(client, "/odata")).GetProperty("value").EnumerateArray()
            .Select(s => (s.GetProperty("name").GetString(), s.GetProperty("kind").GetString(), s.GetProperty("url").GetString())).ToList();

        sets.OrderBy(s => s.Item1, StringComparer.Ordinal)
            .ShouldBe(FeedCatalog.Instance.Sets.Select(s => ((string?)s.Name, (string?)"EntitySet", (string?)s.Name)).OrderBy(s => s.Item1, StringComparer.Ordinal));
        sets.Count.ShouldBe(42);
    }
}
