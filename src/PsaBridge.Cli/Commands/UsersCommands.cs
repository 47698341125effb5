using System.CommandLine;
using PsaBridge.Cli.Infrastructure;
using PsaBridge.Finance.Identity;
using Spectre.Console;

namespace PsaBridge.Cli.Commands;

/// <summary><c>psabridge users</c>: the people who may sign in to the web application.</summary>
internal static class UsersCommands
{
    public static Command Create() => new("users", "People who may sign in to the web application (local accounts).")
    {
        Add(),
    };

    private static Command Add()
    {
        var email = new Argument<string>("EMAIL") { Description = "The e-mail the person signs in with." };
        var role = new Option<string>("--role")
        {
            Description = "Administrator, IntegrationOperator, Finance, ProjectManager, TeamMember or Viewer.", HelpName = "ROLE", Required = true,
        };
        return new Command("add", "Adds a user with one role and prints a one-time password to give them.") { email, role }.Runs(async ctx =>
        {
            var user = await ctx.Service<UserAccounts>().AddAsync(ctx.Value(email), ctx.Value(role), ct: ctx.Cancellation);
            await ctx.AuditAsync("AddUser", "User", user.User.Id, $"{user.User.Email} as {user.Role}");
            ctx.Console.WriteLine($"User {user.User.Email} added as {user.Role}.");
            ctx.Console.WriteLine($"One-time password: {user.Password}");
            ctx.Console.WriteLine("It is shown only now: give it to the person, who signs in at /account/sign-in.");
            return ExitCodes.Ok;
        });
    }
}
