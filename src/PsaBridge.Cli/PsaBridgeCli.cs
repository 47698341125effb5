using System.CommandLine;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using PsaBridge.Cli.Commands;
using PsaBridge.Cli.Infrastructure;
using Spectre.Console;

namespace PsaBridge.Cli;

/// <summary>The <c>psabridge</c> command: its tree of commands, and one call that runs a command line.</summary>
public static class PsaBridgeCli
{
    /// <summary>
    /// Every command group, in the order <c>--help</c> lists them. A new group is one file under
    /// <c>Commands/</c> with a <c>Create()</c> that returns its command, and one line here.
    /// </summary>
    private static readonly Func<Command>[] Groups =
    [
        DbCommands.Create,
        UsersCommands.Create,
        AuditCommands.Create,
        AccountsCommands.Create,
        CustomersCommands.Create,
        SyncCommands.Create,
        ConnectionsCommands.Create,
        LogCommands.Create,
        ImportCommands.Create,
        AddressSetupCommands.Countries,
        AddressSetupCommands.States,
        AddressSetupCommands.Cities,
        AddressSetupCommands.ZipCodes,
        AddressSetupCommands.Currencies,
        PaymentTermsCommands.Create,
        CustomerGroupsCommands.Create,
        NumberSequencesCommands.Create,
        ActualsCommands.Create,
        InvoicesCommands.Create,
        OpportunitiesCommands.Create,
        QuotesCommands.Create,
        ContractsCommands.Create,
        ReportCommands.Create,
        ResourcesCommands.Create,
        BookingsCommands.Create,
    ];

    public static RootCommand CreateRootCommand(IAnsiConsole console, TextWriter error)
    {
        var root = new PsaBridgeRootCommand(console, error);
        foreach (var group in Groups) root.Subcommands.Add(group());
        return root;
    }

    /// <summary>
    /// Runs one command line: tables and progress to <paramref name="console"/>, errors to
    /// <paramref name="error"/>. Returns the exit code (<see cref="ExitCodes"/>).
    /// </summary>
    public static async Task<int> RunAsync(string[] args, IAnsiConsole console, TextWriter error, CancellationToken ct = default)
    {
        var parse = CreateRootCommand(console, error).Parse(args);
        if (parse.Action is ParseErrorAction)
        {
            foreach (var problem in parse.Errors) await error.WriteLineAsync($"error: {problem.Message}");
            await error.WriteLineAsync($"Run '{CommandPath(parse.CommandResult)} --help' for usage.");
            return ExitCodes.Usage;
        }
        return await parse.InvokeAsync(new InvocationConfiguration
        {
            Output = console.Profile.Out.Writer,
            Error = error,
            // After Ctrl+C a sync still writes its header's final status; give it time to.
            ProcessTerminationTimeout = TimeSpan.FromSeconds(10),
        }, ct);
    }

    private static string CommandPath(CommandResult command)
    {
        var names = new List<string>();
        for (SymbolResult? result = command; result is not null; result = result.Parent)
            if (result is CommandResult c) names.Add(c.Parent is null ? "psabridge" : c.Command.Name);
        names.Reverse();
        return string.Join(' ', names);
    }
}
