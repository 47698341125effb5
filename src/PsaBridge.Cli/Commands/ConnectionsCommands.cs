using System.CommandLine;
using PsaBridge.Cli.Infrastructure;
using PsaBridge.Integration.Dynamics;

namespace PsaBridge.Cli.Commands;

/// <summary><c>psabridge connections</c>: the Dynamics 365 environments the customer sync can read from and write to.</summary>
internal static class ConnectionsCommands
{
    public static Command Create() => new("connections", "The Dynamics 365 environments the customer sync connects to (PsaBridge:Dataverse, PsaBridge:FinanceAndOperations).")
    {
        Test(),
    };

    private static Command Test() => new Command("test", "Checks each configured end: its settings, a token from Entra ID, a read, and F&O's reference data; says what is wrong in a sentence.")
        .Runs(async ctx =>
        {
            var findings = await ctx.Service<ConnectionCheck>().RunAsync(ctx.Cancellation);
            ctx.Console.Write(Output.Table(findings, ("End", f => f.End), ("Check", f => f.Check), ("Result", f => f.Ok ? "OK" : "FAILED"), ("Sentence", f => f.Sentence)));
            return findings.All(f => f.Ok) ? ExitCodes.Ok : ExitCodes.Failed;
        });
}
