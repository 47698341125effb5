using PsaBridge.Infrastructure.Validation;
using PsaBridge.Psa.Projects;

namespace PsaBridge.Psa.Scheduling;

/// <summary>A day of a resource in a booking's window: what its calendar gives and what committed bookings already take.</summary>
public sealed record DayLoad(DateOnly Date, decimal Capacity, decimal Committed)
{
    public decimal Free => Math.Max(0m, Capacity - Committed);
}

/// <summary>
/// How a booking's hours are laid over the days of its window (reference B2, "Allocation behaviour"): full capacity
/// takes each day's capacity, percentage capacity that share of it, evenly distribute splits the hours over the
/// working days whatever is booked already, front load fills what is free day by day and refuses when that is not
/// enough. The first three may overbook; over-booking is allowed and counted, never refused.
/// </summary>
public static class BookingAllocation
{
    public static IReadOnlyList<(DateOnly Date, decimal Hours)> Allocate(AllocationMethod method, IReadOnlyList<DayLoad> days, decimal? hours, decimal? percentage)
    {
        var working = days.Where(d => d.Capacity > 0).ToList();
        if (working.Count == 0)
            throw new ValidationFailedException("resourceId", days.Count == 0
                ? "The window has no days."
                : $"The resource has no capacity between {days[0].Date:yyyy-MM-dd} and {days[^1].Date:yyyy-MM-dd}: its calendar gives no working hours there.");
        switch (method)
        {
            case AllocationMethod.FullCapacity:
                return working.Select(d => (d.Date, d.Capacity)).ToList();
            case AllocationMethod.PercentageCapacity:
                var share = (percentage ?? throw new ValidationFailedException("percentage", "'percentage' is required for percentage capacity.")) / 100m;
                return working.Select(d => (d.Date, Math.Round(d.Capacity * share, 2, MidpointRounding.AwayFromZero))).Where(d => d.Item2 > 0).ToList();
            case AllocationMethod.DistributeEvenly:
                var shares = WorkContour.Split(Required(hours), working.Count);
                return working.Select((d, i) => (d.Date, shares[i])).Where(d => d.Item2 > 0).ToList();
            case AllocationMethod.FrontLoad:
                var left = Required(hours);
                var lines = new List<(DateOnly, decimal)>();
                foreach (var day in working)
                {
                    var take = Math.Min(left, day.Free);
                    if (take > 0) lines.Add((day.Date, take));
                    left -= take;
                }
                if (left > 0)
                    throw new ValidationFailedException("hours",
                        $"Front load books only free capacity, and {left:0.##} of the {hours:0.##} hours do not fit between {days[0].Date:yyyy-MM-dd} and {days[^1].Date:yyyy-MM-dd}.");
                return lines;
            default:
                throw new ValidationFailedException("allocationMethod", $"A booking is made by FullCapacity, PercentageCapacity, DistributeEvenly or FrontLoad, not {method}.");
        }
    }

    /// <summary>The hours of <paramref name="lines"/> that go beyond the days' capacity on top of what is committed already.</summary>
    public static decimal Overbooked(IReadOnlyList<DayLoad> days, IEnumerable<(DateOnly Date, decimal Hours)> lines)
    {
        var byDate = days.ToDictionary(d => d.Date);
        var over = 0m;
        foreach (var (date, hours) in lines)
        {
            var day = byDate[date];
            over += Math.Min(hours, Math.Max(0m, day.Committed + hours - day.Capacity));
        }
        return over;
    }

    private static decimal Required(decimal? hours) => hours is > 0 ? hours.Value
        : throw new ValidationFailedException("hours", "'hours' is required for this allocation method and must be more than 0.");
}
