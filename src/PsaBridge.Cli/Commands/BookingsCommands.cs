using System.CommandLine;
using PsaBridge.Cli.Infrastructure;
using PsaBridge.Infrastructure.Export;
using PsaBridge.Psa.Scheduling;

namespace PsaBridge.Cli.Commands;

/// <summary><c>psabridge bookings</c>: resource bookings, and the schedule board (resources by weeks) to view or export.</summary>
internal static class BookingsCommands
{
    public static readonly IReadOnlyList<ExportColumn<BookingView>> Columns =
    [
        ExportColumn<BookingView>.Text("Id", b => b.Id),
        ExportColumn<BookingView>.Text("Resource", b => b.Resource),
        ExportColumn<BookingView>.Text("Project", b => b.Project),
        ExportColumn<BookingView>.Text("Role", b => b.Role),
        ExportColumn<BookingView>.Date("Start", b => b.StartDate),
        ExportColumn<BookingView>.Date("End", b => b.EndDate),
        ExportColumn<BookingView>.Number("Hours", b => b.Hours),
        ExportColumn<BookingView>.Text("Status", b => b.Status),
        ExportColumn<BookingView>.Text("Allocation method", b => b.AllocationMethod),
        ExportColumn<BookingView>.Number("Over-booked h", b => b.OverbookedHours),
    ];

    /// <summary>One resource's week of the board: a row of the export.</summary>
    public sealed record BoardLine(BoardRow Resource, PeriodColumn Week, BoardCell Cell);

    public static readonly IReadOnlyList<ExportColumn<BoardLine>> BoardColumns =
    [
        ExportColumn<BoardLine>.Text("Resource", l => l.Resource.Name),
        ExportColumn<BoardLine>.Text("Resourcing unit", l => l.Resource.OrganizationalUnit),
        ExportColumn<BoardLine>.Date("Week", l => l.Week.Start),
        ExportColumn<BoardLine>.Number("Capacity h", l => l.Cell.Capacity),
        ExportColumn<BoardLine>.Number("Hard-booked h", l => l.Cell.HardBooked),
        ExportColumn<BoardLine>.Number("Soft-booked h", l => l.Cell.SoftBooked),
        ExportColumn<BoardLine>.Number("Available h", l => l.Cell.Available),
        ExportColumn<BoardLine>.Text("State", l => l.Cell.State),
    ];

    public static Command Create() => new("bookings", "Resource bookings and the schedule board.") { List(), Board() };

    private static Command List()
    {
        var resource = new Option<Guid?>("--resource") { Description = "Only this resource's bookings (its id).", HelpName = "ID" };
        var project = new Option<Guid?>("--project") { Description = "Only bookings on this project (its id).", HelpName = "ID" };
        var requirement = new Option<Guid?>("--requirement") { Description = "Only bookings of this requirement (its id).", HelpName = "ID" };
        var from = new Option<DateOnly?>("--from") { Description = "Bookings that end on or after this day (yyyy-MM-dd).", HelpName = "DATE" };
        var to = new Option<DateOnly?>("--to") { Description = "Bookings that start on or before this day (yyyy-MM-dd).", HelpName = "DATE" };
        var status = new Option<BookingStatus?>("--status") { Description = "Proposed, Committed or Canceled.", HelpName = "STATUS" };
        var options = new PlanningOptions();
        var command = options.AddTo(new Command("list", "Lists bookings by start date.") { resource, project, requirement, from, to, status }, selection: false);
        return command.Runs(async ctx =>
        {
            var filter = new BookingFilter(ctx.Value(resource), ctx.Value(project), ctx.Value(requirement), ctx.Value(from), ctx.Value(to), ctx.Value(status));
            var bookings = ctx.Service<BookingService>();
            await options.WriteAsync(ctx, "bookings", Columns, page => bookings.ListAsync(filter, page, ctx.Cancellation));
            return ExitCodes.Ok;
        });
    }

    private static Command Board()
    {
        var from = new Option<DateOnly?>("--from") { Description = "A day of the first week (yyyy-MM-dd); default this week.", HelpName = "DATE" };
        var weeks = new Option<int?>("--weeks") { Description = $"How many weeks, 1 to {ScheduleBoardQuery.MaxWeeks} (default {ScheduleBoardQuery.DefaultWeeks}).", HelpName = "N" };
        var options = new PlanningOptions();
        var command = options.AddTo(new Command("board",
            "The schedule board, a row per resource and week: capacity, hard- and soft-booked and available hours and the state (Free, Soft, Hard, Over); "
            + "a table shows a page of resources, csv or xlsx exports them all.") { from, weeks });
        return command.Runs(async ctx =>
        {
            var board = ctx.Service<ScheduleBoardQuery>();
            var start = ctx.Value(from) ?? ResourcesCommands.Today(ctx);
            await options.WriteAsync(ctx, "resource-weeks", BoardColumns, async page =>
            {
                var read = await board.GetAsync(start, ctx.Value(weeks), options.Selection(ctx), page, ctx.Cancellation);
                var lines = read.Resources.Items.SelectMany(r => read.Weeks.Select((w, i) => new BoardLine(r, w, r.Weeks[i]))).ToList();
                return new(lines, read.Resources.Total * read.Weeks.Count, page.PageNumber, page.PageSize * read.Weeks.Count);
            });
            return ExitCodes.Ok;
        });
    }
}
