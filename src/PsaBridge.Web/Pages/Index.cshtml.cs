using PsaBridge.Finance.IntegrationLog;
using PsaBridge.Finance.NumberSequences;
using PsaBridge.Infrastructure.Paging;
using PsaBridge.Integration.Log;
using PsaBridge.Integration.Scheduling;
using PsaBridge.Web.Pages.Shared;

namespace PsaBridge.Web.Pages;

/// <summary>Home: how the last runs went, how many are in error, and where to go next.</summary>
[Authorize(Policy = Policies.Read)]
public sealed class IndexModel(IntegrationLogQueries log, CustomerSyncSchedule schedule, FailingAccounts failing, NumberSequenceService sequences) : AppPage
{
    public const int RecentRuns = 5;

    public ScheduleView Schedule { get; private set; } = null!;
    public Page<LogHeaderView> Recent { get; private set; } = new([], 0, 1, RecentRuns);
    public int RunsInError { get; private set; }
    /// <summary>Accounts whose latest attempt failed, in whichever run: a run with nothing to do does not hide them.</summary>
    public int AccountsInError { get; private set; }
    /// <summary>Sequences close to their largest number: warned about here before a run stops for want of numbers.</summary>
    public IReadOnlyList<NumberSequence> NearExhaustion { get; private set; } = [];

    /// <summary>The last finished run (a run still going has no counts to speak of yet).</summary>
    public LogHeaderView? Last => Recent.Items.FirstOrDefault(h => h.Status != IntegrationStatus.Running);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Schedule = await schedule.GetAsync(ct);
        Recent = await log.HeadersAsync(LogStatusFilter.All, PageRequest.Of(1, RecentRuns), ct);
        RunsInError = (await log.HeadersAsync(LogStatusFilter.Error, PageRequest.Of(1, 1), ct)).Total;
        AccountsInError = await failing.CountAsync(ct);
        NearExhaustion = await sequences.NearExhaustionAsync(ct);
    }
}
