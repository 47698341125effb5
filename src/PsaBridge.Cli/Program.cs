using Spectre.Console;

namespace PsaBridge.Cli;

internal static class Program
{
    public static Task<int> Main(string[] args)
    {
        var console = AnsiConsole.Console;
        // Piped output has no window to measure; COLUMNS (as shells set it) keeps tables from wrapping at 80.
        if (Console.IsOutputRedirected && int.TryParse(Environment.GetEnvironmentVariable("COLUMNS"), out var width) && width > 0)
            console.Profile.Width = width;
        return PsaBridgeCli.RunAsync(args, console, Console.Error);
    }
}
