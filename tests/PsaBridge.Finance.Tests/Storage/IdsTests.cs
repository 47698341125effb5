using System.Globalization;
using PsaBridge.Infrastructure.Storage;
using Shouldly;
using Xunit;

namespace PsaBridge.Finance.Tests.Storage;

public sealed class IdsTests
{
    [Fact]
    public void An_id_is_version_7_with_the_rfc_variant_and_its_time_in_the_first_48_bits()
    {
        var time = new DateTimeOffset(2026, 12, 1, 23, 15, 42, 123, TimeSpan.Zero);
        var id = Ids.New(time);

        id.Version.ShouldBe(7);
        (id.Variant >> 2).ShouldBe(0b10); // RFC 9562's variant: the top two bits 10
        MillisecondsOf(id).ShouldBe(time.ToUnixTimeMilliseconds());
        // The same layout as .NET's own version 7 ids: the same time gives the same first 48 bits.
        id.ToString()[..13].ShouldBe(Guid.CreateVersion7(time).ToString()[..13]);
    }

    [Fact]
    public void Ids_made_now_carry_the_current_time()
    {
        var before = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var id = Ids.New();
        var after = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        MillisecondsOf(id).ShouldBeInRange(before, after);
    }

    [Theory]
    [InlineData(0x0000_0000_7FFFL)] // the low 16 bits pass from 0x7FFF to 0x8000 (the sign of a short)
    [InlineData(0x0000_0000_FFFFL)] // the low 16 bits carry into the high 32
    [InlineData(0x7FFF_FFFF_FFFFL)] // the high 32 bits pass from 0x7FFF_FFFF to 0x8000_0000 (the sign of an int; the year 6429)
    [InlineData(0x0199_0000_0000L)] // 2024, an ordinary time
    public void An_id_of_a_later_millisecond_sorts_later_as_stored_bytes_and_as_a_guid(long milliseconds)
    {
        var earlier = Ids.New(DateTimeOffset.FromUnixTimeMilliseconds(milliseconds));
        var later = Ids.New(DateTimeOffset.FromUnixTimeMilliseconds(milliseconds + 1));

        MillisecondsOf(earlier).ShouldBe(milliseconds);
        MillisecondsOf(later).ShouldBe(milliseconds + 1);
        // As a GUID is stored on SQLite, compared as SQLite compares blobs (memcmp).
        SqliteValues.GuidBytes(earlier).AsSpan().SequenceCompareTo(SqliteValues.GuidBytes(later)).ShouldBeLessThan(0);
        earlier.CompareTo(later).ShouldBeLessThan(0);
    }

    [Fact]
    public void Ids_of_one_millisecond_differ_in_their_random_bits()
    {
        var time = new DateTimeOffset(2026, 12, 1, 23, 15, 42, 123, TimeSpan.Zero);
        var ids = Enumerable.Range(0, 100_000).Select(_ => Ids.New(time)).ToList();

        ids.Distinct().Count().ShouldBe(ids.Count);
        ids.ShouldAllBe(i => i.Version == 7 && i.Variant >> 2 == 0b10 && MillisecondsOf(i) == time.ToUnixTimeMilliseconds());
        // Every random bit varies: none of the 74 is stuck at 0 or 1 over the ids.
        var bytes = ids.Select(i => i.ToByteArray(bigEndian: true)).ToList();
        byte Or(int b) => bytes.Aggregate((byte)0, (acc, x) => (byte)(acc | x[b]));
        byte And(int b) => bytes.Aggregate((byte)0xFF, (acc, x) => (byte)(acc & x[b]));
        (Or(6) & 0x0F).ShouldBe(0x0F);
        (And(6) & 0x0F).ShouldBe(0);
        (Or(8) & 0x3F).ShouldBe(0x3F);
        (And(8) & 0x3F).ShouldBe(0);
        foreach (var b in new[] { 7, 9, 10, 11, 12, 13, 14, 15 })
        {
            Or(b).ShouldBe((byte)0xFF);
            And(b).ShouldBe((byte)0);
        }
    }

    [Fact]
    public void Ids_made_on_many_threads_at_once_are_all_distinct()
    {
        var time = new DateTimeOffset(2026, 12, 1, 23, 15, 42, 123, TimeSpan.Zero);
        var ids = new System.Collections.Concurrent.ConcurrentBag<Guid>();
        // Fresh threads, each with its own generator: the first ids of each must differ (not one seed for all).
        var threads = Enumerable.Range(0, 8).Select(_ => new Thread(() =>
        {
            for (var i = 0; i < 10_000; i++) ids.Add(Ids.New(time));
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        ids.Count.ShouldBe(80_000);
        ids.Distinct().Count().ShouldBe(80_000);
    }

    [Fact]
    public void A_time_before_1970_is_refused() =>
        Should.Throw<ArgumentOutOfRangeException>(() => Ids.New(new DateTimeOffset(1969, 12, 31, 23, 59, 59, TimeSpan.Zero)));

    private static long MillisecondsOf(Guid id) => long.Parse(id.ToString("N")[..12], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
}
