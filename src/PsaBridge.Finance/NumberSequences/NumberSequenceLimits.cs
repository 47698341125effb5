using PsaBridge.Infrastructure.Validation;

namespace PsaBridge.Finance.NumberSequences;

/// <summary>How many numbers one reservation may take, and when a sequence is close enough to its end to warn.</summary>
public static class NumberSequenceLimits
{
    /// <summary>Far more than one batch needs, yet a hundredth of the default customer sequence: no call can take a whole sequence.</summary>
    public const int MaxReservePerCall = 10_000;

    /// <summary>
    /// A sequence 90% used is near exhaustion (our choice; F&amp;O documents no figure): the default customer sequence then
    /// still has about 100,000 numbers, time enough to widen its format or its largest number before runs stop.
    /// </summary>
    public const decimal WarningShare = 0.90m;

    /// <summary>The count asked for a reservation, refused (naming <c>count</c>) below 1 or past the maximum.</summary>
    public static int ReserveCount(int? count, string field = "count") => count switch
    {
        null => 1,
        < 1 => throw new ValidationFailedException(field, $"'{field}' is {count}; at least 1 number must be taken."),
        > MaxReservePerCall => throw new ValidationFailedException(field, $"'{field}' is {count}; at most {MaxReservePerCall} numbers are reserved in one call."),
        _ => count.Value,
    };

    public static long Left(NumberSequence s) => Math.Max(0, s.Largest - s.Next + 1);

    /// <summary>The share of the sequence's numbers already given, from 0 to 1.</summary>
    public static decimal UsedShare(NumberSequence s)
    {
        var total = s.Largest - s.Smallest + 1;
        return total <= 0 ? 1m : (decimal)Math.Clamp(s.Next - s.Smallest, 0, total) / total;
    }

    public static bool NearExhaustion(NumberSequence s) => UsedShare(s) >= WarningShare;
}
