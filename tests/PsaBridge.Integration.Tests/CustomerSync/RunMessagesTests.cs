using Microsoft.Data.Sqlite;
using PsaBridge.Integration.CustomerSync;

namespace PsaBridge.Integration.Tests.CustomerSync;

public sealed class RunMessagesTests
{
    [Fact]
    public void A_database_error_wrapped_by_EF_is_told_in_the_database_s_own_words()
    {
        var wrapped = new InvalidOperationException("An exception has been raised that is likely due to a transient failure.",
            new SqliteException("SQLite Error 10: 'disk I/O error'.", 10));

        RunMessages.Stopped(wrapped, leaseLost: false).ShouldBe(
            "The run stopped: SQLite Error 10: 'disk I/O error'. Every page before the failure is committed; the next run goes on from there.");
    }

    [Fact]
    public void Any_other_error_is_told_as_it_is()
    {
        RunMessages.Stopped(new InvalidOperationException("Number sequence 'C' is exhausted.", new ArgumentException("inner")), false)
            .ShouldBe("The run stopped: Number sequence 'C' is exhausted. Every page before the failure is committed; the next run goes on from there.");
    }
}
