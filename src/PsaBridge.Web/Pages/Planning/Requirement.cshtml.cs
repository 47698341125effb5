using Microsoft.AspNetCore.Mvc;
using PsaBridge.Infrastructure.Validation;
using PsaBridge.Psa.Scheduling;
using PsaBridge.Web.Pages.Shared;
using PsaBridge.Web.Pages.Shared.Grid;

namespace PsaBridge.Web.Pages.Planning;

/// <summary>
/// Find resources for a requirement: the matches ranked by available hours, the near misses with their reasons, and a
/// Book button per match (committed or proposed). Booking one resource for all the hours replaces the generic member. An active
/// requirement is canceled here, after a confirmation.
/// </summary>
[Authorize(Policy = Policies.Read)]
public sealed class RequirementModel(ResourceFinder finder, BookingService bookings, RequirementService requirements) : AppPage
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }

    public FoundResources Found { get; private set; } = null!;
    public ConfirmView? Confirm { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Found = await finder.FindAsync(Id, null, ct);

    [HandlerPolicy(Policies.ManageProjects)]
    public async Task<IActionResult> OnPostBookAsync(Guid resourceId, BookingStatus status, CancellationToken ct)
    {
        await OnGetAsync(ct);
        try
        {
            var booking = await bookings.BookRequirementAsync(Id, new RequirementBookingInput(resourceId, Status: status), ct);
            Notify($"{booking.Resource} booked for {PlanningUi.Hours(booking.Hours)} h ({booking.Status})"
                   + (booking.IsOverbooked ? $", over-booked by {PlanningUi.Hours(booking.OverbookedHours)} h." : "."));
            return Redirect($"/planning/projects/{Found.Requirement.ProjectId}/team");
        }
        catch (Exception e) when (e is ValidationFailedException or ConflictException)
        {
            foreach (var message in e is ValidationFailedException v ? v.Errors.Select(f => f.Message) : [e.Message]) ModelState.AddModelError("", message);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
    }

    [HandlerPolicy(Policies.ManageProjects)]
    public async Task<IActionResult> OnPostCancelAsync(bool confirmed, CancellationToken ct)
    {
        await OnGetAsync(ct);
        if (!confirmed)
        {
            Confirm = new ConfirmView($"Cancel requirement '{Found.Requirement.Name}'?",
                "A canceled requirement is not booked any more; its bookings and the team member stay.", "Cancel", "Cancel requirement", []);
            return Page();
        }
        try
        {
            var canceled = await requirements.CancelAsync(Id, ct);
            Notify($"Requirement '{canceled.Name}' canceled.");
        }
        catch (ConflictException e)
        {
            Notify(e.Message);
        }
        return Redirect($"/planning/projects/{Found.Requirement.ProjectId}/team");
    }
}
