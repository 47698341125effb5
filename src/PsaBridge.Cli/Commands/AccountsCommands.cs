using System.CommandLine;
using PsaBridge.Cli.Infrastructure;
using PsaBridge.Psa.Accounts;
using Spectre.Console;

namespace PsaBridge.Cli.Commands;

/// <summary><c>psabridge accounts</c>: the PSA accounts, the source of the customer sync.</summary>
internal static class AccountsCommands
{
    public static Command Create() => new("accounts", "PSA accounts (the source of finance customers). Import them with 'psabridge import accounts'.")
    {
        List(),
        Show(),
    };

    private static Command List()
    {
        var search = CommonOptions.Search("name (anywhere), account number or city (from the start)");
        var state = new Option<AccountState?>("--state") { Description = "Only Active or only Inactive accounts." };
        var paging = new PagingOptions();
        return paging.AddTo(new Command("list", "Lists accounts by name.") { search, state }).Runs(async ctx =>
        {
            var page = await ctx.Service<AccountService>().ListAsync(new AccountFilter(ctx.Value(search), ctx.Value(state)), paging.Read(ctx), ctx.Cancellation);
            ctx.Console.WritePage(page, "accounts",
                ("Id", a => a.Id),
                ("Name", a => a.Name),
                ("Account number", a => a.AccountNumber),
                ("Currency", a => a.Currency),
                ("City", a => a.Address1.City),
                ("State/province", a => a.Address1.StateOrProvince),
                ("Country", a => a.Address1.Country),
                ("Payment terms", a => a.PaymentTerms),
                ("Credit limit", a => a.CreditLimit),
                ("Status", a => a.StateCode));
            return ExitCodes.Ok;
        });
    }

    private static Command Show()
    {
        var id = CommonArguments.Guid("ID", "The account id (a GUID).");
        return new Command("show", "Shows one account.") { id }.Runs(async ctx =>
        {
            var a = await ctx.Service<AccountService>().GetAsync(ctx.Value(id), ctx.Cancellation);
            ctx.Console.WriteFields($"Account {a.Name}",
                ("Id", a.Id),
                ("Name", a.Name),
                ("Account number", a.AccountNumber),
                ("Currency", a.Currency),
                ("Telephone", a.Telephone1),
                ("Email", a.EmailAddress1),
                ("Address line 1", a.Address1.Line1),
                ("Address line 2", a.Address1.Line2),
                ("Address line 3", a.Address1.Line3),
                ("City", a.Address1.City),
                ("State/province", a.Address1.StateOrProvince),
                ("Postal code", a.Address1.PostalCode),
                ("Country", a.Address1.Country),
                ("Credit limit", a.CreditLimit),
                ("Payment terms", a.PaymentTerms),
                ("Status", a.StateCode),
                ("Created on", a.CreatedOn),
                ("Modified on", a.ModifiedOn),
                ("Version", a.VersionNumber));
            return ExitCodes.Ok;
        });
    }
}
