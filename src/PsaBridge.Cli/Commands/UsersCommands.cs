using System.CommandLine;
using PsaBridge.Cli.Infrastructure;
using PsaBridge.Finance.Identity;
using PsaBridge.Infrastructure.Export;
using PsaBridge.Infrastructure.Paging;
using PsaBridge.Psa.Resources;
using Spectre.Console;

namespace PsaBridge.Cli.Commands;

/// <summary><c>psabridge users</c>: the people who may sign in to the web application.</summary>
internal static class UsersCommands
{
    private const string RoleNames = "Administrator, IntegrationOperator, Finance, ProjectManager, TeamMember or Viewer.";

    public static Command Create() => new("users", "People who may sign in to the web application (local accounts).")
    {
        Add(), List(), SetRole(), Unlock(), Remove(), Link(),
    };

    private static Argument<string> Email() => new("EMAIL") { Description = "The e-mail the person signs in with." };

    private static Command Add()
    {
        var email = Email();
        var role = new Option<string>("--role") { Description = RoleNames, HelpName = "ROLE", Required = true };
        return new Command("add", "Adds a user with one role and prints a one-time password to give them.") { email, role }.Runs(async ctx =>
        {
            var user = await ctx.Service<UserAccounts>().AddAsync(ctx.Value(email), ctx.Value(role), ct: ctx.Cancellation);
            await ctx.AuditAsync("AddUser", "User", user.User.Id, $"{user.User.Email} as {user.Role}");
            ctx.Console.WriteLine($"User {user.User.Email} added as {user.Role}.");
            ctx.Console.WriteLine($"One-time password: {user.Password}");
            ctx.Console.WriteLine("It is shown only now: give it to the person, who signs in at /account/sign-in and must then choose their own.");
            return ExitCodes.Ok;
        });
    }

    private static Command List()
    {
        var output = new ListOutput();
        var now = DateTimeOffset.UtcNow;
        ExportColumn<UserSummary>[] columns =
        [
            ExportColumn<UserSummary>.Text("E-mail", u => u.Email),
            ExportColumn<UserSummary>.Text("Role", u => u.Role),
            ExportColumn<UserSummary>.DateTime("Locked out until", u => u.LockedOutUntil > now ? u.LockedOutUntil.Value.UtcDateTime : null),
            ExportColumn<UserSummary>.Boolean("Must change password", u => u.MustChangePassword),
            ExportColumn<UserSummary>.Text("Resource", u => u.ResourceId),
        ];
        return output.AddTo(new Command("list", "Lists the users: e-mail, role, lockout and whether they still have a one-time password.")).Runs(async ctx =>
        {
            var accounts = ctx.Service<UserAccounts>();
            await output.WriteAsync(ctx, "users", columns, page => accounts.Query().OrderBy(u => u.Email).ThenBy(u => u.Id).ToPageAsync(page, ctx.Cancellation));
            return ExitCodes.Ok;
        });
    }

    private static Command SetRole()
    {
        var email = Email();
        var role = new Argument<string>("ROLE") { Description = RoleNames };
        return new Command("set-role", "Gives a user another role in place of theirs (the last Administrator keeps theirs).") { email, role }.Runs(async ctx =>
        {
            var user = await ctx.Service<UserAccounts>().SetRoleAsync(ctx.Value(email), ctx.Value(role), ctx.Cancellation);
            await ctx.AuditAsync("SetUserRole", "User", user.Id, $"{user.Email} as {user.Role}");
            ctx.Console.WriteLine($"User {user.Email} is now {user.Role}.");
            return ExitCodes.Ok;
        });
    }

    private static Command Unlock()
    {
        var email = Email();
        return new Command("unlock", "Lets a user locked out by repeated failed sign-ins sign in again now.") { email }.Runs(async ctx =>
        {
            var user = await ctx.Service<UserAccounts>().UnlockAsync(ctx.Value(email), ctx.Cancellation);
            await ctx.AuditAsync("UnlockUser", "User", user.Id, user.Email);
            ctx.Console.WriteLine($"User {user.Email} unlocked.");
            return ExitCodes.Ok;
        });
    }

    private static Command Remove()
    {
        var email = Email();
        return new Command("remove", "Removes a user and their access tokens (the last Administrator cannot be removed).") { email }.Runs(async ctx =>
        {
            var user = await ctx.Service<UserAccounts>().RemoveAsync(ctx.Value(email), ctx.Cancellation);
            await ctx.AuditAsync("RemoveUser", "User", user.Id, $"{user.Email}, who was {user.Role}");
            ctx.Console.WriteLine($"User {user.Email} removed.");
            return ExitCodes.Ok;
        });
    }

    private static Command Link()
    {
        var email = Email();
        var resource = new Argument<Guid?>("RESOURCE") { Description = "The id of the person's bookable resource; leave out to unlink.", Arity = ArgumentArity.ZeroOrOne };
        return new Command("link", "Links a user to their bookable resource: a Team member enters only that resource's time and expenses, "
            + "a Project manager approves only on projects that resource manages.") { email, resource }.Runs(async ctx =>
        {
            var id = ctx.Value(resource);
            var name = id is { } r ? (await ctx.Service<ResourceService>().GetResourceAsync(r, ctx.Cancellation)).Name : null;
            var user = await ctx.Service<UserAccounts>().LinkResourceAsync(ctx.Value(email), id, ctx.Cancellation);
            await ctx.AuditAsync("LinkUserResource", "User", user.Id, name is null ? $"{user.Email} unlinked" : $"{user.Email} is {name} ({id})");
            ctx.Console.WriteLine(name is null ? $"User {user.Email} is linked to no resource." : $"User {user.Email} is linked to resource {name}.");
            return ExitCodes.Ok;
        });
    }
}
