using PsaBridge.Finance.IntegrationLog;
using PsaBridge.Integration.Log;

namespace PsaBridge.Integration.Tests.Log;

public sealed class RunProgressTests
{
    private static readonly DateTime Start = new(2026, 12, 7, 10, 0, 0, DateTimeKind.Utc);

    private static LogHeaderView Header(IntegrationStatus status, int read) =>
        new(Guid.NewGuid(), null, "Synchronize", Start, null, status, new LogCounts(read, read, 0, 0, 0, 0), 0, null);

    [Fact]
    public void A_running_run_is_estimated_from_its_reads_so_far_and_the_accounts_left()
    {
        var p = RunProgress.Estimate(Header(IntegrationStatus.Running, 30_000), remaining: 90_000, now: Start.AddSeconds(20));

        (p.Read, p.Total, p.Percent, p.PerSecond, p.TimeLeft).ShouldBe((30_000, 120_000, 25.0, 1_500.0, TimeSpan.FromSeconds(60)));
    }

    [Fact]
    public void A_run_that_has_read_nothing_yet_has_a_total_but_no_rate_nor_time_left()
    {
        var p = RunProgress.Estimate(Header(IntegrationStatus.Running, 0), remaining: 7, now: Start.AddSeconds(3));

        (p.Total, p.Percent, p.PerSecond, p.TimeLeft).ShouldBe((7, 0.0, (double?)null, (TimeSpan?)null));
    }

    [Fact]
    public void A_finished_run_is_complete_whatever_is_left_in_psa()
    {
        var p = RunProgress.Estimate(Header(IntegrationStatus.Completed, 500), remaining: 12, now: Start.AddMinutes(5));

        (p.Total, p.Percent, p.TimeLeft).ShouldBe((500, 100.0, TimeSpan.Zero));
    }
}
