using Microsoft.AspNetCore.Mvc;
using PsaBridge.Infrastructure.Paging;
using PsaBridge.Infrastructure.Validation;
using PsaBridge.Psa.Resources;
using PsaBridge.Psa.Scheduling;
using PsaBridge.Reporting.Shared;
using PsaBridge.Web.Pages.Shared;

namespace PsaBridge.Web.Pages.Planning;

/// <summary>The schedule board: a page of resources by weeks, booked hours against capacity, coloured hard, soft or over-booked.</summary>
[Authorize(Policy = Policies.Read)]
public sealed class BoardModel(ScheduleBoardQuery boards, Names names, SkillService skills) : AppPage
{
    [BindProperty(SupportsGet = true)] public BoardFilter Filter { get; set; } = new();

    [BindProperty(Name = Links.PageParameter, SupportsGet = true)] public int? PageNumber { get; set; }

    public ScheduleBoard? Board { get; private set; }
    public IReadOnlyList<KeyValuePair<Guid, string>> Roles { get; private set; } = [];
    public IReadOnlyList<KeyValuePair<Guid, string>> Units { get; private set; } = [];
    public IReadOnlyList<KeyValuePair<Guid, string>> Skills { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Roles = Sorted(await names.RolesAsync(ct));
        Units = Sorted(await names.UnitsAsync(ct));
        Skills = (await skills.ListCharacteristicsAsync(null, new PageRequest(1, PageRequest.MaxPageSize), ct)).Items
            .Select(c => new KeyValuePair<Guid, string>(c.Id, c.Name)).ToList();
        if (ModelState.IsValid)
        {
            try
            {
                Board = await boards.GetAsync(Filter.From, Filter.Weeks, Filter.Selection, PageRequest.Of(PageNumber, 50), ct);
                return;
            }
            catch (ValidationFailedException e)
            {
                ModelState.AddFieldErrors(e.Errors, nameof(Filter), typeof(BoardFilter));
            }
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
    }

    /// <summary>What a cell says to a reader and in its tooltip: the hours against capacity.</summary>
    public static string Describe(BoardCell cell) =>
        $"{PlanningUi.Hours(cell.HardBooked)} h hard-booked of {PlanningUi.Hours(cell.Capacity)} h capacity" + (cell.SoftBooked > 0 ? $", {PlanningUi.Hours(cell.SoftBooked)} h soft-booked" : "")
        + (cell.State == BoardCellState.Over ? $", over-booked by {PlanningUi.Hours(cell.HardBooked - cell.Capacity)} h" : "");

    private static List<KeyValuePair<Guid, string>> Sorted(Dictionary<Guid, string> names) => names.OrderBy(n => n.Value, StringComparer.OrdinalIgnoreCase).ToList();
}
