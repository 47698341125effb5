using System.CommandLine;
using PsaBridge.Cli.Infrastructure;
using PsaBridge.Finance.PaymentTerms;
using Spectre.Console;

namespace PsaBridge.Cli.Commands;

/// <summary><c>psabridge payment-terms</c>: the terms of payment customers refer to.</summary>
internal static class PaymentTermsCommands
{
    public static Command Create() => new("payment-terms", "Terms of payment. A PSA account's payment terms must exist here for the sync to accept it.")
    {
        List(),
        Add(),
        Remove(),
    };

    private static Command List()
    {
        var paging = new PagingOptions();
        return paging.AddTo(new Command("list", "Lists payment terms by net days.")).Runs(async ctx =>
        {
            var page = await ctx.Service<PaymentTermService>().ListAsync(paging.Read(ctx), ctx.Cancellation);
            ctx.Console.WritePage(page, "payment terms", ("Code", t => t.Code), ("Description", t => t.Description), ("Net days", t => t.NetDays));
            return ExitCodes.Ok;
        });
    }

    private static Command Add()
    {
        var code = new Argument<string>("CODE") { Description = $"The code customers refer to, at most {PaymentTerm.CodeLength} characters (e.g. Net15)." };
        var description = new Option<string?>("--description") { Description = "What the terms are, e.g. \"Net 15 days\".", HelpName = "TEXT" };
        var netDays = new Option<int?>("--net-days") { Description = "Days from invoice to due date (0 to 3650; default 0).", HelpName = "DAYS" };
        return new Command("add", "Adds a payment term.") { code, description, netDays }.Runs(async ctx =>
        {
            var term = await ctx.Service<PaymentTermService>().CreateAsync(
                new PaymentTermInput(ctx.Value(code), ctx.Value(description), ctx.Value(netDays)), ctx.Cancellation);
            await ctx.AuditAsync("CreatePaymentTerm", "PaymentTerm", term.Code);
            ctx.Console.WriteLine($"Payment term {term.Code} added: {term.Description}, net {term.NetDays} days.");
            return ExitCodes.Ok;
        });
    }

    private static Command Remove()
    {
        var code = new Argument<string>("CODE") { Description = "The code of the payment term." };
        return new Command("remove", "Removes a payment term that no customer uses.") { code }.Runs(async ctx =>
        {
            await ctx.Service<PaymentTermService>().DeleteAsync(ctx.Value(code), ctx.Cancellation);
            await ctx.AuditAsync("DeletePaymentTerm", "PaymentTerm", ctx.Value(code));
            ctx.Console.WriteLine($"Payment term {ctx.Value(code)} removed.");
            return ExitCodes.Ok;
        });
    }
}
