using System.CommandLine;
using System.Globalization;
using PsaBridge.Cli.Infrastructure;
using PsaBridge.Psa.Sales;
using PsaBridge.Psa.Sales.Opportunities;

namespace PsaBridge.Cli.Commands;

/// <summary><c>psabridge opportunities</c>: the sales pipeline's opportunities, open, won or lost.</summary>
internal static class OpportunitiesCommands
{
    public static Command Create() => new("opportunities", "Opportunities: the start of every engagement, Open, Won or Lost; quotes are made from them.")
    {
        List(),
    };

    private static Command List()
    {
        var customer = new Option<Guid?>("--customer") { Description = "Only opportunities of this customer (its PSA account id).", HelpName = "ID" };
        var state = new Option<OpportunityState?>("--state") { Description = "Only opportunities in this state: Open, Won or Lost.", HelpName = "STATE" };
        var search = new Option<string?>("--search") { Description = "Only opportunities whose name contains this text.", HelpName = "TEXT" };
        var sort = new Option<string?>("--sort") { Description = "name, closeDate or created; '-' before it for descending (name by default).", HelpName = "KEY" };
        var paging = new PagingOptions();
        return paging.AddTo(new Command("list", "Lists opportunities with their estimated value and close date.") { customer, state, search, sort }).Runs(async ctx =>
        {
            var filter = new OpportunityFilter(ctx.Value(customer), ctx.Value(state), ctx.Value(search), ctx.Value(sort));
            var page = await ctx.Service<OpportunityService>().ListAsync(filter, paging.Read(ctx), ctx.Cancellation);
            ctx.Console.WritePage(page, "opportunities",
                ("Id", o => o.Id),
                ("Name", o => o.Name),
                ("State", o => o.StateCode),
                ("Status reason", o => o.StatusCode),
                ("Order type", o => o.OrderType),
                ("Estimated value", o => o.EstimatedValue),
                ("Currency", o => o.Currency),
                ("Estimated close", o => o.EstimatedCloseDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                ("Probability %", o => o.CloseProbability),
                ("Lines", o => o.Lines.Count),
                ("Customer", o => o.CustomerId));
            return ExitCodes.Ok;
        });
    }
}
