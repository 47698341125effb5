using System.CommandLine;
using PsaBridge.Cli.Infrastructure;
using PsaBridge.Finance.CustomerGroups;
using Spectre.Console;

namespace PsaBridge.Cli.Commands;

/// <summary><c>psabridge customer-groups</c>: every customer belongs to one.</summary>
internal static class CustomerGroupsCommands
{
    public static Command Create() => new("customer-groups", "Customer groups. New customers from the sync get the configured default group (PsaBridge:CustomerSync:CustomerGroup).")
    {
        List(),
        Add(),
    };

    private static Command List()
    {
        var paging = new PagingOptions();
        return paging.AddTo(new Command("list", "Lists customer groups by id.")).Runs(async ctx =>
        {
            var page = await ctx.Service<CustomerGroupService>().ListAsync(paging.Read(ctx), ctx.Cancellation);
            ctx.Console.WritePage(page, "customer groups",
                ("Customer group", g => g.Id), ("Description", g => g.Description), ("Default payment terms", g => g.DefaultPaymentTerms));
            return ExitCodes.Ok;
        });
    }

    private static Command Add()
    {
        var id = new Argument<string>("ID") { Description = $"The customer group id, at most {CustomerGroup.IdLength} characters (e.g. 40)." };
        var description = new Option<string?>("--description") { Description = "What the group is, e.g. \"Public sector\".", HelpName = "TEXT" };
        var terms = new Option<string?>("--payment-terms") { Description = "The default payment terms of the group (an existing payment term code).", HelpName = "CODE" };
        return new Command("add", "Adds a customer group.") { id, description, terms }.Runs(async ctx =>
        {
            var group = await ctx.Service<CustomerGroupService>().CreateAsync(
                new CustomerGroupInput(ctx.Value(id), ctx.Value(description), ctx.Value(terms)), ctx.Cancellation);
            await ctx.AuditAsync("CreateCustomerGroup", "CustomerGroup", group.Id);
            ctx.Console.WriteLine($"Customer group {group.Id} added: {group.Description}" +
                                  (group.DefaultPaymentTerms is { } t ? $", default payment terms {t}." : "."));
            return ExitCodes.Ok;
        });
    }
}
