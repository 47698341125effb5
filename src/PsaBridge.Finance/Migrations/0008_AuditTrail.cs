using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PsaBridge.Finance.Migrations;

/// <summary>
/// The audit trail (who did what to which record, and when), and who started each interactive run on its log header.
/// Runs logged before this migration name no one: nobody recorded it.
/// </summary>
[DbContext(typeof(FinanceDb))]
[Migration("20261207000008_AuditTrail")]
public sealed class AuditTrail : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("AuditEntries", t => new
        {
            Id = t.Column<Guid>(),
            At = t.Column<DateTime>(),
            Actor = t.Column<string>(maxLength: 256),
            Channel = t.Column<string>(maxLength: 20),
            Action = t.Column<string>(maxLength: 100),
            Entity = t.Column<string>(maxLength: 100),
            RecordId = t.Column<string>(maxLength: 200),
            Details = t.Column<string>(maxLength: 1000, nullable: true),
        }, constraints: t => t.PrimaryKey("PK_AuditEntries", x => x.Id));
        m.CreateIndex("IX_AuditEntries_At", "AuditEntries", "At");
        m.CreateIndex("IX_AuditEntries_Actor_At", "AuditEntries", ["Actor", "At"]);
        m.CreateIndex("IX_AuditEntries_Entity_RecordId", "AuditEntries", ["Entity", "RecordId"]);
        m.AddColumn<string>("StartedBy", "IntegrationLogHeaders", maxLength: 256, nullable: true);
    }

    // Plain SQL: EF refuses DropColumn on SQLite, which has had ALTER TABLE ... DROP COLUMN since 3.35.
    protected override void Down(MigrationBuilder m)
    {
        m.Sql("ALTER TABLE \"IntegrationLogHeaders\" DROP COLUMN \"StartedBy\";");
        m.DropTable("AuditEntries");
    }
}
