using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PsaBridge.Finance.Migrations;

/// <summary>
/// The sync's intents: the writes a page is about to send to a remote target, so that a run killed between the remote
/// accepting them and the page's commit is reconciled instead of writing them twice. A new table: no rows to keep.
/// </summary>
[DbContext(typeof(FinanceDb))]
[Migration("20261207000011_SyncIntents")]
public sealed class SyncIntents : Migration
{
    protected override void Up(MigrationBuilder m) =>
        m.CreateTable("SyncIntents", t => new
        {
            Job = t.Column<string>(maxLength: 50),
            PsaAccountId = t.Column<Guid>(),
            HeaderId = t.Column<Guid>(),
            Page = t.Column<int>(),
            LineNumber = t.Column<int>(),
            PsaVersion = t.Column<long>(),
            AccountName = t.Column<string>(maxLength: 200),
            AccountNumber = t.Column<string>(maxLength: 100, nullable: true),
            PlannedAccount = t.Column<string>(maxLength: 20, nullable: true),
            Action = t.Column<int>(),
            CreatedAt = t.Column<DateTime>(),
        }, constraints: t => t.PrimaryKey("PK_SyncIntents", x => new { x.Job, x.PsaAccountId }));

    protected override void Down(MigrationBuilder m) => m.DropTable("SyncIntents");
}
