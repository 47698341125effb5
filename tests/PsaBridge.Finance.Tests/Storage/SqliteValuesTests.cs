using System.Globalization;
using System.Text;
using System.Text.Json;
using PsaBridge.Infrastructure.Storage;

namespace PsaBridge.Finance.Tests.Storage;

/// <summary>
/// The bulk path writes dates and decimals digit by digit; the text must be exactly what EF's format strings give.
/// GUIDs are stored as their bytes in RFC order.
/// </summary>
public sealed class SqliteValuesTests
{
    private static readonly decimal[] Decimals =
    [
        0m, 0.0m, -0.0m, 1m, -1m, 50000m, 50000.00m, 0.5m, -0.5m, 0.1000m, 1234.5000m, 99.95m, -42.0100m, 0.0000000000000000000000000001m,
        -0.0000000000000000000000000001m, decimal.MaxValue, decimal.MinValue, 7922816251426433759354395033.5m, 1e-10m, 123456789012345678m,
        decimal.One / 3m, -2m / 3m,
    ];

    [Fact]
    public void Decimals_read_as_EF_writes_them()
    {
        var random = new Random(22);
        var values = Decimals.Concat(Enumerable.Range(0, 5_000).Select(_ =>
            new decimal(random.Next(), random.Next(), random.Next(4), random.Next(2) == 1, (byte)random.Next(29))));
        foreach (var value in values)
            Utf8(b => SqliteValues.WriteDecimal(value, b)).ShouldBe(value.ToString(SqliteValues.DecimalFormat, CultureInfo.InvariantCulture), $"{value}");
    }

    [Fact]
    public void Dates_and_times_read_as_EF_writes_them()
    {
        var random = new Random(11);
        var times = new List<DateTime>
        {
            DateTime.MinValue, DateTime.MaxValue, new(2026, 11, 22, 9, 5, 7), new(2026, 11, 22, 9, 5, 7, 120), new DateTime(2026, 1, 2).AddTicks(1),
            new DateTime(999, 12, 31, 23, 59, 59).AddTicks(9_999_990), new DateTime(2018, 12, 31, 0, 0, 0, DateTimeKind.Utc).AddTicks(1_234_560),
        };
        times.AddRange(Enumerable.Range(0, 5_000).Select(_ => new DateTime(random.NextInt64(DateTime.MinValue.Ticks, DateTime.MaxValue.Ticks))));
        foreach (var time in times)
        {
            Utf8(b => SqliteValues.WriteDateTime(time, b)).ShouldBe(time.ToString(SqliteValues.DateTimeFormat, CultureInfo.InvariantCulture), $"{time.Ticks}");
            var date = DateOnly.FromDateTime(time);
            Utf8(b => SqliteValues.WriteDate(date, b)).ShouldBe(date.ToString(SqliteValues.DateFormat, CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public void A_GUID_is_stored_as_its_16_bytes_in_RFC_order_and_read_back()
    {
        SqliteValues.GuidBytes(Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"))
            .ShouldBe(Convert.FromHexString("0F8FAD5BD9CB469FA16570867728950E")); // the text's digits in their order: big-endian
        var written = new byte[20];
        foreach (var id in Enumerable.Range(0, 1_000).Select(_ => Guid.NewGuid()).Append(Guid.Empty).Append(Guid.AllBitsSet))
        {
            var bytes = SqliteValues.GuidBytes(id);
            bytes.ShouldBe(Convert.FromHexString(id.ToString("N")));
            SqliteValues.WriteGuid(id, written).ShouldBe(16);
            written[..16].ShouldBe(bytes);
            SqliteValues.Guid(bytes).ShouldBe(id);
        }
        Should.Throw<InvalidCastException>(() => SqliteValues.Guid(new byte[15])).Message.ShouldBe("A 15-byte blob is not a GUID.");
    }

    private static string Utf8(SpanWriter write)
    {
        Span<byte> buffer = stackalloc byte[64];
        return Encoding.UTF8.GetString(buffer[..write(buffer)]);
    }

    private delegate int SpanWriter(Span<byte> buffer);
}
