using System.CommandLine;
using System.Globalization;
using PsaBridge.Cli.Infrastructure;
using PsaBridge.Psa.Invoicing;
using PsaBridge.Psa.Invoicing.InvoiceRuns;
using Spectre.Console;

namespace PsaBridge.Cli.Commands;

/// <summary><c>psabridge invoices</c>: project invoices, one per contract, with their lines and line details.</summary>
internal static class InvoicesCommands
{
    public static Command Create() => new("invoices", "Project invoices: drafts gather a contract's unbilled sales and milestones; confirmed ones posted billed sales.")
    {
        List(),
        Show(),
        Run(),
    };

    private static Command Run()
    {
        var date = new Option<DateOnly?>("--date") { Description = "The run date: schedule rows and ready milestones due by then are invoiced (today when left out).", HelpName = "YYYY-MM-DD" };
        return new Command("run", "Runs 'Create project invoices' for a date, logged: a draft invoice per contract due; running it again for the date makes nothing.") { date }
            .Runs(async ctx =>
            {
                var runDate = ctx.Value(date) ?? DateOnly.FromDateTime(ctx.Service<TimeProvider>().GetUtcNow().UtcDateTime);
                var report = await ctx.Service<InvoiceRunLog>().RunAsync(runDate, ct: ctx.Cancellation);
                await ctx.AuditAsync("RunCreateProjectInvoices", "InvoiceRun", report.LogId.ToString()!, $"Run date {Date(runDate)}: {report.Invoiced} invoiced.");
                ctx.Console.WriteFields($"Create project invoices for {Date(runDate)}",
                    ("Log", report.LogId), ("Contracts", report.Contracts.Count), ("Invoiced", report.Invoiced), ("Nothing to invoice", report.NothingToInvoice),
                    ("Failed", report.Failed));
                if (report.Contracts.Count > 0)
                    ctx.Console.Write(Output.Table(report.Contracts,
                        ("Contract", c => c.ContractId), ("Name", c => c.ContractName), ("Outcome", c => c.Outcome), ("Invoice", c => c.InvoiceId),
                        ("Amount", c => c.Amount), ("Currency", c => c.Currency), ("Transactions", c => c.Transactions), ("Message", c => c.Message)));
                return report.Failed > 0 ? ExitCodes.Failed : ExitCodes.Ok;
            });
    }

    private static Command List()
    {
        var contract = new Option<Guid?>("--contract") { Description = "Only invoices of this project contract (its id).", HelpName = "ID" };
        var customer = new Option<Guid?>("--customer") { Description = "Only invoices of this customer (its PSA account id).", HelpName = "ID" };
        var status = new Option<InvoiceStatus?>("--status") { Description = "Only invoices in this status: Draft, InReview, Confirmed or InvoicePaid.", HelpName = "STATUS" };
        var paging = new PagingOptions();
        return paging.AddTo(new Command("list", "Lists invoices by invoice date.") { contract, customer, status }).Runs(async ctx =>
        {
            var filter = new InvoiceFilter(ctx.Value(contract), ctx.Value(customer), ctx.Value(status));
            var page = await ctx.Service<InvoiceService>().ListAsync(filter, paging.Read(ctx), ctx.Cancellation);
            ctx.Console.WritePage(page, "invoices",
                ("Id", i => i.Id),
                ("Name", i => i.Name),
                ("Invoice date", i => Date(i.InvoiceDate)),
                ("Status", i => i.Status),
                ("Lines", i => i.Lines.Count),
                ("Total", i => i.TotalAmount),
                ("Currency", i => i.Currency),
                ("Contract", i => i.ContractId),
                ("Customer", i => i.CustomerId));
            return ExitCodes.Ok;
        });
    }

    private static Command Show()
    {
        var id = CommonArguments.Guid("ID", "The invoice's id (from 'psabridge invoices list').");
        return new Command("show", "Shows one invoice with its lines and their details (the transactions billed).") { id }.Runs(async ctx =>
        {
            var invoice = await ctx.Service<InvoiceService>().GetAsync(ctx.Value(id), ctx.Cancellation);
            ctx.Console.WriteFields($"Invoice {invoice.Name}",
                ("Id", invoice.Id),
                ("Name", invoice.Name),
                ("Invoice date", Date(invoice.InvoiceDate)),
                ("Status", invoice.Status),
                ("Total", invoice.TotalAmount),
                ("Currency", invoice.Currency),
                ("Contract", invoice.ContractId),
                ("Customer", invoice.CustomerId),
                ("Created", invoice.CreatedOn),
                ("Confirmed", invoice.ConfirmedOn));
            foreach (var line in invoice.Lines.OrderBy(l => l.Name, StringComparer.Ordinal))
            {
                ctx.Console.WriteLine($"Line {line.Name}: chargeable {Output.Format(line.ChargeableAmount)}, non-chargeable {Output.Format(line.NonChargeableAmount)}, " +
                                      $"complimentary {Output.Format(line.ComplimentaryAmount)} ({line.Details.Count} details):");
                ctx.Console.Write(Output.Table(line.Details.OrderBy(d => d.DocumentDate).ThenBy(d => d.Id),
                    ("Id", d => d.Id),
                    ("Document date", d => Date(d.DocumentDate)),
                    ("Transaction class", d => d.TransactionClass),
                    ("Billing type", d => d.BillingType),
                    ("Quantity", d => d.Quantity),
                    ("Unit price", d => d.UnitPrice),
                    ("Amount", d => d.Amount),
                    ("Unbilled actual", d => d.ActualId),
                    ("Milestone", d => d.MilestoneId),
                    ("Description", d => d.Description)));
            }
            return ExitCodes.Ok;
        });
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
