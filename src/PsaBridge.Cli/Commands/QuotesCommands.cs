using System.CommandLine;
using System.Globalization;
using PsaBridge.Cli.Infrastructure;
using PsaBridge.Infrastructure.Export;
using PsaBridge.Infrastructure.Paging;
using PsaBridge.Psa.Sales;
using PsaBridge.Psa.Sales.Estimates;
using PsaBridge.Psa.Sales.Quotes;
using Spectre.Console;

namespace PsaBridge.Cli.Commands;

/// <summary><c>psabridge quotes</c>: project quotes with their state, rollups, lines and estimate details.</summary>
internal static class QuotesCommands
{
    public static Command Create() => new("quotes", "Project quotes: Draft, Active, Won (it made the contract) or Closed (lost), with their cost, sales and margin.")
    {
        List(),
        Show(),
    };

    private static Command List()
    {
        var customer = new Option<Guid?>("--customer") { Description = "Only quotes of this customer (its PSA account id).", HelpName = "ID" };
        var opportunity = new Option<Guid?>("--opportunity") { Description = "Only quotes of this opportunity (its id).", HelpName = "ID" };
        var state = new Option<QuoteState?>("--state") { Description = "Only quotes in this state: Draft, Active, Won or Closed.", HelpName = "STATE" };
        var search = new Option<string?>("--search") { Description = "Only quotes whose name contains this text.", HelpName = "TEXT" };
        var sort = new Option<string?>("--sort") { Description = "name, created or state; '-' before it for descending (name by default).", HelpName = "KEY" };
        var output = new ListOutput();
        return output.AddTo(new Command("list", "Lists quotes with their totals.") { customer, opportunity, state, search, sort }).Runs(async ctx =>
        {
            var filter = new QuoteFilter(ctx.Value(customer), ctx.Value(opportunity), ctx.Value(state), ctx.Value(search), ctx.Value(sort));
            await output.WriteAsync(ctx, "quotes", Columns, page => ctx.Service<QuoteService>().ListAsync(filter, page, ctx.Cancellation));
            return ExitCodes.Ok;
        });
    }

    private static readonly ExportColumn<Quote>[] Columns =
    [
        ExportColumn<Quote>.Text("Id", q => q.Id),
        ExportColumn<Quote>.Text("Name", q => q.Name),
        ExportColumn<Quote>.Text("State", q => q.StateCode),
        ExportColumn<Quote>.Text("Status reason", q => q.StatusCode),
        ExportColumn<Quote>.Number("Sales", q => q.Rollup.SalesAmount),
        ExportColumn<Quote>.Number("Chargeable cost", q => q.Rollup.ChargeableCost),
        ExportColumn<Quote>.Number("Gross margin", q => q.Rollup.GrossMargin),
        ExportColumn<Quote>.Number("Profitability %", q => q.Rollup.ProfitabilityPercent),
        ExportColumn<Quote>.Text("Currency", q => q.Currency),
        ExportColumn<Quote>.Text("Customer", q => q.CustomerId),
        ExportColumn<Quote>.Text("Opportunity", q => q.OpportunityId),
    ];

    private static Command Show()
    {
        var id = CommonArguments.Guid("ID", "The quote's id (from 'psabridge quotes list').");
        return new Command("show", "Shows one quote: its header and rollups, its lines with their milestones and invoice schedules, and its estimate details.") { id }
            .Runs(async ctx =>
            {
                var quote = await ctx.Service<QuoteService>().GetAsync(ctx.Value(id), ctx.Cancellation);
                ctx.Console.WriteFields($"Quote {quote.Name}",
                    ("Id", quote.Id),
                    ("Name", quote.Name),
                    ("State", quote.StateCode),
                    ("Status reason", quote.StatusCode),
                    ("Close reason", quote.CloseReason),
                    ("Order type", quote.OrderType),
                    ("Customer", quote.CustomerId),
                    ("Opportunity", quote.OpportunityId),
                    ("Contracting unit", quote.ContractingUnitId),
                    ("Requested delivery", Date(quote.RequestedDeliveryDate)),
                    ("Currency", quote.Currency),
                    ("Sales", quote.Rollup.SalesAmount),
                    ("Chargeable cost", quote.Rollup.ChargeableCost),
                    ("Non-chargeable cost", quote.Rollup.NonChargeableCost),
                    ("Gross margin", quote.Rollup.GrossMargin),
                    ("Profitability %", quote.Rollup.ProfitabilityPercent),
                    ("Price lists", quote.PriceLists.Select(p => p.PriceListId.ToString()).ToList()),
                    ("Contract", quote.ContractId));
                var lines = quote.Lines.OrderBy(l => l.LineNumber).ToList();
                ctx.Console.WriteLine($"Lines ({lines.Count}):");
                if (lines.Count > 0)
                    ctx.Console.Write(Output.Table(lines,
                    [
                        ("Id", l => l.Id),
                        ("#", l => l.LineNumber),
                        .. SalesLineColumns.Terms<QuoteLine>(),
                        ("Gross margin", l => l.Rollup.GrossMargin),
                        ("Milestones", l => l.Milestones.OrderBy(m => m.InvoiceDate).Select(m => $"{Date(m.InvoiceDate)} {Output.Format(m.Amount)}").ToList()),
                        ("Invoice runs", l => l.InvoiceSchedule.OrderBy(s => s.InvoiceRunDate).Select(s => Date(s.InvoiceRunDate)).ToList()),
                    ]));
                var details = await ctx.Service<QuoteDetailService>().ListAsync(quote.Id, null, new PageRequest(1, PageRequest.MaxPageSize), ctx.Cancellation);
                SalesLineColumns.WriteDetails(ctx.Console, details, lines);
                return ExitCodes.Ok;
            });
    }

    private static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
}
