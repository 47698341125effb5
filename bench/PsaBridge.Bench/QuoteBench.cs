using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using PsaBridge.Infrastructure.Paging;
using PsaBridge.Integration.Hosting;
using PsaBridge.Psa.Accounts;
using PsaBridge.Psa.Actuals;
using PsaBridge.Psa.OrganizationalUnits;
using PsaBridge.Psa.Pricing;
using PsaBridge.Psa.Projects;
using PsaBridge.Psa.Resources;
using PsaBridge.Psa.Sales;
using PsaBridge.Psa.Sales.Estimates;
using PsaBridge.Psa.Sales.InvoiceFrequencies;
using PsaBridge.Psa.Sales.Quotes;

namespace PsaBridge.Bench;

/// <summary>
/// Issue 22's quote figures on SQLite: a quote with N estimate details (one time-and-material line, monthly over two
/// years, so 24 invoice schedule rows), a detail changed through the service (the rollups recomputed in its
/// transaction), timed five times after a warm-up, then the quote closed as won into its contract: once cold (the first
/// close in the process) and then a second quote like it, warm, as a server closes all but its first.
/// <c>quote --details 2000 [--dir DIR]</c>
/// </summary>
public static class QuoteBench
{
    public static async Task RunAsync(string[] args)
    {
        var count = int.Parse(PlanningBench.Arg(args, "--details", "2000"), CultureInfo.InvariantCulture);
        var dir = PlanningBench.Arg(args, "--dir", Path.Combine(Path.GetTempPath(), "psabridge-bench-quote"));
        await using var services = await PlanningBench.FreshAsync(dir);
        Console.WriteLine($"# Quote benchmark: {count:N0} details on SQLite, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, load average {PostingPhases.LoadAverage()}");

        Guid quoteId, secondId, detailId, roleId;
        var setup = Stopwatch.StartNew();
        await using (var scope = services.CreateAsyncScope())
        {
            T S<T>() where T : notnull => scope.ServiceProvider.GetRequiredService<T>();
            var unit = await S<OrganizationalUnitService>().CreateAsync(new OrganizationalUnitInput("Contoso US", "USD"));
            var role = await S<ResourceService>().CreateRoleAsync(new RoleInput("Project Manager"));
            roleId = role.Id;
            var customer = await S<AccountService>().CreateAsync(new AccountInput("Alpine Ski House", Currency: "USD"));
            await S<PriceListService>().CreateAsync(new PriceListInput("Cost", PriceListContext.Cost, "USD", new(2018, 1, 1), new(2019, 12, 31),
                OrganizationalUnitId: unit.Id, RolePrices: [new(role.Id, 50m)]));
            await S<PriceListService>().CreateAsync(new PriceListInput("Sales", PriceListContext.Sales, "USD", new(2018, 1, 1), new(2019, 12, 31),
                CustomerId: customer.Id, RolePrices: [new(role.Id, 100m)]));
            var project = await S<ProjectService>().CreateAsync(new ProjectInput("Alpine CRM", unit.Id, customer.Id));
            var details = Enumerable.Range(0, count).Select(i => new LineDetailInput(TransactionClass.Time, 1m + i % 40, new DateOnly(2018, 1, 1).AddDays(i % 700),
                RoleId: role.Id)).ToList();
            QuoteInput Big(string name, Guid projectId) => new(name, customer.Id, unit.Id, Lines:
            [
                new SalesLineInput("Implementation", BillingMethod.TimeAndMaterial, projectId, InvoiceFrequencyId: InvoiceFrequency.MonthlyLastDayId,
                    BillingStartDate: new(2018, 1, 1), RequestedDeliveryDate: new(2019, 12, 31), Details: details),
            ]);
            var quote = await S<QuoteService>().CreateAsync(Big("Big quote", project.Id));
            var second = await S<ProjectService>().CreateAsync(new ProjectInput("Alpine CRM 2", unit.Id, customer.Id));
            secondId = (await S<QuoteService>().CreateAsync(Big("Second big quote", second.Id))).Id;
            quoteId = quote.Id;
            detailId = (await S<QuoteDetailService>().ListAsync(quote.Id, null, new PageRequest(1, 1))).Items[0].Id;
            Console.WriteLine($"setup: {setup.Elapsed.TotalSeconds:F1} s, sales {quote.Rollup.SalesAmount:N2}, {quote.Lines[0].InvoiceSchedule.Count} schedule rows");
        }

        var runs = new List<double>();
        for (var i = 0; i < 6; i++)
        {
            await using var scope = services.CreateAsyncScope();
            var watch = Stopwatch.StartNew();
            await scope.ServiceProvider.GetRequiredService<QuoteDetailService>().UpdateAsync(quoteId, detailId,
                new LineDetailInput(TransactionClass.Time, 10m + i, new DateOnly(2018, 3, 1), RoleId: roleId));
            if (i > 0) runs.Add(watch.Elapsed.TotalMilliseconds);
        }
        runs.Sort();
        Console.WriteLine($"| change one detail of {count:N0}, rollups recomputed | {runs[0]:F0} | {runs[runs.Count / 2]:F0} | {runs[^1]:F0} |");

        await CloseAsync(services, quoteId, count, "cold, the first in the process");
        await CloseAsync(services, secondId, count, "warm, a second quote like it");
    }

    private static async Task CloseAsync(ServiceProvider services, Guid quoteId, int count, string when)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<QuoteService>().ActivateAsync(quoteId);
        var watch = Stopwatch.StartNew();
        var contract = await scope.ServiceProvider.GetRequiredService<QuoteClosing>().WinAsync(quoteId, new CloseQuoteInput("Won"));
        Console.WriteLine($"| close as won ({when}): {count:N0} details, {contract.Lines.Sum(l => l.InvoiceSchedule.Count)} schedule rows | {watch.Elapsed.TotalMilliseconds:F0} | | | sales {contract.Rollup.SalesAmount:N2} |");
    }
}
