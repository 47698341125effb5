using Microsoft.EntityFrameworkCore;
using PsaBridge.Cli.Infrastructure;
using PsaBridge.Finance.IntegrationLog;
using PsaBridge.Integration.CustomerSync;
using PsaBridge.Integration.Log;
using PsaBridge.Testing;

namespace PsaBridge.Cli.Tests.Commands;

public class LogCommandsTests
{
    [Fact]
    public async Task Log_lists_runs_in_error_by_default_and_log_show_lists_the_lines_with_their_messages()
    {
        var databases = await TestDatabases.CreateAsync();
        await Accounts.ImportAsync(databases, Accounts.FourthCoffee, Accounts.AlpineSkiHouse, Accounts.BlueYonder);
        (await CliRun.RunAsync(databases, "sync", "customers")).ExitCode.ShouldBe(ExitCodes.CompletedWithErrors);
        Guid id;
        await using (var finance = databases.OpenFinance()) id = (await finance.IntegrationLogHeaders.SingleAsync()).Id;

        var errors = await CliRun.RunAsync(databases, "log");
        errors.ExitCode.ShouldBe(0, errors.ToString());
        var run = errors.Row(id.ToString());
        run[4].ShouldBe("Error");
        run[5..10].ShouldBe(["3", "2", "0", "0", "1"]); // read, created, updated, unchanged, failed
        errors.Output.ShouldContain("1-1 of 1 runs with status Error (page 1 of 1).");

        var completed = await CliRun.RunAsync(databases, "log", "--status", "completed");
        completed.ExitCode.ShouldBe(0, completed.ToString());
        completed.Output.Trim().ShouldBe("No runs with status Completed.");

        var show = await CliRun.RunAsync(databases, "log", "show", id.ToString());
        show.ExitCode.ShouldBe(0, show.ToString());
        show.Value("Log id").ShouldBe(id.ToString());
        show.Value("Status").ShouldBe("Error");
        show.Value("Read").ShouldBe("3");
        show.Value("Batch job id").ShouldBe("");
        show.Row("Fourth Coffee")[4..].ShouldBe(["C000001", "Completed", "Created", "Customer C000001 created."]);
        show.Row("Alpine Ski House")[3..].ShouldBe(["ALPINE", "ALPINE", "Completed", "Created", "Customer ALPINE created."]);
        show.Row("Blue Yonder Airlines")[5..].ShouldBe(["Error", "None", Accounts.BlueYonderError]);
        show.Output.ShouldContain("1-3 of 3 lines (page 1 of 1).");

        var onlyErrors = await CliRun.RunAsync(databases, "log", "show", id.ToString(), "--status", "Error");
        onlyErrors.Row("Blue Yonder Airlines")[0].ShouldBe("3");
        onlyErrors.Output.ShouldNotContain("Fourth Coffee");
        onlyErrors.Output.ShouldContain("1-1 of 1 lines (page 1 of 1).");
    }

    [Fact]
    public async Task A_run_no_longer_alive_reads_Interrupted_in_the_default_log_and_in_log_show()
    {
        var databases = await TestDatabases.CreateAsync();
        // A header left Running by a run whose process died: no lease names it.
        var dead = new IntegrationLogHeader { JobDescription = SynchronizeCustomers.Description, ExecutionDate = DateTime.UtcNow, Status = IntegrationStatus.Running };
        await using (var finance = databases.OpenFinance())
        {
            finance.IntegrationLogHeaders.Add(dead);
            await finance.SaveChangesAsync();
        }

        var errors = await CliRun.RunAsync(databases, "log");
        errors.ExitCode.ShouldBe(0, errors.ToString());
        errors.Row(dead.Id.ToString())[4].ShouldBe("Interrupted");
        errors.Output.ShouldContain("1-1 of 1 runs with status Error (page 1 of 1).");

        var show = await CliRun.RunAsync(databases, "log", "show", dead.Id.ToString());
        show.ExitCode.ShouldBe(0, show.ToString());
        show.Value("Status").ShouldBe("Interrupted");
        show.Output.ShouldContain(RunLog.InterruptedPrefix + " the run stopped before it finished.");
    }

    [Fact]
    public async Task Log_show_of_an_unknown_id_is_not_found_and_of_a_malformed_id_a_usage_error()
    {
        var databases = await TestDatabases.CreateAsync();
        var unknown = Guid.NewGuid();

        var notFound = await CliRun.RunAsync(databases, "log", "show", unknown.ToString());
        notFound.ExitCode.ShouldBe(ExitCodes.Failed);
        notFound.ErrorLines.ShouldBe([$"error: Integration log '{unknown}' was not found."]);

        var malformed = await CliRun.RunAsync(databases, "log", "show", "yesterday");
        malformed.ExitCode.ShouldBe(ExitCodes.Usage);
        malformed.ErrorLines[0].ShouldBe("error: ID 'yesterday' is not a GUID (such as 0195f4c2-7d1e-7a6b-9c3d-2e4f5a6b7c8d).");
        malformed.ErrorLines[^1].ShouldBe("Run 'psabridge log show --help' for usage.");

        var badStatus = await CliRun.RunAsync(databases, "log", "--status", "Broken");
        badStatus.ExitCode.ShouldBe(ExitCodes.Usage);
        badStatus.Error.ShouldContain("'Broken'");
    }
}
