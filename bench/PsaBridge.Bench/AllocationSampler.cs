using System.Diagnostics.Tracing;

namespace PsaBridge.Bench;

/// <summary>
/// Where a phase's allocations go, by type: the runtime reports an allocation tick about every 100 KB allocated,
/// with the type of the object that crossed it. Switched on by PSABRIDGE_BENCH_ALLOCATIONS=1 (it costs a little
/// time, so the timed figures are taken without it); the top types are printed with the phase's result.
/// </summary>
internal sealed class AllocationSampler : EventListener
{
    private const EventKeywords GcKeyword = (EventKeywords)0x1;
    private const int AllocationTick = 10;
    private readonly Dictionary<string, long> _bytes = [];
    private readonly Lock _gate = new();

    public static AllocationSampler? StartIfAsked() =>
        Environment.GetEnvironmentVariable("PSABRIDGE_BENCH_ALLOCATIONS") == "1" ? new AllocationSampler() : null;

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime") EnableEvents(source, EventLevel.Verbose, GcKeyword);
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (e.EventId != AllocationTick || e.PayloadNames is null) return;
        var type = e.Payload![e.PayloadNames.IndexOf("TypeName")] as string ?? "?";
        var amount = Convert.ToInt64(e.Payload[e.PayloadNames.IndexOf("AllocationAmount64")]);
        lock (_gate) _bytes[type] = _bytes.GetValueOrDefault(type) + amount;
    }

    /// <summary>The <paramref name="count"/> types with the most bytes sampled, as "type: MB".</summary>
    public IEnumerable<string> Top(int count)
    {
        lock (_gate)
            return _bytes.OrderByDescending(x => x.Value).Take(count).Select(x => $"{x.Key}: {x.Value / 1024.0 / 1024.0:F0} MB").ToList();
    }
}
