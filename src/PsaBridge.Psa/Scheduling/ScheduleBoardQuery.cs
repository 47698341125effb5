using Microsoft.EntityFrameworkCore;
using PsaBridge.Infrastructure.Paging;
using PsaBridge.Infrastructure.Validation;
using PsaBridge.Psa.OrganizationalUnits;

namespace PsaBridge.Psa.Scheduling;

/// <summary>How a week of the board is coloured: over-booked (committed beyond capacity), hard-booked, soft-booked only, or free.</summary>
public enum BoardCellState { Free, Soft, Hard, Over }

public sealed record BoardCell(decimal Capacity, decimal HardBooked, decimal SoftBooked)
{
    public decimal Available => Capacity - HardBooked;

    public BoardCellState State => HardBooked > Capacity ? BoardCellState.Over
        : HardBooked > 0 ? BoardCellState.Hard
        : SoftBooked > 0 ? BoardCellState.Soft
        : BoardCellState.Free;
}

public sealed record BoardRow(Guid ResourceId, string Name, string OrganizationalUnit, IReadOnlyList<BoardCell> Weeks);

/// <summary>The schedule board: resources down, weeks across, booked hours against capacity in each cell.</summary>
public sealed record ScheduleBoard(DateOnly From, DateOnly To, IReadOnlyList<PeriodColumn> Weeks, Page<BoardRow> Resources);

/// <summary>Reads the schedule board for a page of the selected resources.</summary>
public sealed class ScheduleBoardQuery(PsaDb db, ResourceLoads loads, TimeProvider clock)
{
    public const int DefaultWeeks = 12, MaxWeeks = 104;

    public async Task<ScheduleBoard> GetAsync(DateOnly? from, int? weeks, ResourceSelection selection, PageRequest page, CancellationToken ct = default)
    {
        if (weeks is < 1 or > MaxWeeks) throw new ValidationFailedException("weeks", $"'weeks' is {weeks}; it must be between 1 and {MaxWeeks}.");
        var start = Periods.StartOf(from ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), PeriodLength.Week);
        var end = start.AddDays(7 * (weeks ?? DefaultWeeks) - 1);
        var periods = Periods.Between(start, end, PeriodLength.Week);
        var units = await db.Set<OrganizationalUnit>().AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var rows = await selection.Apply(db).AsNoTracking().OrderBy(r => r.Name).ThenBy(r => r.Id)
            .Select(r => new { r.Id, r.Name, r.OrganizationalUnitId }).ToPageAsync(page, ct);
        var load = await loads.ForAsync(rows.Items.Select(r => r.Id).ToList(), periods, ct);
        var board = rows.Map(r => new BoardRow(r.Id, r.Name, units[r.OrganizationalUnitId],
            periods.Select((_, i) => new BoardCell(load[r.Id].Capacity[i], load[r.Id].Hard[i], load[r.Id].Soft[i])).ToList()));
        return new ScheduleBoard(start, end, periods.Select(p => new PeriodColumn(p.Start, p.End, p.Label(PeriodLength.Week))).ToList(), board);
    }
}
