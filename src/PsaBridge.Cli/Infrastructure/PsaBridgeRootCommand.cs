using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Spectre.Console;

namespace PsaBridge.Cli.Infrastructure;

/// <summary>
/// The root of the command tree. It carries what every command needs and no command should build
/// twice: the console to write to, the error writer, and the global options that say where the databases are.
/// </summary>
internal sealed class PsaBridgeRootCommand : RootCommand
{
    private const string About = """
        PsaBridge: the PSA system of record, the finance master data, and the customer sync between them.

        Where the data is (the same keys as the web host; later sources win):
          appsettings.json next to the executable, then environment variables
          (PsaBridge__DataDir, ConnectionStrings__Psa, ConnectionStrings__Finance), then the options below.
          Without connection strings both databases are SQLite files in the data folder (default ./data).

        Exit codes: 0 done; 1 failed (bad input, not found, conflict, error); 2 wrong command line;
          3 done but some rows or accounts are in error; 130 cancelled.
        """;

    public PsaBridgeRootCommand(IAnsiConsole console, TextWriter error) : base(About)
    {
        Console = console;
        Error = error;
        Options.Add(DataDir);
        Options.Add(PsaConnection);
        Options.Add(FinanceConnection);
    }

    public IAnsiConsole Console { get; }
    public TextWriter Error { get; }

    public Option<string?> DataDir { get; } = new("--data-dir")
    {
        Description = "Folder of the SQLite databases psa.db and finance.db (PsaBridge:DataDir; default ./data).",
        HelpName = "DIR",
        Recursive = true,
    };

    public Option<string?> PsaConnection { get; } = new("--psa-connection")
    {
        Description = "PostgreSQL connection string of the PSA database (ConnectionStrings:Psa).",
        HelpName = "CONNECTION",
        Recursive = true,
    };

    public Option<string?> FinanceConnection { get; } = new("--finance-connection")
    {
        Description = "PostgreSQL connection string of the finance database (ConnectionStrings:Finance).",
        HelpName = "CONNECTION",
        Recursive = true,
    };

    public IConfiguration BuildConfiguration(ParseResult parse)
    {
        var fromOptions = new Dictionary<string, string?>();
        if (parse.GetValue(DataDir) is { Length: > 0 } dataDir) fromOptions["PsaBridge:DataDir"] = dataDir;
        if (parse.GetValue(PsaConnection) is { Length: > 0 } psa) fromOptions["ConnectionStrings:Psa"] = psa;
        if (parse.GetValue(FinanceConnection) is { Length: > 0 } finance) fromOptions["ConnectionStrings:Finance"] = finance;
        return new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .AddInMemoryCollection(fromOptions)
            .Build();
    }
}
