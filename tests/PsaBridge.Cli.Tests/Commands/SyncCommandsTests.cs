using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PsaBridge.Cli.Infrastructure;
using PsaBridge.Integration.CustomerSync;
using PsaBridge.Integration.Scheduling;
using PsaBridge.Testing;

namespace PsaBridge.Cli.Tests.Commands;

public class SyncCommandsTests
{
    [Fact]
    public async Task A_dry_run_writes_nothing_and_lists_the_accounts_in_error()
    {
        var databases = await TestDatabases.CreateAsync();
        await Accounts.ImportAsync(databases, Accounts.FourthCoffee, Accounts.AlpineSkiHouse, Accounts.BlueYonder);

        var result = await CliRun.RunAsync(databases, "sync", "customers", "--dry-run");

        result.ExitCode.ShouldBe(ExitCodes.CompletedWithErrors, result.ToString());
        result.Output.ShouldContain("Dry run: nothing was written");
        result.Value("Read").ShouldBe("3");
        result.Value("Created").ShouldBe("2");
        result.Value("Updated").ShouldBe("0");
        result.Value("Failed").ShouldBe("1");
        result.Value("Status").ShouldBe("Error");
        result.Value("Log id").ShouldBe("none (a dry run writes no log)");
        result.Output.ShouldContain("Accounts in error (1): a real run would not synchronize them.");
        var line = result.Row("Blue Yonder Airlines");
        line[0].ShouldBe("3");
        line[^1].ShouldBe(Accounts.BlueYonderError);

        await using var finance = databases.OpenFinance();
        (await finance.Customers.CountAsync()).ShouldBe(0);
        (await finance.IntegrationLogHeaders.CountAsync()).ShouldBe(0);
        (await finance.IntegrationLogLines.CountAsync()).ShouldBe(0);
        (await finance.SyncWatermarks.CountAsync()).ShouldBe(0);
        (await finance.SyncFailures.CountAsync()).ShouldBe(0);
        (await finance.NumberSequences.SingleAsync(s => s.Code == "CUST")).Next.ShouldBe(1);
    }

    [Fact]
    public async Task A_run_creates_the_customers_and_a_log_header_with_the_counts()
    {
        var databases = await TestDatabases.CreateAsync();
        await Accounts.ImportAsync(databases, Accounts.FourthCoffee, Accounts.AlpineSkiHouse, Accounts.BlueYonder);

        var result = await CliRun.RunAsync(databases, "sync", "customers");

        result.ExitCode.ShouldBe(ExitCodes.CompletedWithErrors, result.ToString());
        await using var finance = databases.OpenFinance();
        var header = await finance.IntegrationLogHeaders.SingleAsync();
        result.Output.ShouldContain(SynchronizeCustomers.Description);
        result.Value("Read").ShouldBe("3");
        result.Value("Created").ShouldBe("2");
        result.Value("Unchanged").ShouldBe("0");
        result.Value("Failed").ShouldBe("1");
        result.Value("Zip codes created").ShouldBe("0");
        result.Value("Status").ShouldBe("Error");
        result.Value("Log id").ShouldBe(header.Id.ToString());
        (result.Value("Source"), result.Value("Target")).ShouldBe(("PSA database (embedded)", "Finance database (embedded)"));
        result.Row("Blue Yonder Airlines")[^1].ShouldBe(Accounts.BlueYonderError);

        var customers = await finance.Customers.OrderBy(c => c.CustomerAccount).ToListAsync();
        customers.Select(c => (c.CustomerAccount, c.Name)).ShouldBe([("ALPINE", "Alpine Ski House"), ("C000001", "Fourth Coffee")]);
        header.CreatedCount.ShouldBe(2);
        header.FailedCount.ShouldBe(1);
        (await finance.IntegrationLogLines.CountAsync(l => l.HeaderId == header.Id)).ShouldBe(3);

        // Nothing changed since, in PSA or in the finance setup: the failed account would fail the same
        // way, so it waits (the run says so), and nothing is created twice.
        var second = await CliRun.RunAsync(databases, "sync", "customers");
        second.Value("Read").ShouldBe("0");
        second.Value("Created").ShouldBe("0");
        second.Value("Failed").ShouldBe("0");
        second.Output.ShouldContain("1 account whose last attempt failed was not tried again");
        (await finance.Customers.CountAsync()).ShouldBe(2);
    }

    [Fact]
    public async Task A_run_where_every_account_goes_through_completes_and_exits_0()
    {
        var databases = await TestDatabases.CreateAsync();
        await Accounts.ImportAsync(databases, Accounts.FourthCoffee);

        var result = await CliRun.RunAsync(databases, "sync", "customers");

        result.ExitCode.ShouldBe(ExitCodes.Ok, result.ToString());
        result.Value("Created").ShouldBe("1");
        result.Value("Status").ShouldBe("Completed");
        result.Output.ShouldNotContain("Accounts in error");

        var full = await CliRun.RunAsync(databases, "sync", "customers", "--full");
        full.ExitCode.ShouldBe(ExitCodes.Ok, full.ToString());
        full.Value("Read").ShouldBe("1");
        full.Value("Unchanged").ShouldBe("1");
    }

    [Fact]
    public async Task At_a_terminal_a_run_shows_a_progress_bar_that_ends_full()
    {
        var databases = await TestDatabases.CreateAsync();
        await Accounts.ImportAsync(databases, Accounts.FourthCoffee, Accounts.AlpineSkiHouse);

        var result = await CliRun.RunInTerminalAsync(databases, "sync", "customers");

        result.ExitCode.ShouldBe(ExitCodes.Ok, result.ToString());
        result.Output.ShouldContain("Synchronizing customers");
        result.Output.ShouldContain("100%");
        result.Value("Created").ShouldBe("2");
    }

    [Fact]
    public async Task A_run_while_another_holds_the_job_is_refused_with_a_clear_message()
    {
        var databases = await TestDatabases.CreateAsync();
        await Accounts.ImportAsync(databases, Accounts.FourthCoffee);
        await using var services = CliRun.Services(databases);
        var leases = services.GetRequiredService<JobLeases>();
        var other = Guid.NewGuid();
        var owner = await leases.AcquireAsync(SynchronizeCustomers.Job, SynchronizeCustomers.Description, other, CancellationToken.None);

        var refused = await CliRun.RunAsync(databases, "sync", "customers");

        refused.ExitCode.ShouldBe(ExitCodes.Failed, refused.ToString());
        var message = refused.ErrorLines.ShouldHaveSingleItem();
        message.ShouldStartWith($"error: '{SynchronizeCustomers.Description}' is already running");
        message.ShouldContain($"log {other}");
        await using (var finance = databases.OpenFinance())
        {
            (await finance.Customers.CountAsync()).ShouldBe(0);
            (await finance.IntegrationLogHeaders.CountAsync()).ShouldBe(0);
        }

        await leases.ReleaseAsync(SynchronizeCustomers.Job, owner);
        var afterwards = await CliRun.RunAsync(databases, "sync", "customers");
        afterwards.ExitCode.ShouldBe(ExitCodes.Ok, afterwards.ToString());
        afterwards.Value("Created").ShouldBe("1");
    }
}
