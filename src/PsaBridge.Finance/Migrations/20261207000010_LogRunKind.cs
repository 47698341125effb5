using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PsaBridge.Finance.Migrations;

/// <summary>
/// Whether a run was full (every account re-read) or incremental, so the log can say so. Runs logged before this
/// migration are marked incremental: the log did not record it, and the schedule's runs, the most of them, were.
/// </summary>
[DbContext(typeof(FinanceDb))]
[Migration("20261207000010_LogRunKind")]
public sealed class LogRunKind : Migration
{
    protected override void Up(MigrationBuilder m) =>
        m.AddColumn<bool>("Full", "IntegrationLogHeaders", nullable: false, defaultValue: false);

    // Plain SQL: EF refuses DropColumn on SQLite, which has had ALTER TABLE ... DROP COLUMN since 3.35.
    protected override void Down(MigrationBuilder m) => m.Sql("ALTER TABLE \"IntegrationLogHeaders\" DROP COLUMN \"Full\";");
}
