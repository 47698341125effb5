using Microsoft.Extensions.Options;
using PsaBridge.Integration.CustomerSync;
using PsaBridge.Testing;
using Shouldly;
using Xunit;

namespace PsaBridge.Integration.Tests.CustomerSync;

/// <summary>The sync's page size: 2,000 accounts unless configured, and a configured size out of range stops the server at start.</summary>
public sealed class CustomerSyncOptionsTests
{
    [Fact]
    public async Task Unset_the_page_is_2000_accounts_and_a_configured_size_is_taken()
    {
        await using (var app = await PsaBridgeApp.StartAsync())
            app.Service<IOptions<CustomerSyncOptions>>().Value.PageSize.ShouldBe(2_000);
        await using (var app = await PsaBridgeApp.StartAsync(a => a.WithSetting("PsaBridge:CustomerSync:PageSize", "750")))
            app.Service<IOptions<CustomerSyncOptions>>().Value.PageSize.ShouldBe(750);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("50001")]
    public async Task A_page_size_out_of_range_stops_the_server_at_start_naming_the_setting(string size)
    {
        var error = await Should.ThrowAsync<OptionsValidationException>(() =>
            PsaBridgeApp.StartAsync(a => a.WithSetting("PsaBridge:CustomerSync:PageSize", size)));
        error.Message.ShouldBe("PsaBridge:CustomerSync:PageSize must be between 1 and 50,000 accounts.");
    }
}
