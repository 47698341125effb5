using Microsoft.EntityFrameworkCore;
using PsaBridge.Infrastructure.Storage;
using PsaBridge.Infrastructure.Validation;

namespace PsaBridge.Finance.NumberSequences;

/// <summary>Consecutive numbers taken from a sequence in one step, ready to format.</summary>
public sealed record NumberBlock(string SequenceCode, string Format, long First, int Count)
{
    public long Last => First + Count - 1;
    public string this[int index] => index < 0 || index >= Count
        ? throw new ArgumentOutOfRangeException(nameof(index))
        : NumberFormat.Apply(Format, First + index);
    public IEnumerable<string> All() => Enumerable.Range(0, Count).Select(i => this[i]);
}

/// <summary>
/// Takes numbers from a sequence atomically with a single <c>UPDATE … RETURNING</c>, so parallel
/// allocators (threads, processes, nodes) never get the same number and never pass the largest.
/// A continuous sequence takes its numbers in the caller's transaction: rolled back, the numbers
/// return and no gap is left (the row stays locked until the caller commits, which is the cost F&amp;O
/// documents for continuous sequences). A non-continuous one commits at once in a transaction of its
/// own (on SQLite, inside a transaction the caller already holds, since SQLite has one writer); a block
/// reserved for batch work and not used leaves a gap, as F&amp;O allows.
/// </summary>
public sealed class NumberSequenceAllocator(IDbContextFactory<FinanceDb> contexts)
{
    public async Task<NumberBlock> TakeAsync(FinanceDb db, string code, int count = 1, CancellationToken ct = default)
    {
        if (count < 1) throw new ValidationFailedException("count", $"'count' is {count}; at least 1 number must be taken.");
        // Where the caller's transaction holds the only writer, numbers go with its work whatever kind the sequence is.
        if (db.Database.CurrentTransaction is not null && !db.Database.AllowsConcurrentWriters()) return await TakeInAsync(db, code, count, ct);
        var sequence = await db.NumberSequences.AsNoTracking().SingleOrDefaultAsync(s => s.Code == code, ct)
            ?? throw new NotFoundException("Number sequence", code);

        if (sequence.Continuous)
        {
            if (db.Database.CurrentTransaction is not null) return await TakeInAsync(db, sequence, count, ct);
            await using var own = await db.Database.BeginTransactionAsync(ct);
            var block = await TakeInAsync(db, sequence, count, ct);
            await own.CommitAsync(ct);
            return block;
        }

        if (db.Database.CurrentTransaction is not null && TakesInCallersTransaction(db, continuous: false))
            return await TakeInAsync(db, sequence, count, ct);
        await using var separate = await contexts.CreateDbContextAsync(ct);
        return await TakeInAsync(separate, sequence, count, ct);
    }

    /// <summary>
    /// Whether numbers taken while the caller's transaction is open go with the caller's work (given back if it rolls back):
    /// always for a continuous sequence; for any other on SQLite, which has one writer that the caller's transaction already
    /// holds, so a transaction of our own would wait on the caller until it timed out.
    /// </summary>
    public static bool TakesInCallersTransaction(FinanceDb db, bool continuous) => continuous || !db.Database.AllowsConcurrentWriters();

    private static Task<NumberBlock> TakeInAsync(FinanceDb db, NumberSequence sequence, int count, CancellationToken ct) =>
        TakeInAsync(db, sequence.Code, count, ct);

    /// <summary>One <c>UPDATE … RETURNING</c>: the sequence is not read first, and its format comes with the numbers.</summary>
    private static async Task<NumberBlock> TakeInAsync(FinanceDb db, string code, int count, CancellationToken ct)
    {
        var taken = await db.Database.SqlQuery<TakenNumbers>(
            $"UPDATE \"NumberSequences\" SET \"Next\" = \"Next\" + {count} WHERE \"Code\" = {code} AND \"Next\" + {count} - 1 <= \"Largest\" RETURNING \"Next\", \"Format\"")
            .ToListAsync(ct);
        if (taken.Count == 0) throw await RefusalAsync(db, code, count, ct);
        return new NumberBlock(code, taken[0].Format, taken[0].Next - count, count);
    }

    private sealed record TakenNumbers(long Next, string Format);

    /// <summary>Why a sequence gave no numbers: it does not exist, or has fewer left than asked for.</summary>
    private static async Task<Exception> RefusalAsync(FinanceDb db, string code, int count, CancellationToken ct)
    {
        var current = await db.NumberSequences.AsNoTracking().Where(s => s.Code == code)
            .Select(s => new { s.Next, s.Largest, s.Format }).SingleOrDefaultAsync(ct);
        if (current is null) return new NotFoundException("Number sequence", code);
        var left = Math.Max(0, current.Largest - current.Next + 1);
        return new ConflictException(left == 0
            ? $"Number sequence '{code}' has been exceeded: the highest number allowed is {current.Largest} ({NumberFormat.Apply(current.Format, current.Largest)})."
            : $"Number sequence '{code}' has {left} numbers left; {count} were asked for (highest number allowed is {current.Largest}).");
    }
}
