using Microsoft.EntityFrameworkCore;
using static Microsoft.Playwright.Assertions;

namespace PsaBridge.Web.Tests.Browser;

/// <summary>The city and zip code lists share their delete: each selected record that is refused fails alone and is named.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AddressSetupListTests(Chromium chromium)
{
    [Fact]
    public async Task A_selected_city_with_zip_codes_or_a_zip_code_gone_meanwhile_fails_alone_and_is_named()
    {
        await using var site = await WebSite.StartAsync();
        var page = await chromium.OpenAsync(site);
        await page.GotoAsync("/setup/cities?country=USA&state=WA");
        foreach (var name in new[] { "Twin Peaks", "Twin Lakes" })
        {
            await page.GetByLabel("City name").FillAsync(name);
            await page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Add city" }).ClickAsync();
            await Expect(page.Locator("[data-notice]")).ToHaveTextAsync($"City '{name}' (WA) added.");
        }
        await page.GotoAsync("/setup/zip-codes?country=USA&state=WA");
        await page.GetByLabel("City", new() { Exact = true }).Last.FillAsync("Twin Peaks");
        await page.GetByLabel("Zip code", new() { Exact = true }).Last.FillAsync("98999");
        await page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Add zip code" }).ClickAsync();
        await Expect(page.Locator("[data-notice]")).ToHaveTextAsync("Zip code '98999' (Twin Peaks, WA) added.");

        await page.GotoAsync("/setup/cities?country=USA&state=WA&name=Twin");
        await page.GetByLabel("Select Twin Peaks (WA)").CheckAsync();
        await page.GetByLabel("Select Twin Lakes (WA)").CheckAsync();
        await page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Delete selected" }).ClickAsync();
        await Expect(page.Locator("[data-confirm]")).ToContainTextAsync("Delete 2 cities?");
        await page.Locator("[data-confirm-yes]").ClickAsync();
        await Expect(page.Locator("[data-notice]")).ToHaveTextAsync(
            "1 city deleted. Not deleted: City 'Twin Peaks' (WA) has 1 zip code; delete or move them first.");
        await using (var finance = site.Databases.OpenFinance())
            (await finance.Cities.Where(c => c.StateId == "WA" && c.Name.StartsWith("Twin")).Select(c => c.Name).ToListAsync()).ShouldBe(["Twin Peaks"]);

        await page.GotoAsync("/setup/zip-codes?country=USA&state=WA&code=98999");
        await page.GetByLabel("Select 98999 Twin Peaks").CheckAsync();
        await page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Delete selected" }).ClickAsync();
        await Expect(page.Locator("[data-confirm]")).ToContainTextAsync("Delete 1 zip code?");
        Guid gone;
        await using (var finance = site.Databases.OpenFinance())
        {
            gone = await finance.ZipCodes.Where(z => z.Code == "98999").Select(z => z.Id).SingleAsync();
            await finance.ZipCodes.Where(z => z.Id == gone).ExecuteDeleteAsync();
        }
        await page.Locator("[data-confirm-yes]").ClickAsync();
        await Expect(page.Locator("[data-notice]")).ToHaveTextAsync($"0 zip codes deleted. Not deleted: Zip code '{gone}' was not found.");
    }
}
