using Microsoft.EntityFrameworkCore;
using PsaBridge.Infrastructure.Storage;
using PsaBridge.Testing;

namespace PsaBridge.Cli.Tests.Commands;

public class DbCommandsTests
{
    [Fact]
    public async Task Upgrade_creates_both_schemas_on_empty_databases_and_status_then_reports_them_up_to_date()
    {
        var databases = await TestDatabases.CreateEmptyAsync();
        IReadOnlyList<string> psaMigrations, financeMigrations;
        await using (var psa = databases.OpenPsa()) psaMigrations = SchemaMigrator.Known(psa);
        await using (var finance = databases.OpenFinance()) financeMigrations = SchemaMigrator.Known(finance);
        financeMigrations.Count.ShouldBeGreaterThan(1);

        var before = await CliRun.RunAsync(databases, "db", "status");
        before.ExitCode.ShouldBe(0, before.ToString());
        before.Row("PSA").ShouldContain("empty: no schema yet");
        before.Lines("PSA", 3).ShouldBe(psaMigrations);
        before.Output.ShouldContain("Run 'psabridge db upgrade' to apply the pending migrations.");

        var upgrade = await CliRun.RunAsync(databases, "db", "upgrade");
        upgrade.ExitCode.ShouldBe(0, upgrade.ToString());
        upgrade.Lines("PSA", 2).ShouldBe(psaMigrations);
        upgrade.Row("PSA")[3].ShouldBe(psaMigrations[^1]);
        upgrade.Lines("Finance", 2).ShouldBe(financeMigrations);
        upgrade.Row("Finance")[3].ShouldBe(financeMigrations[^1]);
        await using (var finance = databases.OpenFinance())
        {
            upgrade.Row("Countries/regions")[2].ShouldBe((await finance.Countries.CountAsync()).ToString());
            upgrade.Row("States")[2].ShouldBe((await finance.States.CountAsync()).ToString());
            upgrade.Row("Zip codes")[2].ShouldBe((await finance.ZipCodes.CountAsync()).ToString());
            (await finance.Countries.CountAsync()).ShouldBeGreaterThan(240);
        }
        upgrade.Row("Payment terms")[2].ShouldBe("5");
        upgrade.Row("Customer groups")[2].ShouldBe("3");
        upgrade.Row("Number sequences")[2].ShouldBe("1");
        upgrade.Row("Accounts")[2].ShouldBe("0");

        var again = await CliRun.RunAsync(databases, "db", "upgrade");
        again.ExitCode.ShouldBe(0, again.ToString());
        again.Row("PSA")[2].ShouldBe("nothing: already up to date");
        again.Row("Finance")[2].ShouldBe("nothing: already up to date");
        again.Row("Payment terms")[2].ShouldBe("5");

        var after = await CliRun.RunAsync(databases, "db", "status");
        after.ExitCode.ShouldBe(0, after.ToString());
        after.Row("PSA")[^1].ShouldBe("up to date");
        after.Row("PSA")[3].ShouldBe("none");
        after.Row("Finance")[^1].ShouldBe("up to date");
        after.Row("Customers")[2].ShouldBe("0");
    }

    [Fact]
    public async Task A_command_on_a_database_without_schema_says_to_run_db_upgrade()
    {
        var databases = await TestDatabases.CreateEmptyAsync();

        var result = await CliRun.RunAsync(databases, "customers", "list");

        result.ExitCode.ShouldBe(1);
        result.ErrorLines.ShouldContain("The database has no schema, or an older one: run 'psabridge db upgrade' first.");
    }
}
