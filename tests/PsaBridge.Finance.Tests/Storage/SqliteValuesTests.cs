using PsaBridge.Infrastructure.Storage;

namespace PsaBridge.Finance.Tests.Storage;

/// <summary>
/// GUIDs are stored as their bytes in RFC order.
/// </summary>
public sealed class SqliteValuesTests
{
    [Fact]
    public void A_GUID_is_stored_as_its_16_bytes_in_RFC_order_and_read_back()
    {
        SqliteValues.GuidBytes(Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"))
            .ShouldBe(Convert.FromHexString("0F8FAD5BD9CB469FA16570867728950E")); // the text's digits in their order: big-endian
        foreach (var id in Enumerable.Range(0, 1_000).Select(_ => Guid.NewGuid()).Append(Guid.Empty).Append(Guid.AllBitsSet))
        {
            var bytes = SqliteValues.GuidBytes(id);
            bytes.ShouldBe(Convert.FromHexString(id.ToString("N")));
            SqliteValues.Guid(bytes).ShouldBe(id);
        }
        Should.Throw<InvalidCastException>(() => SqliteValues.Guid(new byte[15])).Message.ShouldBe("A 15-byte blob is not a GUID.");
    }
}
