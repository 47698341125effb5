using System.CommandLine;
using PsaBridge.Cli.Infrastructure;
using PsaBridge.Finance.Customers;
using PsaBridge.Infrastructure.Paging;
using PsaBridge.Integration.Log;
using Spectre.Console;

namespace PsaBridge.Cli.Commands;

/// <summary><c>psabridge customers</c>: the finance customers (they come from PSA through the sync).</summary>
internal static class CustomersCommands
{
    public static Command Create() => new("customers", "Finance customers, as the customer sync made them from PSA accounts.")
    {
        List(),
        Show(),
    };

    private static Command List()
    {
        var search = CommonOptions.Search("customer account (from the start), name, phone or email");
        var group = new Option<string?>("--group") { Description = "Only customers of this customer group.", HelpName = "GROUP" };
        var paging = new PagingOptions();
        return paging.AddTo(new Command("list", "Lists customers by customer account.") { search, group }).Runs(async ctx =>
        {
            var page = await ctx.Service<CustomerQueries>().ListAsync(
                new CustomerFilter(ctx.Value(search), CustomerGroup: ctx.Value(group)), paging.Read(ctx), ctx.Cancellation);
            ctx.Console.WritePage(page, "customers",
                ("Customer account", c => c.CustomerAccount),
                ("Name", c => c.Name),
                ("Group", c => c.CustomerGroupId),
                ("Currency", c => c.Currency),
                ("Payment terms", c => c.PaymentTerms),
                ("Credit limit", c => c.CreditLimit),
                ("City", c => c.Address.City),
                ("State", c => c.Address.State),
                ("Country", c => c.Address.CountryRegion),
                ("PSA account", c => c.PsaAccountId));
            return ExitCodes.Ok;
        });
    }

    private static Command Show()
    {
        var account = new Argument<string>("ACCOUNT") { Description = "The customer account, e.g. C000001." };
        return new Command("show", "Shows one customer and the integration log lines that touched it.") { account }.Runs(async ctx =>
        {
            var c = await ctx.Service<CustomerQueries>().GetAsync(ctx.Value(account), ctx.Cancellation);
            ctx.Console.WriteFields($"Customer {c.CustomerAccount}",
                ("Customer account", c.CustomerAccount),
                ("Name", c.Name),
                ("Relation type", c.RelationType),
                ("Customer group", c.CustomerGroupId),
                ("Currency", c.Currency),
                ("Payment terms", c.PaymentTerms),
                ("Credit limit", c.CreditLimit),
                ("Phone", c.Phone),
                ("Email", c.Email),
                ("Street", c.Address.Street),
                ("City", c.Address.City),
                ("State", c.Address.State),
                ("County", c.Address.County),
                ("Zip code", c.Address.ZipCode),
                ("Country/region", c.Address.CountryRegion),
                ("PSA account", c.PsaAccountId),
                ("Created", c.CreatedAt),
                ("Modified", c.ModifiedAt));

            var history = await ctx.Service<IntegrationLogQueries>().LinesForAsync(c.PsaAccountId, new PageRequest(1, 10), ctx.Cancellation);
            if (history.Total == 0) return ExitCodes.Ok;
            ctx.Console.WriteLine($"Integration log ({history.Items.Count} of {history.Total}, newest first):");
            ctx.Console.Write(Output.Table(history.Items,
                ("Executed", x => x.Header.ExecutionDate),
                ("Log", x => x.Header.Id),
                ("Status", x => x.Line.Status),
                ("Action", x => x.Line.Action),
                ("Messages", x => x.Line.Messages)));
            return ExitCodes.Ok;
        });
    }
}
