using System.CommandLine;
using PsaBridge.Cli.Infrastructure;
using PsaBridge.Finance.Audit;
using PsaBridge.Infrastructure.Export;
using Spectre.Console;

namespace PsaBridge.Cli.Commands;

/// <summary><c>psabridge audit</c>: the audit trail, newest first, filtered by user, record and period.</summary>
internal static class AuditCommands
{
    private static readonly ExportColumn<AuditEntry>[] Columns =
    [
        ExportColumn<AuditEntry>.DateTime("When", e => e.At),
        ExportColumn<AuditEntry>.Text("User", e => e.Actor),
        ExportColumn<AuditEntry>.Text("Through", e => e.Channel),
        ExportColumn<AuditEntry>.Text("Action", e => e.Action),
        ExportColumn<AuditEntry>.Text("Record type", e => e.Entity),
        ExportColumn<AuditEntry>.Text("Record id", e => e.RecordId),
        ExportColumn<AuditEntry>.Text("Details", e => e.Details),
    ];

    public static Command Create()
    {
        var user = new Option<string?>("--user") { Description = "Only lines of users whose name contains this.", HelpName = "NAME" };
        var entity = new Option<string?>("--entity") { Description = "Only lines on records of this kind, e.g. Invoice, TimeEntry, IntegrationLog.", HelpName = "TYPE" };
        var record = new Option<string?>("--record") { Description = "Only lines on the record with this id.", HelpName = "ID" };
        var from = new Option<DateTime?>("--from") { Description = "From this moment, inclusive (yyyy-MM-dd[THH:mm], UTC).", HelpName = "WHEN" };
        var to = new Option<DateTime?>("--to") { Description = "Up to this moment, exclusive (UTC).", HelpName = "WHEN" };
        var sort = new Option<string?>("--sort") { Description = $"One of {string.Join(", ", AuditQueries.SortKeys)} (default: newest first).", HelpName = "KEY" };
        var ascending = new Option<bool>("--ascending") { Description = "Oldest (or A) first." };
        var output = new ListOutput();
        var command = new Command("audit", "The audit trail: who created, changed, approved, confirmed, ran or deleted what, and when.")
        {
            user, entity, record, from, to, sort, ascending,
        };
        return output.AddTo(command).Runs(async ctx =>
        {
            var filter = new AuditFilter(ctx.Value(user), ctx.Value(entity), ctx.Value(record), Utc(ctx.Value(from)), Utc(ctx.Value(to)));
            var queries = ctx.Service<AuditQueries>();
            await output.WriteAsync(ctx, "audit lines", Columns, page => queries.ListAsync(filter, ctx.Value(sort), !ctx.Value(ascending), page, ctx.Cancellation));
            return ExitCodes.Ok;
        });
    }

    private static DateTime? Utc(DateTime? value) => value is { } v ? DateTime.SpecifyKind(v, DateTimeKind.Utc) : null;
}
