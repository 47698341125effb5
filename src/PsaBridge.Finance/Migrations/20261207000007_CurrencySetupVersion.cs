using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PsaBridge.Finance.Migrations;

/// <summary>
/// Currencies join the finance setup a customer is validated against (the sync refuses a currency finance does not have),
/// so a change to them moves the setup version as the other setup tables' changes do (<see cref="SetupVersion"/>), and
/// an account that failed on its currency is tried again once finance has it.
/// </summary>
[DbContext(typeof(FinanceDb))]
[Migration("20261207000007_CurrencySetupVersion")]
public sealed class CurrencySetupVersion : Migration
{
    private const string Bump = "UPDATE \"FinanceSetupVersion\" SET \"Version\" = \"Version\" + 1 WHERE \"Id\" = 1;";

    protected override void Up(MigrationBuilder m)
    {
        if (m.IsSqlite())
            foreach (var change in new[] { "INSERT", "UPDATE", "DELETE" })
                m.Sql($"CREATE TRIGGER \"TR_Currencies_{change}_SetupVersion\" AFTER {change} ON \"Currencies\" BEGIN {Bump} END;");
        else
            m.Sql("CREATE TRIGGER \"TR_Currencies_SetupVersion\" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON \"Currencies\" " +
                  "FOR EACH STATEMENT EXECUTE FUNCTION finance_setup_changed();");
    }

    protected override void Down(MigrationBuilder m)
    {
        if (m.IsSqlite())
            foreach (var change in new[] { "INSERT", "UPDATE", "DELETE" })
                m.Sql($"DROP TRIGGER IF EXISTS \"TR_Currencies_{change}_SetupVersion\";");
        else
            m.Sql("DROP TRIGGER IF EXISTS \"TR_Currencies_SetupVersion\" ON \"Currencies\";");
    }
}
