using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using PsaBridge.Finance.AddressSetup;
using PsaBridge.Psa.Actuals;
using PsaBridge.Psa.Invoicing;
using PsaBridge.Psa.Projects;
using PsaBridge.Psa.Sales;
using PsaBridge.Psa.Sales.Opportunities;
using PsaBridge.Psa.Sales.Quotes;
using PsaBridge.Psa.Scheduling;
using PsaBridge.Psa.Time;

namespace PsaBridge.Web.Tests.Browser;

/// <summary>
/// Every page of the app, found from its routes (so a page added later is measured too), at 360 px and at 1,400 px:
/// the document may not be wider than the window (tables scroll inside their own box). Each page is measured with a real
/// record and must answer 200 (or the status it exists to show), so a page is never measured as its not-found or error page.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PageWidthTests(Chromium chromium)
{
    [Fact]
    public async Task No_page_is_wider_than_the_window_at_360_or_1400_pixels()
    {
        await using var site = await WebSite.StartAsync();
        var account = await site.Services.CreateAccountAsync(Arrange.Account("Blue Yonder Airlines With A Rather Long Name Incorporated", state: "Washingtn"));
        await site.Services.CreateAccountAsync(Arrange.Account("Fourth Coffee"));
        var run = await site.Services.RunSyncAsync();
        ZipCode zip;
        string customer;
        await using (var finance = site.Databases.OpenFinance())
        {
            zip = finance.ZipCodes.First(z => z.Code == "98101");
            customer = finance.Customers.Select(c => c.CustomerAccount).First();
        }
        var (world, actual, invoice) = await ProjectAccountingAsync(site.Services);
        var (task, requirement, opportunity, quote) = await PlanningAndSalesAsync(site.Services, world);
        // Real records for the routes that name one (a route with a parameter missing here fails the test rather than measure its not-found page).
        var known = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["/psa/accounts/{id:guid}"] = $"/psa/accounts/{account.Id}",
            ["/integration/log/{id:guid}"] = $"/integration/log/{run.Id}?status=All",
            ["/integration/sync/runs/{id:guid}"] = $"/integration/sync/runs/{run.Id}",
            ["/finance/customers/{account}"] = $"/finance/customers/{customer}",
            ["/setup/cities/{country}/{state}/{name}"] = "/setup/cities/USA/WA/Seattle",
            ["/setup/zip-codes/{id:guid}"] = $"/setup/zip-codes/{zip.Id}",
            ["/setup/payment-terms/{code}"] = "/setup/payment-terms/Net30",
            ["/status/{code:int}"] = "/status/404",
            ["/psa/projects/{id:guid}"] = $"/psa/projects/{world.Project}",
            ["/psa/contracts/{id:guid}"] = $"/psa/contracts/{world.Contract}",
            ["/psa/actuals/{id:guid}"] = $"/psa/actuals/{actual}",
            ["/psa/invoices/{id:guid}"] = $"/psa/invoices/{invoice}",
            ["/psa/time"] = $"/psa/time?resource={world.Ashley}&week=2018-02-05",
            ["/psa/expenses"] = $"/psa/expenses?resource={world.Ashley}",
            ["/planning/projects/{id:guid}"] = $"/planning/projects/{world.Project}",
            ["/planning/projects/{id:guid}/estimates"] = $"/planning/projects/{world.Project}/estimates",
            ["/planning/projects/{id:guid}/team"] = $"/planning/projects/{world.Project}/team",
            ["/planning/projects/{id:guid}/tasks/{taskId:guid}"] = $"/planning/projects/{world.Project}/tasks/{task}",
            ["/planning/requirements/{id:guid}"] = $"/planning/requirements/{requirement}",
            ["/planning/resources/{id:guid}"] = $"/planning/resources/{world.Ashley}",
            ["/sales/opportunities/{id:guid}"] = $"/sales/opportunities/{opportunity}",
            ["/sales/quotes/{id:guid}"] = $"/sales/quotes/{quote}",
        };
        var routes = Pages(site.Services).Select(p => "/" + p.RawText!.TrimStart('/')).ToList();
        routes.Where(r => r.Contains('{') && !known.ContainsKey(r)).ShouldBeEmpty("routes that name a record need one in 'known'");
        var urls = routes.Select(r => known.GetValueOrDefault(r, r)).Distinct().Order().ToList();
        urls.ShouldContain("/psa/accounts");
        urls.ShouldContain("/setup/zip-codes");
        urls.ShouldContain($"/psa/projects/{world.Project}");
        urls.ShouldContain($"/psa/invoices/{invoice}");

        var failures = new List<string>();
        foreach (var width in new[] { 360, 1400 })
        {
            var page = await chromium.OpenAsync(site, width, 900);
            foreach (var url in urls)
            {
                var response = await page.GotoAsync(url);
                var expected = Deliberate.GetValueOrDefault(url, 200);
                if (response?.Status != expected) failures.Add($"{url} at {width} px: answered {response?.Status} instead of {expected}");
                var measured = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
                if (measured[0] > measured[1])
                {
                    var widest = await page.EvaluateAsync<string>(WidestScript);
                    failures.Add($"{url} at {width} px: document {measured[0]} px wide in a {measured[1]} px window ({widest})");
                    await Screenshots.SaveAsync(page, $"too-wide-{width}-{url.Trim('/').Replace('/', '-').Replace('?', '-')}");
                }
            }
            await page.Context.CloseAsync();
        }
        failures.ShouldBeEmpty();
    }

    /// <summary>A project with a week of approved time, and its contract's draft invoice: records for the project-accounting pages.</summary>
    private static async Task<(AccountingWorld World, Guid Actual, Guid Invoice)> ProjectAccountingAsync(IServiceProvider services)
    {
        var world = await AccountingWorld.ArrangeAsync(services);
        await using var scope = services.CreateAsyncScope();
        var entries = scope.ServiceProvider.GetRequiredService<TimeEntryService>();
        var ids = new List<Guid>();
        for (var day = 0; day < 5; day++)
            ids.Add((await entries.CreateAsync(new TimeEntryInput(new DateOnly(2018, 2, 5).AddDays(day), 480, world.Ashley, world.Project,
                Description: "Workshops with the customer's sales and service teams on the account and contact model"))).Id);
        foreach (var id in ids) await entries.SubmitAsync(id);
        await entries.ApproveTimeEntries(ids, new ApprovalDecision(new Dictionary<Guid, decimal> { [ids[0]] = 6m }));
        var invoice = await scope.ServiceProvider.GetRequiredService<InvoiceService>().CreateDraftAsync(new InvoiceInput(world.Contract, new DateOnly(2018, 2, 28)));
        var actual = await scope.ServiceProvider.GetRequiredService<ActualQueries>().Rows(new ActualFilter(ProjectId: world.Project)).Select(a => a.Id).FirstAsync();
        return (world, actual, invoice.Id);
    }

    /// <summary>The pages whose status says what they show; every other page answers 200.</summary>
    private static readonly Dictionary<string, int> Deliberate = new() { ["/status/404"] = 404, ["/account/access-denied"] = 403 };

    /// <summary>A task and a requirement on the project, an opportunity and its quote: records for the planning and sales pages.</summary>
    private static async Task<(Guid Task, Guid Requirement, Guid Opportunity, Guid Quote)> PlanningAndSalesAsync(IServiceProvider services, AccountingWorld world)
    {
        await using var scope = services.CreateAsyncScope();
        T Get<T>() where T : notnull => scope.ServiceProvider.GetRequiredService<T>();
        var task = await Get<WorkBreakdownService>().AddTaskAsync(world.Project, new TaskInput("Design", null, null, new(2018, 2, 5), new(2018, 2, 9), 40m));
        var requirement = await Get<RequirementService>().CreateAsync(world.Project, new RequirementInput(Name: "Project manager for design", RoleId: world.ProjectManager,
            FromDate: new(2018, 2, 5), ToDate: new(2018, 2, 9), Hours: 40m));
        var opportunity = await Get<OpportunityService>().CreateAsync(new OpportunityInput("Alpine CRM phase 2", world.Customer, OrderType.WorkBased, world.Unit,
            EstimatedValue: 30_000m, Lines: [new OpportunityLineInput("Phase 2", BillingMethod.TimeAndMaterial, world.Project, 10_000m, new(2018, 3, 1), new(2018, 4, 30))]));
        var quote = await Get<QuoteService>().CreateAsync(new QuoteInput("Alpine CRM phase 2 quote", OpportunityId: opportunity.Id));
        return (task.Id, requirement.Id, opportunity.Id, quote.Id);
    }

    /// <summary>The first elements that reach past the window, outside the tables' own scrolling boxes: what to fix.</summary>
    private const string WidestScript =
        "() => [...document.querySelectorAll('body *')]" +
        ".filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1 && !e.parentElement.closest('.table-wrap'))" +
        ".slice(0, 3).map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : '') + ' ' + Math.round(e.getBoundingClientRect().right)).join(', ')";

    /// <summary>The route templates of the app's Razor Pages.</summary>
    public static IReadOnlyList<RoutePattern> Pages(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<ActionDescriptor>() is PageActionDescriptor)
            .Select(e => e.RoutePattern)
            .GroupBy(p => p.RawText).Select(g => g.First())
            .ToList();
}
