using Microsoft.AspNetCore.Mvc;
using PsaBridge.Finance.IntegrationLog;
using PsaBridge.Integration.CustomerSync;
using PsaBridge.Integration.Log;
using PsaBridge.Web.Pages.Shared;

namespace PsaBridge.Web.Pages.Integration.Sync;

/// <summary>
/// A run started with Run now, while it goes: read so far of the total, the share done, the rate and the time left.
/// A small script polls <c>?handler=Progress</c> and moves on to the Details when the run ends; without JavaScript the
/// page refreshes itself, and the server sends a finished run to its Details. Cancel stops the run after the page it is
/// writing, so nothing read is lost and the log says who cancelled it.
/// </summary>
[Authorize(Policy = Policies.Read)]
public sealed class RunModel(RunProgress progress, RunningSyncs running) : AppPage
{
    [FromRoute] public Guid Id { get; set; }

    public RunProgressView Progress { get; private set; } = null!;
    public LogHeaderView Header => Progress.Header;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Progress = await progress.GetAsync(Id, ct);
        if (Header.Status != IntegrationStatus.Running) return Redirect(Links.LogDetails(Id));
        return Page();
    }

    [HandlerPolicy(Policies.OperateIntegration)]
    public IActionResult OnPostCancel()
    {
        Notify(running.Cancel(Id, User.Identity?.Name)
            ? "Cancel requested: the run stops after the page it is writing; that page is kept."
            : "This run is not going on in this server any more (it finished, or another node runs it).");
        return Redirect(Links.RunProgress(Id));
    }

    public async Task<IActionResult> OnGetProgressAsync(CancellationToken ct)
    {
        var p = await progress.GetAsync(Id, ct);
        return new JsonResult(new
        {
            status = p.Header.Status.ToString(), read = p.Read, total = p.Total, percent = p.Percent, perSecond = p.PerSecond,
            secondsLeft = p.TimeLeft?.TotalSeconds, counts = p.Header.Counts, text = Text(p),
        });
    }

    /// <summary>The one sentence the page and its script show.</summary>
    public static string Text(RunProgressView p)
    {
        var c = p.Header.Counts;
        var of = p.Total is { } total ? $" of {Ui.Count(total)}" : "";
        var percent = p.Percent is { } share ? $" ({share.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)}%)" : "";
        var rate = p.PerSecond is { } r ? $" · {Ui.Count((int)Math.Round(r))} a second" : "";
        var left = p.TimeLeft is { } t ? $" · about {Ui.Duration((long)t.TotalMilliseconds)} left" : "";
        return $"Read {Ui.Count(p.Read)}{of} accounts{percent}{rate}{left}: {Ui.Count(c.Created)} created, {Ui.Count(c.Updated)} updated, " +
               $"{Ui.Count(c.Unchanged)} unchanged, {Ui.Count(c.Failed)} in error.";
    }
}
