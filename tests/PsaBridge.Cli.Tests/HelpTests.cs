using System.CommandLine;
using Spectre.Console;

namespace PsaBridge.Cli.Tests;

public class HelpTests
{
    /// <summary>Every command of the tree, as the words a user types to reach it.</summary>
    public static IReadOnlyList<string> CommandPaths()
    {
        var paths = new List<string>();
        var root = PsaBridgeCli.CreateRootCommand(AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(TextWriter.Null) }), TextWriter.Null);
        void Walk(Command command, string path)
        {
            paths.Add(path);
            foreach (var sub in command.Subcommands) Walk(sub, (path + " " + sub.Name).Trim());
        }
        Walk(root, "");
        return paths;
    }

    public static TheoryData<string> Commands() => new(CommandPaths());

    [Fact]
    public void The_tree_has_every_command_group()
    {
        var paths = CommandPaths();
        paths.ShouldContain("db upgrade");
        paths.ShouldContain("sync customers");
        paths.ShouldContain("log show");
        paths.ShouldContain("import address-data");
        paths.ShouldContain("import accounts");
        paths.ShouldContain("number-sequences next");
        paths.Count.ShouldBeGreaterThanOrEqualTo(35);
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Help_works_for(string command)
    {
        string[] words = command.Length == 0 ? [] : command.Split(' ');

        var result = await CliRun.RunAsync(null, [.. words, "--help"]);

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Error.ShouldBeEmpty();
        result.Output.ShouldContain("Description:");
        result.Output.ShouldContain("Usage:");
        result.Output.ShouldContain("--data-dir"); // the global options are on every command
        if (words.Length > 0) result.Output.ShouldContain($" {words[^1]} "); // the usage line names the command
    }
}
