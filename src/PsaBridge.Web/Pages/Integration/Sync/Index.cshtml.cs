using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using PsaBridge.Infrastructure.Validation;
using PsaBridge.Integration.CustomerSync;
using PsaBridge.Integration.Scheduling;
using PsaBridge.Web.Infrastructure;
using PsaBridge.Web.Pages.Shared;

namespace PsaBridge.Web.Pages.Integration.Sync;

/// <summary>
/// Periodic › Synchronize master data from PSA: the batch job's recurrence, its last and next run,
/// and Run now, which starts a run in the background and follows it to its Details.
/// </summary>
[Authorize(Policy = Policies.Read)]
public sealed class IndexModel(CustomerSyncSchedule schedule, InteractiveRuns runs, PsaBridge.Integration.Hosting.SyncEnds ends) : AppPage
{
    /// <summary>The source and target the job reads from and writes into, as configured.</summary>
    public PsaBridge.Integration.Hosting.SyncEnds Ends => ends;

    public ScheduleView Schedule { get; private set; } = null!;

    [BindProperty, Display(Name = "Run in batch on the schedule")] public bool Enabled { get; set; }
    [BindProperty, Display(Name = "Every (minutes)")] public int? IntervalMinutes { get; set; }
    [BindProperty, Display(Name = "Re-read every account, not only the changed ones")] public bool Full { get; set; }

    /// <summary>Why Run now was refused (a run is already going).</summary>
    public string? Refused { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Schedule = await schedule.GetAsync(ct);
        Enabled = Schedule.Enabled;
        IntervalMinutes = Schedule.IntervalMinutes;
    }

    [HandlerPolicy(Policies.Administer)]
    public async Task<IActionResult> OnPostScheduleAsync(CancellationToken ct)
    {
        if (IntervalMinutes is null && ModelState.GetFieldValidationState(nameof(IntervalMinutes)) != ModelValidationState.Invalid)
            ModelState.AddModelError(nameof(IntervalMinutes), "Give the interval in minutes, from 1 to one week.");
        if (ModelState.IsValid)
        {
            try
            {
                var saved = await schedule.UpdateAsync(new ScheduleInput(Enabled, IntervalMinutes), ct);
                Notify(saved.Enabled
                    ? $"Schedule saved: the job runs in batch every {saved.IntervalMinutes} minutes."
                    : "Schedule saved: the job does not run in batch; use Run now.");
                return RedirectToPage();
            }
            catch (ValidationFailedException e)
            {
                ModelState.AddFieldErrors(e.Errors, "", GetType());
            }
        }
        Schedule = await schedule.GetAsync(ct);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    [HandlerPolicy(Policies.OperateIntegration)]
    public async Task<IActionResult> OnPostRunAsync(CancellationToken ct)
    {
        try
        {
            var id = await runs.StartInBackgroundAsync(new SyncRequest(Full: Full), ct);
            return Redirect(Links.RunProgress(id));
        }
        catch (ConflictException e)
        {
            Refused = e.Message;
        }
        await OnGetAsync(ct);
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }
}
