using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PsaBridge.Finance.Migrations;

/// <summary>
/// The watermark's position for a source read by change tracking (Dataverse's delta link), beside the version number.
/// A nullable column: existing watermarks keep their version and read by change tracking from a full read.
/// </summary>
[DbContext(typeof(FinanceDb))]
[Migration("20261207000012_WatermarkPosition")]
public sealed class WatermarkPosition : Migration
{
    protected override void Up(MigrationBuilder m) =>
        m.AddColumn<string>("Position", "SyncWatermarks", nullable: true);

    // Plain SQL, as LogRunKind's: EF refuses DropColumn on SQLite.
    protected override void Down(MigrationBuilder m) => m.Sql("ALTER TABLE \"SyncWatermarks\" DROP COLUMN \"Position\";");
}
