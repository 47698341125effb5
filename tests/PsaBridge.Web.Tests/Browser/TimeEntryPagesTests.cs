using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace PsaBridge.Web.Tests.Browser;

/// <summary>The weekly time grid in Chromium: hours typed, totals both ways, saved, refused in words, submitted, recalled, copied.</summary>
[Collection(BrowserCollection.Name)]
public sealed class TimeEntryPagesTests(Chromium chromium)
{
    [Fact]
    public async Task A_week_typed_into_the_grid_is_totalled_saved_as_drafts_submitted_recalled_and_copied_to_the_next_week()
    {
        await using var site = await WebSite.StartAsync();
        var world = await AccountingWorld.ArrangeAsync(site.Services);
        var page = await chromium.OpenAsync(site);
        await page.GotoAsync($"/psa/time?resource={world.Ashley}&week=2018-02-07");
        await Expect(page.Locator("[data-week]")).ToHaveTextAsync("5 February – 11 February 2018");

        await page.GetByLabel("Project of new row 1").SelectOptionAsync(new SelectOptionValue { Label = "Alpine CRM implementation" });
        await page.GetByLabel("Role of new row 1").SelectOptionAsync(new SelectOptionValue { Label = "Project Manager" });
        await page.GetByLabel("Hours on Monday 5 February, new row 1").FillAsync("8");
        await page.GetByLabel("Hours on Tuesday 6 February, new row 1").FillAsync("7.5");
        await page.GetByLabel("Hours on Wednesday 7 February, new row 1").FillAsync("7:30");
        await Expect(page.Locator("tr[data-row='0'] [data-row-total]")).ToHaveTextAsync("23");
        await Expect(page.Locator("[data-day-total='1']")).ToHaveTextAsync("7.5");
        await Expect(page.Locator("[data-week-total]")).ToHaveTextAsync("23");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        await Expect(page.Locator("[data-notice]")).ToHaveTextAsync("The week of 5 February 2018 is saved.");
        var entries = page.Locator("[data-entries] tbody tr");
        (await entries.Locator("[data-cell=status]").AllInnerTextsAsync()).ShouldBe(["Draft", "Draft", "Draft"]);
        await Expect(page.Locator("tr[data-row='0'] th")).ToHaveTextAsync("Alpine CRM implementation");
        await Expect(page.Locator("[data-week-total]")).ToHaveTextAsync("23");

        var thursday = page.GetByLabel("Hours on Thursday 8 February, Alpine CRM implementation");
        await thursday.FillAsync("seven");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page.Locator("[data-error-summary] li")).ToHaveTextAsync(
            "Thursday, row 1: 'seven' is not a number of hours (such as 7.5 or 7:30, in whole minutes).");
        await Expect(thursday).ToHaveAttributeAsync("aria-invalid", "true");
        await Screenshots.SaveAsync(page, "time-entry-with-errors");
        await thursday.FillAsync("");

        await page.GetByRole(AriaRole.Button, new() { Name = "Submit week" }).ClickAsync();
        await Expect(page.Locator("[data-notice]")).ToHaveTextAsync("3 entries submitted for approval.");
        (await entries.Locator("[data-cell=status]").AllInnerTextsAsync()).ShouldBe(["Submitted", "Submitted", "Submitted"]);
        await Expect(page.GetByLabel("Hours on Monday 5 February, Alpine CRM implementation")).Not.ToBeEditableAsync();
        await Expect(page.GetByLabel("Hours on Thursday 8 February, Alpine CRM implementation")).ToBeEditableAsync();
        await Screenshots.SaveAsync(page, "time-entry-submitted");

        await page.GetByRole(AriaRole.Button, new() { Name = "Recall the entry of Monday 5 February" }).ClickAsync();
        await Expect(page.Locator("[data-notice]")).ToHaveTextAsync("The entry of Monday 5 February is a draft again.");
        (await entries.Locator("[data-cell=status]").AllInnerTextsAsync()).ShouldBe(["Draft", "Submitted", "Submitted"]);

        await page.GetByRole(AriaRole.Link, new() { Name = "Next week →" }).ClickAsync();
        await Expect(page.Locator("[data-week]")).ToHaveTextAsync("12 February – 18 February 2018");
        await page.GetByRole(AriaRole.Button, new() { Name = "Copy last week" }).ClickAsync();
        await Expect(page.Locator("[data-notice]")).ToHaveTextAsync("Last week's time is copied into the week of 12 February 2018 as drafts.");
        (await page.Locator("tr[data-row='0'] [data-hours]").EvaluateAllAsync<string[]>("inputs => inputs.map(i => i.value)"))
            .ShouldBe(["8", "7.5", "7.5", "", "", "", ""]);
        await Expect(page.Locator("[data-week-total]")).ToHaveTextAsync("23");
    }
}
