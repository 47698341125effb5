using Microsoft.EntityFrameworkCore;
using PsaBridge.Infrastructure.Storage;
using PsaBridge.Psa.Actuals;
using PsaBridge.Psa.Sales;
using PsaBridge.Psa.Sales.Contracts;
using PsaBridge.Psa.Sales.Quotes;
using PsaBridge.Psa.Tests.Api;
using PsaBridge.Testing;

namespace PsaBridge.Psa.Tests.Sales;

/// <summary>Which sales price lists apply to a project, and so whether its approved time earns unbilled sales and at what price.</summary>
[Trait("Engine", "Both")]
public sealed class ProjectSalesQueryTests
{
    [Fact]
    public async Task A_project_on_no_contract_but_on_an_open_quote_line_is_priced_on_the_quote_and_earns_unbilled_sales()
    {
        await using var app = await PsaBridgeApp.StartAsync();
        var client = app.CreateClient();
        var alpine = await Alpine.SetUpAsync(client, withCustomer: false, withContract: false);
        var quoteList = await client.CreateIdAsync("price-lists", new
        {
            name = "Alpine quote pricing", context = "Sales", currency = "USD", rolePrices = new[] { new { roleId = alpine.ProjectManager, price = 120m } },
        });
        var quote = await InsertQuoteAsync(app, alpine, BillingMethod.TimeAndMaterial, quoteList);

        await using (var db = app.Databases.OpenPsa())
        {
            var sales = await ProjectSalesQuery.ForProjectAsync(db, alpine.Project, TransactionClass.Time, CancellationToken.None);
            (sales.Source, sales.Terms.CustomerId, sales.Terms.PostsUnbilledSales, sales.Owner, sales.QuoteId).ShouldBe(
                (ProjectSalesSource.Quote, (Guid?)alpine.Customer, true, "quote 'Alpine CRM'", (Guid?)quote.Id));
            sales.PriceLists.Select(p => (p.Id, p.RolePrices.Single().Price)).ShouldBe([(quoteList, 120m)]);
        }

        await alpine.ApprovedTimeEntryAsync(client);
        var actuals = await client.ActualsAsync($"?projectId={alpine.Project}");
        actuals.Select(a => (a.Text("transactionType"), a.Number("unitPrice"), a.Number("amount"))).ShouldBe([("Cost", 50m, 400m), ("UnbilledSales", 120m, 960m)]);
        actuals[1].Id("customerId").ShouldBe(alpine.Customer);
    }

    [Fact]
    public async Task A_fixed_price_quote_line_posts_cost_only_and_a_lost_quote_no_longer_applies()
    {
        await using var app = await PsaBridgeApp.StartAsync();
        var client = app.CreateClient();
        var alpine = await Alpine.SetUpAsync(client, withCustomer: false, withContract: false);
        var quote = await InsertQuoteAsync(app, alpine, BillingMethod.FixedPrice, null);
        await using var db = app.Databases.OpenPsa();

        var fixedPrice = await ProjectSalesQuery.ForProjectAsync(db, alpine.Project, TransactionClass.Time, CancellationToken.None);
        (fixedPrice.Source, fixedPrice.Terms.PostsUnbilledSales).ShouldBe((ProjectSalesSource.Quote, false));

        await db.Set<Quote>().Where(q => q.Id == quote.Id).ExecuteUpdateAsync(s => s.SetProperty(q => q.StateCode, QuoteState.Closed));
        var lost = await ProjectSalesQuery.ForProjectAsync(db, alpine.Project, TransactionClass.Time, CancellationToken.None);
        (lost.Source, lost.Terms.PostsUnbilledSales, lost.PriceLists.Count).ShouldBe((ProjectSalesSource.None, false, 0));
    }

    [Fact]
    public async Task A_contract_lines_own_price_lists_come_before_the_contracts_and_the_customers_lists_apply_without_either()
    {
        await using var app = await PsaBridgeApp.StartAsync();
        var client = app.CreateClient();
        var alpine = await Alpine.SetUpAsync(client);
        await using var db = app.Databases.OpenPsa();

        var onContract = await ProjectSalesQuery.ForProjectAsync(db, alpine.Project, TransactionClass.Time, CancellationToken.None);
        (onContract.Source, onContract.Terms.Line!.Id, onContract.Owner).ShouldBe((ProjectSalesSource.Contract, alpine.ContractLine!.Value, "contract 'Alpine CRM'"));
        onContract.PriceLists.Single().Name.ShouldBe("Alpine Ski House sales 2018");

        var lineList = await client.CreateIdAsync("price-lists", new { name = "CRM line pricing", context = "Sales", currency = "USD" });
        db.Add(new ContractLinePriceList { ContractLineId = alpine.ContractLine!.Value, PriceListId = lineList });
        await db.SaveChangesAsync();
        var onLine = await ProjectSalesQuery.ForProjectAsync(db, alpine.Project, TransactionClass.Time, CancellationToken.None);
        (onLine.Owner, onLine.PriceLists.Single().Id).ShouldBe(("contract line 'CRM implementation' of contract 'Alpine CRM'", lineList));

        var other = await Alpine.SetUpAsync(client, withContract: false);
        var customerOnly = await ProjectSalesQuery.ForProjectAsync(db, other.Project, TransactionClass.Time, CancellationToken.None);
        (customerOnly.Source, customerOnly.Terms.PostsUnbilledSales, customerOnly.PriceLists.Single().Name).ShouldBe(
            (ProjectSalesSource.Customer, true, "Alpine Ski House sales 2018"));
    }

    /// <summary>A draft quote of Alpine CRM with one line naming the project, written straight into the database.</summary>
    private static async Task<Quote> InsertQuoteAsync(PsaBridgeApp app, Alpine alpine, BillingMethod method, Guid? priceList)
    {
        await using var db = app.Databases.OpenPsa();
        var quote = new Quote
        {
            Id = Ids.New(), Name = "Alpine CRM", CustomerId = alpine.Customer, ContractingUnitId = alpine.Unit, Currency = "USD",
            CreatedOn = DateTime.UtcNow, ModifiedOn = DateTime.UtcNow,
        };
        quote.Lines.Add(new QuoteLine { Id = Ids.New(), QuoteId = quote.Id, LineNumber = 1, Name = "CRM", BillingMethod = method, ProjectId = alpine.Project, Amount = method == BillingMethod.FixedPrice ? 1000m : null });
        if (priceList is { } list) quote.PriceLists.Add(new QuotePriceList { QuoteId = quote.Id, PriceListId = list });
        db.Add(quote);
        await db.SaveChangesAsync();
        return quote;
    }
}
