using System.CommandLine;
using System.Globalization;
using PsaBridge.Cli.Infrastructure;
using PsaBridge.Psa.Actuals;
using Spectre.Console;

namespace PsaBridge.Cli.Commands;

/// <summary><c>psabridge actuals</c>: the Actuals ledger, read as seeds/003 "Reporting on actual transactions" tabulates it.</summary>
internal static class ActualsCommands
{
    public static Command Create() => new("actuals", "The Actuals ledger: cost, unbilled sales and billed sales of approved time, expenses and invoices.")
    {
        List(),
        Show(),
    };

    private static Command List()
    {
        var project = new Option<Guid?>("--project") { Description = "Only actuals of this project (its id).", HelpName = "ID" };
        var contract = new Option<Guid?>("--contract") { Description = "Only actuals of this project contract (its id).", HelpName = "ID" };
        var customer = new Option<Guid?>("--customer") { Description = "Only actuals of this customer (its PSA account id).", HelpName = "ID" };
        var type = new Option<TransactionType?>("--type") { Description = "Only actuals of this transaction type: Cost, UnbilledSales or BilledSales.", HelpName = "TYPE" };
        type.AcceptOnlyFromAmong(nameof(TransactionType.Cost), nameof(TransactionType.UnbilledSales), nameof(TransactionType.BilledSales));
        var paging = new PagingOptions();
        return paging.AddTo(new Command("list", "Lists actuals by document date, in the order they were posted.") { project, contract, customer, type }).Runs(async ctx =>
        {
            var filter = new ActualFilter(ctx.Value(project), ctx.Value(contract), ctx.Value(customer), ctx.Value(type));
            var page = await ctx.Service<ActualQueries>().ListAsync(filter, paging.Read(ctx), ctx.Cancellation);
            ctx.Console.WritePage(page, "actuals",
                ("Id", a => a.Id),
                ("Document date", a => Date(a.DocumentDate)),
                ("Transaction type", a => a.TransactionType),
                ("Transaction class", a => a.TransactionClass),
                ("Customer", a => a.Customer),
                ("Contract", a => a.Contract),
                ("Resource", a => a.Resource ?? a.TransactionCategory),
                ("Resource role", a => a.Role),
                ("Billing type", a => a.BillingType),
                ("Quantity", a => a.Quantity),
                ("Unit price", a => a.UnitPrice),
                ("Amount", a => a.Amount),
                ("Currency", a => a.Currency),
                ("Billing status", a => a.BillingStatus));
            return ExitCodes.Ok;
        });
    }

    private static Command Show()
    {
        var id = CommonArguments.Guid("ID", "The actual's id (from 'psabridge actuals list').");
        return new Command("show", "Shows one actual with its transaction origins and connections.") { id }.Runs(async ctx =>
        {
            var detail = await ctx.Service<ActualQueries>().GetAsync(ctx.Value(id), ctx.Cancellation);
            var a = detail.Actual;
            ctx.Console.WriteFields($"Actual {a.Id}",
                ("Id", a.Id),
                ("Document date", Date(a.DocumentDate)),
                ("Accounting date", a.AccountingDate is { } accounting ? Date(accounting) : null),
                ("Transaction type", a.TransactionType),
                ("Transaction class", a.TransactionClass),
                ("Customer", a.Customer),
                ("Contract", a.Contract),
                ("Project", a.Project),
                ("Resource", a.Resource),
                ("Resource role", a.Role),
                ("Transaction category", a.TransactionCategory),
                ("Billing type", a.BillingType),
                ("Quantity", a.Quantity),
                ("Unit", a.Unit),
                ("Unit price", a.UnitPrice),
                ("Amount", a.Amount),
                ("Currency", a.Currency),
                ("Billing status", a.BillingStatus),
                ("Adjustment status", a.AdjustmentStatus),
                ("Invoice", a.InvoiceId),
                ("Source entry", a.SourceEntryId),
                ("Created", a.CreatedOn));
            ctx.Console.WriteLine($"Transaction origins ({detail.Origins.Count}):");
            ctx.Console.Write(Output.Table(detail.Origins,
                ("Origin type", o => o.OriginType),
                ("Origin", o => o.OriginId)));
            ctx.Console.WriteLine($"Transaction connections ({detail.Connections.Count}):");
            ctx.Console.Write(Output.Table(detail.Connections,
                ("Transaction 1", c => c.Transaction1Id),
                ("Role 1", c => c.Transaction1Role),
                ("Type 1", c => c.Transaction1Type),
                ("Transaction 2", c => c.Transaction2Id),
                ("Role 2", c => c.Transaction2Role),
                ("Type 2", c => c.Transaction2Type)));
            return ExitCodes.Ok;
        });
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
