namespace PsaBridge.Infrastructure.Storage;

/// <summary>
/// New row ids: version 7 GUIDs (RFC 9562), as <see cref="Guid.CreateVersion7()"/> makes them. The first 48 bits are the
/// Unix time in milliseconds, so an id made in a later millisecond sorts later, as text and as bytes (within one
/// millisecond the order is random), and a table's keys and the indexes that refer to them grow at their end instead
/// of anywhere. The other 74 bits of each id are random.
/// </summary>
/// <remarks>
/// <see cref="Guid.CreateVersion7()"/> takes its random bits from the operating system's cryptographic source, one
/// system call per id, and a confirmation of 100,000 billed lines makes 1.1 million ids. Row ids need to be unique, not
/// secret, so these come from <see cref="Random.Shared"/> (xoshiro256**, one generator per thread, each seeded from the
/// operating system), about twenty times cheaper (`bench/micro/ids.cs`, BENCHMARKS-posting.md). The next ids of a thread can
/// be predicted from earlier ones, so an id must never serve as a secret or an access token (RFC 9562 §6.9 asks
/// for a cryptographic source where ids are guessable risks; none of ours is).
/// </remarks>
public static class Ids
{
    /// <summary>A new version 7 id for the current time.</summary>
    public static Guid New() => New(DateTimeOffset.UtcNow);

    /// <summary>A new version 7 id whose time is <paramref name="time"/> (to the millisecond).</summary>
    public static Guid New(DateTimeOffset time)
    {
        var milliseconds = time.ToUnixTimeMilliseconds();
        ArgumentOutOfRangeException.ThrowIfNegative(milliseconds, nameof(time));
        Span<byte> random = stackalloc byte[10];
        Random.Shared.NextBytes(random);
        // The fields are formatted and compared unsigned, so the narrowing casts keep the bits and drop the sign.
        return unchecked(new Guid(
            (int)(milliseconds >> 16),                                 // time, high 32 bits
            (short)milliseconds,                                       // time, low 16 bits
            (short)(0x7000 | ((random[0] << 8 | random[1]) & 0x0FFF)), // version 7, 12 random bits
            (byte)(0x80 | (random[2] & 0x3F)),                         // variant 10, 6 random bits
            random[3], random[4], random[5], random[6], random[7], random[8], random[9]));
    }
}
