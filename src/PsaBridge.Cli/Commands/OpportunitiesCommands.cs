using System.CommandLine;
using PsaBridge.Cli.Infrastructure;
using PsaBridge.Infrastructure.Export;
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
        var output = new ListOutput();
        return output.AddTo(new Command("list", "Lists opportunities with their estimated value and close date.") { customer, state, search, sort }).Runs(async ctx =>
        {
            var filter = new OpportunityFilter(ctx.Value(customer), ctx.Value(state), ctx.Value(search), ctx.Value(sort));
            await output.WriteAsync(ctx, "opportunities", Columns, page => ctx.Service<OpportunityService>().ListAsync(filter, page, ctx.Cancellation));
            return ExitCodes.Ok;
        });
    }

    private static readonly ExportColumn<Opportunity>[] Columns =
    [
        ExportColumn<Opportunity>.Text("Id", o => o.Id),
        ExportColumn<Opportunity>.Text("Name", o => o.Name),
        ExportColumn<Opportunity>.Text("State", o => o.StateCode),
        ExportColumn<Opportunity>.Text("Status reason", o => o.StatusCode),
        ExportColumn<Opportunity>.Text("Order type", o => o.OrderType),
        ExportColumn<Opportunity>.Number("Estimated value", o => o.EstimatedValue),
        ExportColumn<Opportunity>.Text("Currency", o => o.Currency),
        ExportColumn<Opportunity>.Date("Estimated close", o => o.EstimatedCloseDate),
        ExportColumn<Opportunity>.Integer("Probability %", o => o.CloseProbability),
        ExportColumn<Opportunity>.Integer("Lines", o => o.Lines.Count),
        ExportColumn<Opportunity>.Text("Customer", o => o.CustomerId),
    ];
}
