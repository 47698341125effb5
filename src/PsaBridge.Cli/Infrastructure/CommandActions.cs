using System.CommandLine;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PsaBridge.Infrastructure.Validation;
using PsaBridge.Integration.Hosting;
using PsaBridge.Reporting;

namespace PsaBridge.Cli.Infrastructure;

/// <summary>
/// The one way a command runs: build the services of both systems from the configuration (no web
/// host, no scheduler), run the action in a scope, and turn the application's errors into one clear
/// line each on stderr and an exit code.
/// </summary>
internal static class CommandActions
{
    /// <summary>Sets what the command does. The action returns an exit code (<see cref="ExitCodes"/>).</summary>
    public static TCommand Runs<TCommand>(this TCommand command, Func<CommandContext, Task<int>> action) where TCommand : Command
    {
        command.SetAction((parse, ct) => RunAsync(parse, action, ct));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, Func<CommandContext, Task<int>> action, CancellationToken ct)
    {
        var root = (PsaBridgeRootCommand)parse.RootCommandResult.Command;
        var error = root.Error;
        try
        {
            var configuration = root.BuildConfiguration(parse);
            var services = new ServiceCollection().AddLogging().AddPsaBridge(configuration).AddReporting();
            await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
            await using var scope = provider.CreateAsyncScope();
            return await action(new CommandContext(parse, scope.ServiceProvider, root.Console, error, ct));
        }
        catch (ValidationFailedException e)
        {
            foreach (var field in e.Errors) await error.WriteLineAsync($"error: {field.Field}: {field.Message}");
            return ExitCodes.Failed;
        }
        catch (Exception e) when (e is NotFoundException or ConflictException)
        {
            await error.WriteLineAsync($"error: {e.Message}");
            return ExitCodes.Failed;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            await error.WriteLineAsync("Cancelled. Whatever was committed before stands.");
            return ExitCodes.Cancelled;
        }
        catch (Exception e)
        {
            await error.WriteLineAsync($"error: {e.GetBaseException().Message}");
            if (IsMissingSchema(e))
                await error.WriteLineAsync("The database has no schema, or an older one: run 'psabridge db upgrade' first.");
            return ExitCodes.Failed;
        }
    }

    private static bool IsMissingSchema(Exception e) => e.GetBaseException() switch
    {
        SqliteException s => s.Message.Contains("no such table", StringComparison.OrdinalIgnoreCase)
                             || s.Message.Contains("no such column", StringComparison.OrdinalIgnoreCase),
        PostgresException p => p.SqlState is PostgresErrorCodes.UndefinedTable or PostgresErrorCodes.UndefinedColumn,
        _ => false,
    };
}
