using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PsaBridge.Integration.Hosting;
using PsaBridge.Testing;
using Spectre.Console;

namespace PsaBridge.Cli.Tests;

/// <summary>What one run of <c>psabridge</c> did: its exit code, what it printed, what it printed to stderr.</summary>
public sealed record CliResult(int ExitCode, string Output, string Error)
{
    private IEnumerable<string[]> Rows => Output.Split('\n').Select(Cells).Where(c => c.Length > 0);

    /// <summary>The cells of the first table row that has a cell equal to <paramref name="cell"/>.</summary>
    public string[] Row(string cell) =>
        Rows.FirstOrDefault(r => r.Contains(cell)) ?? throw new ShouldAssertException($"No table row has a cell '{cell}' in:\n{Output}\n{Error}");

    /// <summary>
    /// The lines of a cell that holds several (one per line of the table): the row with a cell equal to
    /// <paramref name="rowCell"/>, then the lines under it whose first cell is empty.
    /// </summary>
    public IReadOnlyList<string> Lines(string rowCell, int column)
    {
        var rows = Rows.ToList();
        var start = rows.FindIndex(r => r.Contains(rowCell));
        if (start < 0) throw new ShouldAssertException($"No table row has a cell '{rowCell}' in:\n{Output}");
        var lines = new List<string> { rows[start][column] };
        for (var i = start + 1; i < rows.Count && rows[i].Length == rows[start].Length && rows[i][0].Length == 0; i++)
            if (rows[i][column].Length > 0) lines.Add(rows[i][column]);
        return lines;
    }

    /// <summary>The value beside a label in a two-column summary or record table.</summary>
    public string Value(string label) => Row(label) is [var first, var value, ..] && first == label
        ? value
        : throw new ShouldAssertException($"No row labelled '{label}' in:\n{Output}");

    public IReadOnlyList<string> ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public override string ToString() => $"exit {ExitCode}\n{Output}\n{Error}";

    private static string[] Cells(string line)
    {
        var trimmed = line.Trim();
        if (!trimmed.StartsWith('│') || !trimmed.EndsWith('│')) return [];
        return trimmed[1..^1].Split('│').Select(c => c.Trim()).ToArray();
    }
}

/// <summary>Runs the CLI in-process against the test databases, with its output captured.</summary>
public static class CliRun
{
    public static Task<CliResult> RunAsync(TestDatabasePair? databases, params string[] args) => RunAsync(databases, terminal: false, args);

    /// <summary>As a person at a terminal runs it: an interactive console that draws progress bars.</summary>
    public static Task<CliResult> RunInTerminalAsync(TestDatabasePair? databases, params string[] args) => RunAsync(databases, terminal: true, args);

    private static async Task<CliResult> RunAsync(TestDatabasePair? databases, bool terminal, string[] args)
    {
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = terminal ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = terminal ? InteractionSupport.Yes : InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = 400;
        var error = new StringWriter();
        var exitCode = await PsaBridgeCli.RunAsync([.. DatabaseOptions(databases), .. args], console, error);
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }

    /// <summary>The global options that point the CLI at the test databases (as a user would pass them).</summary>
    public static IEnumerable<string> DatabaseOptions(TestDatabasePair? databases)
    {
        if (databases is null) yield break;
        foreach (var (key, value) in databases.Settings())
        {
            yield return key switch
            {
                "PsaBridge:DataDir" => "--data-dir",
                "ConnectionStrings:Psa" => "--psa-connection",
                "ConnectionStrings:Finance" => "--finance-connection",
                _ => throw new InvalidOperationException($"No CLI option for setting '{key}'."),
            };
            yield return value!;
        }
    }

    /// <summary>The application's services over the test databases, for arranging what a CLI test needs.</summary>
    public static ServiceProvider Services(TestDatabasePair databases) => new ServiceCollection()
        .AddLogging()
        .AddPsaBridge(new ConfigurationBuilder().AddInMemoryCollection(databases.Settings()).Build())
        .BuildServiceProvider();

    /// <summary>A CSV file in a fresh temporary folder.</summary>
    public static string WriteFile(string name, string content)
    {
        // Under the folder the test command removes when it is done.
        var dir = Path.Combine(Path.GetTempPath(), "psabridge-tests", "cli-files", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, name);
        File.WriteAllText(path, content);
        return path;
    }
}
