using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PsaBridge.Finance.Migrations;

/// <summary>
/// A counter that every change to the finance setup a customer is validated against moves: countries,
/// states, cities, zip codes typed in finance (not those the sync creates), payment terms and customer
/// groups. Database triggers move it, so every path counts: the API, imports and hand-made SQL.
/// A failed sync attempt records the counter it saw; the account is retried once the counter (or the
/// account) has moved, because only then can the outcome differ.
/// </summary>
[DbContext(typeof(FinanceDb))]
[Migration("20261122000003_SetupVersion")]
public sealed class SetupVersion : Migration
{
    internal static readonly string[] SetupTables = ["Countries", "States", "Cities", "PaymentTerms", "CustomerGroups"];

    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("FinanceSetupVersion", t => new
        {
            Id = t.Column<int>(),
            Version = t.Column<long>(),
        }, constraints: t => t.PrimaryKey("PK_FinanceSetupVersion", x => x.Id));
        m.Sql("INSERT INTO \"FinanceSetupVersion\" (\"Id\", \"Version\") VALUES (1, 1);");
        m.AddColumn<long>("SetupVersion", "SyncFailures", nullable: false, defaultValue: 0L);

        const string bump = "UPDATE \"FinanceSetupVersion\" SET \"Version\" = \"Version\" + 1 WHERE \"Id\" = 1;";
        if (m.IsSqlite())
        {
            foreach (var table in SetupTables)
                foreach (var change in new[] { "INSERT", "UPDATE", "DELETE" })
                    m.Sql($"CREATE TRIGGER \"TR_{table}_{change}_SetupVersion\" AFTER {change} ON \"{table}\" BEGIN {bump} END;");
            m.Sql($"CREATE TRIGGER \"TR_ZipCodes_INSERT_SetupVersion\" AFTER INSERT ON \"ZipCodes\" WHEN NEW.\"CreatedBySyncAt\" IS NULL BEGIN {bump} END;");
            m.Sql($"CREATE TRIGGER \"TR_ZipCodes_UPDATE_SetupVersion\" AFTER UPDATE ON \"ZipCodes\" BEGIN {bump} END;");
            m.Sql($"CREATE TRIGGER \"TR_ZipCodes_DELETE_SetupVersion\" AFTER DELETE ON \"ZipCodes\" BEGIN {bump} END;");
        }
        else
        {
            // Statement-level: a bulk import moves the counter once, not once a row.
            m.Sql($"CREATE FUNCTION finance_setup_changed() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN {bump} RETURN NULL; END $$;");
            m.Sql("CREATE FUNCTION finance_zip_codes_added() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN " +
                  $"IF EXISTS (SELECT 1 FROM added WHERE \"CreatedBySyncAt\" IS NULL) THEN {bump} END IF; RETURN NULL; END $$;");
            foreach (var table in SetupTables)
                m.Sql($"CREATE TRIGGER \"TR_{table}_SetupVersion\" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON \"{table}\" " +
                      "FOR EACH STATEMENT EXECUTE FUNCTION finance_setup_changed();");
            m.Sql("CREATE TRIGGER \"TR_ZipCodes_INSERT_SetupVersion\" AFTER INSERT ON \"ZipCodes\" REFERENCING NEW TABLE AS added " +
                  "FOR EACH STATEMENT EXECUTE FUNCTION finance_zip_codes_added();");
            m.Sql("CREATE TRIGGER \"TR_ZipCodes_CHANGE_SetupVersion\" AFTER UPDATE OR DELETE OR TRUNCATE ON \"ZipCodes\" " +
                  "FOR EACH STATEMENT EXECUTE FUNCTION finance_setup_changed();");
        }
    }

    protected override void Down(MigrationBuilder m)
    {
        if (m.IsSqlite())
        {
            foreach (var table in SetupTables.Append("ZipCodes"))
                foreach (var change in new[] { "INSERT", "UPDATE", "DELETE" })
                    m.Sql($"DROP TRIGGER IF EXISTS \"TR_{table}_{change}_SetupVersion\";");
        }
        else
        {
            foreach (var table in SetupTables) m.Sql($"DROP TRIGGER IF EXISTS \"TR_{table}_SetupVersion\" ON \"{table}\";");
            m.Sql("DROP TRIGGER IF EXISTS \"TR_ZipCodes_INSERT_SetupVersion\" ON \"ZipCodes\";");
            m.Sql("DROP TRIGGER IF EXISTS \"TR_ZipCodes_CHANGE_SetupVersion\" ON \"ZipCodes\";");
            m.Sql("DROP FUNCTION IF EXISTS finance_setup_changed();");
            m.Sql("DROP FUNCTION IF EXISTS finance_zip_codes_added();");
        }
        m.DropColumn("SetupVersion", "SyncFailures");
        m.DropTable("FinanceSetupVersion");
    }
}
