using System.Diagnostics;
using System.Threading.Channels;
using PsaBridge.Integration.Sources;

namespace PsaBridge.Integration.CustomerSync;

/// <summary>
/// The reading side of a run, on a thread of its own: the retried accounts, then the changes after the watermark, page
/// by page, each read from PSA, mapped by the seed's rules and looked up in the target before it is handed to the writer
/// through a channel of two. The page order (failed accounts first, then changes in version order) is the order of doing
/// it in turn; only the writer moves the watermark, after commit.
/// </summary>
internal sealed class PageReader(IPsaAccountSource source, ICustomerTarget target, CustomerSyncOptions options, RunState state)
{
    /// <summary>The reader's own stages (they overlap the writer's), logged with the run's.</summary>
    public Dictionary<string, TimeSpan> Stages { get; } = [];

    private long _mark;
    // The accounts and account numbers of the pages sent and not yet committed when a later page was looked up (see MappedPage).
    private readonly Queue<(int Page, HashSet<Guid> Accounts, HashSet<string> Numbers)> _sent = new();
    private int _sentPages;

    /// <summary>The source's position had expired and the run read every account again.</summary>
    public bool ReadAgainInFull { get; private set; }

    /// <summary>
    /// Reads every page into <paramref name="pages"/>, then ends it, with the error when it fails, so the writer never waits on
    /// a reader that stopped. No <paramref name="watermark"/>: the retries alone (one account synchronized now).
    /// </summary>
    public async Task ReadAsync(ChannelWriter<MappedPage> pages, List<PsaAccountRecord> retries, long? watermark, CancellationToken ct)
    {
        try
        {
            _mark = Stopwatch.GetTimestamp();
            foreach (var chunk in retries.Chunk(options.PageSize)) await SendAsync(pages, chunk, null, ct);
            if (watermark is { } version && source is ITrackedAccountSource { Tracking: true } tracked)
            {
                await ReadTrackedAsync(pages, tracked, version, ct);
                watermark = null;
            }
            while (watermark is { } after)
            {
                var page = await source.ReadChangedAsync(after, options.PageSize, ct);
                if (page.Count == 0) break;
                watermark = page[^1].Version;
                await SendAsync(pages, page, watermark, ct);
                if (page.Count < options.PageSize) break;
            }
            pages.Complete();
        }
        catch (Exception e)
        {
            pages.Complete(e);
        }
    }

    /// <summary>
    /// The changes by the source's change tracking, from the committed position (none: a full read), to the position that
    /// ends the read; a page without accounts is sent too, so its fresher position is committed.
    /// </summary>
    private async Task ReadTrackedAsync(ChannelWriter<MappedPage> pages, ITrackedAccountSource tracked, long version, CancellationToken ct)
    {
        for (var position = state.Start.Position; ;)
        {
            var page = await tracked.ReadPageAsync(position, options.PageSize, ct);
            ReadAgainInFull |= page.ReadAgainInFull;
            position = page.Position;
            foreach (var a in page.Accounts) version = Math.Max(version, a.Version);
            await SendAsync(pages, page.Accounts, version, ct, position);
            if (!page.More) return;
        }
    }

    private async Task SendAsync(ChannelWriter<MappedPage> pages, IReadOnlyList<PsaAccountRecord> page, long? advanceTo, CancellationToken ct,
        string? position = null)
    {
        Stage("read PSA");
        await target.PrefetchAsync(state.Reference, page, ct);
        Stage("reference data");
        var mappings = page.Select(a => CustomerRules.Map(a, state.Reference.Reference, options.CustomerGroup)).ToList();
        Stage("map and validate");
        // Exactly, case included, as the lookup compares customer accounts in the database.
        var numbers = new HashSet<string>(StringComparer.Ordinal);
        foreach (var m in mappings)
            if (m.AccountNumber is { } number) numbers.Add(number);
        var found = await target.FindAsync(page, numbers, state.Start.FailuresBefore, state.Pages, ct);
        bool seenAhead = false, numbersSeenAhead = false;
        _sentPages++;
        if (!state.Run.Request.DryRun) // a dry run commits nothing a lookup could miss
        {
            while (_sent.TryPeek(out var oldest) && oldest.Page <= found.AfterPages) _sent.Dequeue();
            var accounts = new HashSet<Guid>(page.Count);
            foreach (var a in page) accounts.Add(a.Id);
            foreach (var (_, accountsBefore, numbersBefore) in _sent)
            {
                seenAhead |= accountsBefore.Overlaps(accounts);
                numbersSeenAhead |= numbersBefore.Overlaps(numbers);
            }
            _sent.Enqueue((_sentPages, accounts, numbers));
        }
        Stage("find customers");
        await pages.WriteAsync(new MappedPage(_sentPages, page, mappings, advanceTo, found, seenAhead, numbersSeenAhead, position), ct);
        _mark = Stopwatch.GetTimestamp();
    }

    private void Stage(string name)
    {
        var now = Stopwatch.GetTimestamp();
        Stages[name] = Stages.GetValueOrDefault(name) + Stopwatch.GetElapsedTime(_mark, now);
        _mark = now;
    }
}
