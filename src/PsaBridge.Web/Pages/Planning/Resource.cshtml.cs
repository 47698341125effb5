using Microsoft.AspNetCore.Mvc;
using PsaBridge.Infrastructure.Paging;
using PsaBridge.Infrastructure.Validation;
using PsaBridge.Psa.Resources;
using PsaBridge.Psa.Scheduling;
using PsaBridge.Web.Pages.Shared;

namespace PsaBridge.Web.Pages.Planning;

/// <summary>
/// A bookable resource: its roles and skills with their ratings, its work hours and days off, its bookings in the window
/// (over-booked ones flagged) and its utilization by week or month: capacity, hard- and soft-booked, actual and
/// chargeable hours, chargeable utilization.
/// </summary>
[Authorize(Policy = Policies.Read)]
public sealed class ResourceModel(ResourceProfileService profiles, CalendarService calendars, BookingQueries bookings, UtilizationQuery utilization, TimeProvider clock)
    : AppPage
{
    public const int PeriodCount = 8;

    [FromRoute] public Guid Id { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public PeriodLength Period { get; set; } = PeriodLength.Week;

    public ResourceProfile Profile { get; private set; } = null!;
    public CalendarView Calendar { get; private set; } = null!;
    public UtilizationReport Utilization { get; private set; } = null!;
    public ResourceUtilization Row { get; private set; } = null!;
    public Page<BookingView> Bookings { get; private set; } = new([], 0, 1, PageRequest.MaxPageSize);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Profile = await profiles.GetAsync(Id, ct);
        var start = Periods.StartOf(From ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), Period);
        var end = Period == PeriodLength.Week ? start.AddDays(7 * PeriodCount - 1) : start.AddMonths(PeriodCount).AddDays(-1);
        From = start;
        Calendar = await calendars.GetAsync(Id, start, end, ct);
        Utilization = await utilization.RunAsync(new UtilizationRequest(start, end, Period, new ResourceSelection(Id)), new PageRequest(1, 1), ct);
        Row = Utilization.Resources.Items.Single();
        Bookings = await bookings.ListAsync(new BookingFilter(ResourceId: Id, From: start, To: end), new PageRequest(1, PageRequest.MaxPageSize), ct);
    }

    /// <summary>The window before or after this one, for the page's links.</summary>
    public string Shift(int periods) =>
        $"/planning/resources/{Id}?period={Period}&from={(Period == PeriodLength.Week ? From!.Value.AddDays(7 * periods) : From!.Value.AddMonths(periods)):yyyy-MM-dd}";
}
