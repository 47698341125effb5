using System.CommandLine;
using PsaBridge.Cli.Infrastructure;
using PsaBridge.Infrastructure.Export;
using PsaBridge.Psa.Scheduling;

namespace PsaBridge.Cli.Commands;

/// <summary><c>psabridge resources</c>: bookable resources with their capacity, bookings and utilization over a window.</summary>
internal static class ResourcesCommands
{
    /// <summary>A resource's figures over the whole window: the columns of the list and of its export.</summary>
    public static readonly IReadOnlyList<ExportColumn<ResourceUtilization>> Columns =
    [
        ExportColumn<ResourceUtilization>.Text("Id", r => r.ResourceId),
        ExportColumn<ResourceUtilization>.Text("Name", r => r.Name),
        ExportColumn<ResourceUtilization>.Text("Resourcing unit", r => r.OrganizationalUnit),
        ExportColumn<ResourceUtilization>.Number("Capacity h", r => r.Total.Capacity),
        ExportColumn<ResourceUtilization>.Number("Hard-booked h", r => r.Total.HardBooked),
        ExportColumn<ResourceUtilization>.Number("Soft-booked h", r => r.Total.SoftBooked),
        ExportColumn<ResourceUtilization>.Number("Over-booked h", r => r.Total.Overbooked),
        ExportColumn<ResourceUtilization>.Number("Actual h", r => r.Total.ActualHours),
        ExportColumn<ResourceUtilization>.Number("Chargeable h", r => r.Total.ChargeableHours),
        ExportColumn<ResourceUtilization>.Number("Chargeable utilization %", r => r.Total.ChargeableUtilization),
    ];

    public static Command Create() => new("resources", "Bookable resources: capacity, bookings and chargeable utilization.") { List() };

    private static Command List()
    {
        var from = new Option<DateOnly?>("--from") { Description = "First day (yyyy-MM-dd); default this week's Monday.", HelpName = "DATE" };
        var to = new Option<DateOnly?>("--to") { Description = "Last day (yyyy-MM-dd); default four weeks from the first.", HelpName = "DATE" };
        var options = new PlanningOptions();
        var command = options.AddTo(new Command("list", "Lists resources by name with capacity, hard- and soft-booked, actual and chargeable hours and chargeable utilization over a window.")
        {
            from, to,
        });
        return command.Runs(async ctx =>
        {
            var start = ctx.Value(from) ?? Periods.StartOf(Today(ctx), PeriodLength.Week);
            var request = new UtilizationRequest(start, ctx.Value(to) ?? start.AddDays(27), PeriodLength.Month, options.Selection(ctx));
            var utilization = ctx.Service<UtilizationQuery>();
            await options.WriteAsync(ctx, "resources", Columns, async page => (await utilization.RunAsync(request, page, ctx.Cancellation)).Resources);
            return ExitCodes.Ok;
        });
    }

    internal static DateOnly Today(CommandContext ctx) => DateOnly.FromDateTime(ctx.Service<TimeProvider>().GetUtcNow().UtcDateTime);
}
