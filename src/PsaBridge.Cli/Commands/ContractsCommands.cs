using System.CommandLine;
using System.Globalization;
using PsaBridge.Cli.Infrastructure;
using PsaBridge.Infrastructure.Export;
using PsaBridge.Infrastructure.Paging;
using PsaBridge.Psa.Sales;
using PsaBridge.Psa.Sales.Contracts;
using Spectre.Console;

namespace PsaBridge.Cli.Commands;

/// <summary><c>psabridge contracts</c>: project contracts with their state, rollups and actuals, lines, milestones and invoice schedules; confirming one.</summary>
internal static class ContractsCommands
{
    public static Command Create() => new("contracts", "Project contracts: Draft, then (Confirm, one-way) Active, then Closed; with cost, sales, margin and what the actuals say.")
    {
        List(),
        Show(),
        Confirm(),
    };

    private static readonly ExportColumn<ProjectContract>[] Columns =
    [
        ExportColumn<ProjectContract>.Text("Id", c => c.Id),
        ExportColumn<ProjectContract>.Text("Name", c => c.Name),
        ExportColumn<ProjectContract>.Text("State", c => c.PsaState),
        ExportColumn<ProjectContract>.Text("Status reason", c => c.PsaStatusReason),
        ExportColumn<ProjectContract>.Text("Order type", c => c.OrderType),
        ExportColumn<ProjectContract>.Number("Sales", c => c.Rollup.SalesAmount),
        ExportColumn<ProjectContract>.Number("Chargeable cost", c => c.Rollup.ChargeableCost),
        ExportColumn<ProjectContract>.Number("Gross margin", c => c.Rollup.GrossMargin),
        ExportColumn<ProjectContract>.Number("Actual cost", c => c.Actuals?.ActualCost),
        ExportColumn<ProjectContract>.Number("Unbilled sales", c => c.Actuals?.UnbilledSales),
        ExportColumn<ProjectContract>.Number("Billed sales", c => c.Actuals?.BilledSales),
        ExportColumn<ProjectContract>.Text("Currency", c => c.Currency),
        ExportColumn<ProjectContract>.Text("Customer", c => c.CustomerId),
        ExportColumn<ProjectContract>.Text("Quote", c => c.QuoteId),
    ];

    private static Command List()
    {
        var customer = new Option<Guid?>("--customer") { Description = "Only contracts of this customer (its PSA account id).", HelpName = "ID" };
        var state = new Option<ContractState?>("--state") { Description = "Only contracts in this state: Draft, Active or Closed.", HelpName = "STATE" };
        var search = CommonOptions.Search("name (anywhere)");
        var sort = new Option<string?>("--sort") { Description = "name, created or state; '-' before it for descending (name by default).", HelpName = "KEY" };
        var output = new ListOutput();
        return output.AddTo(new Command("list", "Lists contracts with their totals and actuals.") { customer, state, search, sort }).Runs(async ctx =>
        {
            var filter = new ContractFilter(ctx.Value(customer), ctx.Value(search), ctx.Value(state), ctx.Value(sort));
            await output.WriteAsync(ctx, "contracts", Columns, page => ctx.Service<ContractService>().ListAsync(filter, page, ctx.Cancellation));
            return ExitCodes.Ok;
        });
    }

    private static Command Show()
    {
        var id = CommonArguments.Guid("ID", "The contract's id (from 'psabridge contracts list').");
        return new Command("show", "Shows one contract: its header, rollups and actuals, its lines, milestones and invoice schedule rows, and its line details.") { id }.Runs(async ctx =>
        {
            var contract = await ctx.Service<ContractService>().GetAsync(ctx.Value(id), ctx.Cancellation);
            ctx.Console.WriteFields($"Contract {contract.Name}",
                [.. Columns.Select(c => (c.Header, c.Value(contract))),
                    ("Contracting unit", contract.ContractingUnitId), ("Opportunity", contract.OpportunityId), ("Created", contract.CreatedOn), ("Confirmed", contract.ConfirmedOn),
                    ("Price lists", contract.PriceLists.Select(p => p.PriceListId.ToString()).ToList())]);
            var lines = contract.Lines.OrderBy(l => l.Name, StringComparer.Ordinal).ToList();
            ctx.Console.WriteLine($"Lines ({lines.Count}):");
            if (lines.Count > 0)
                ctx.Console.Write(Output.Table(lines,
                [
                    ("Id", l => l.Id),
                    .. SalesLineColumns.Terms<ContractLine>(),
                    ("Unbilled sales", l => l.Actuals?.UnbilledSales),
                    ("Billed sales", l => l.Actuals?.BilledSales),
                    ("Milestones", l => l.Milestones.OrderBy(m => m.InvoiceDate).Select(m => $"{Date(m.InvoiceDate)} {Output.Format(m.Amount)} {m.InvoiceStatus}").ToList()),
                    ("Invoice runs", l => l.InvoiceSchedule.OrderBy(s => s.InvoiceRunDate).Select(s => $"{Date(s.InvoiceRunDate)} {s.InvoiceRunStatus}").ToList()),
                ]));
            var details = await ctx.Service<ContractDetailService>().ListAsync(contract.Id, null, new PageRequest(1, PageRequest.MaxPageSize), ctx.Cancellation);
            SalesLineColumns.WriteDetails(ctx.Console, details, lines);
            return ExitCodes.Ok;
        });
    }

    private static Command Confirm()
    {
        var id = CommonArguments.Guid("ID", "The draft contract's id.");
        return new Command("confirm", "Confirms a draft contract (one-way): it becomes Active, and its lines and details read-only but for milestones' invoice status.") { id }
            .Runs(async ctx =>
            {
                var contract = await ctx.Service<ContractService>().ConfirmAsync(ctx.Value(id), ctx.Cancellation);
                await ctx.AuditAsync("ConfirmContract", "Contract", contract.Id.ToString());
                ctx.Console.WriteLine($"Contract '{contract.Name}' is confirmed: {contract.PsaState}, {contract.PsaStatusReason}.");
                return ExitCodes.Ok;
            });
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
