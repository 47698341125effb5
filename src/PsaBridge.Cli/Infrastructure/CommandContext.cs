using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using PsaBridge.Finance.Audit;
using Spectre.Console;

namespace PsaBridge.Cli.Infrastructure;

/// <summary>What a command's action works with: its parsed values, the services of both systems, and where to write.</summary>
internal sealed class CommandContext(ParseResult parse, IServiceProvider services, IAnsiConsole console, TextWriter error, CancellationToken cancellation)
{
    public ParseResult Parse { get; } = parse;
    public IServiceProvider Services { get; } = services;
    public IAnsiConsole Console { get; } = console;
    public TextWriter Error { get; } = error;
    public CancellationToken Cancellation { get; } = cancellation;

    public T Value<T>(Option<T> option) => Parse.GetValue(option)!;
    public T Value<T>(Argument<T> argument) => Parse.GetValue(argument)!;

    /// <summary>Records in the audit trail, as the operating-system user, what the command changed.</summary>
    public Task AuditAsync(string action, string entity, string recordId, string? details = null) =>
        Service<AuditTrail>().RecordAsync(new AuditRecord(action, entity, recordId, details), Cancellation);

    /// <summary>A service of the application (a feature's handler or query), made for this command if it is not registered.</summary>
    public T Service<T>() where T : notnull => ActivatorUtilities.GetServiceOrCreateInstance<T>(Services);
}
