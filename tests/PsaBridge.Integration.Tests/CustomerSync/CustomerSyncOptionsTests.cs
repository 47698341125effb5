using PsaBridge.Infrastructure.Storage;
using PsaBridge.Integration.CustomerSync;
using Shouldly;
using Xunit;

namespace PsaBridge.Integration.Tests.CustomerSync;

public sealed class CustomerSyncOptionsTests
{
    [Fact]
    public void Unset_the_page_size_is_the_engines_own_and_a_configured_one_wins_on_both()
    {
        var unset = new CustomerSyncOptions();
        unset.PageSize.ShouldBeNull();
        unset.PageSizeFor(DatabaseEngine.Sqlite).ShouldBe(2_000);
        unset.PageSizeFor(DatabaseEngine.PostgreSql).ShouldBe(5_000);

        var configured = new CustomerSyncOptions { PageSize = 750 };
        configured.PageSizeFor(DatabaseEngine.Sqlite).ShouldBe(750);
        configured.PageSizeFor(DatabaseEngine.PostgreSql).ShouldBe(750);
    }
}
