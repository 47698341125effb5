using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PsaBridge.Finance.Migrations;

/// <summary>The PSA integration log (header and lines), the sync watermark, retryable failures and job leases.</summary>
[DbContext(typeof(FinanceDb))]
[Migration("20261122000002_IntegrationLog")]
public sealed class IntegrationLog : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("IntegrationLogHeaders", t => new
        {
            Id = t.Column<Guid>(),
            BatchJobId = t.Column<string>(maxLength: 100, nullable: true),
            JobDescription = t.Column<string>(maxLength: 200),
            ExecutionDate = t.Column<DateTime>(),
            FinishedAt = t.Column<DateTime>(nullable: true),
            Status = t.Column<int>(),
            DryRun = t.Column<bool>(),
            ReadCount = t.Column<int>(),
            CreatedCount = t.Column<int>(),
            UpdatedCount = t.Column<int>(),
            UnchangedCount = t.Column<int>(),
            FailedCount = t.Column<int>(),
            ZipCodesCreatedCount = t.Column<int>(),
            DurationMs = t.Column<long>(),
            Message = t.Column<string>(maxLength: 2000, nullable: true),
        }, constraints: t => t.PrimaryKey("PK_IntegrationLogHeaders", x => x.Id));
        m.CreateIndex("IX_IntegrationLogHeaders_Status_ExecutionDate", "IntegrationLogHeaders", ["Status", "ExecutionDate"]);
        m.CreateIndex("IX_IntegrationLogHeaders_ExecutionDate", "IntegrationLogHeaders", "ExecutionDate");

        m.CreateTable("IntegrationLogLines", t => new
        {
            HeaderId = t.Column<Guid>(),
            LineNumber = t.Column<int>(),
            PsaAccountId = t.Column<Guid>(),
            PsaVersion = t.Column<long>(),
            AccountName = t.Column<string>(maxLength: 200),
            AccountNumber = t.Column<string>(maxLength: 100, nullable: true),
            CustomerAccount = t.Column<string>(maxLength: 20, nullable: true),
            Status = t.Column<int>(),
            Action = t.Column<int>(),
            ZipCodeCreated = t.Column<bool>(),
            Messages = t.Column<string>(),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_IntegrationLogLines", x => new { x.HeaderId, x.LineNumber });
            t.ForeignKey("FK_IntegrationLogLines_IntegrationLogHeaders_HeaderId", x => x.HeaderId, "IntegrationLogHeaders", "Id",
                onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_IntegrationLogLines_PsaAccountId", "IntegrationLogLines", "PsaAccountId");
        m.CreateIndex("IX_IntegrationLogLines_CustomerAccount", "IntegrationLogLines", "CustomerAccount");

        m.CreateTable("SyncWatermarks", t => new
        {
            Job = t.Column<string>(maxLength: 50),
            LastVersion = t.Column<long>(),
            UpdatedAt = t.Column<DateTime>(),
        }, constraints: t => t.PrimaryKey("PK_SyncWatermarks", x => x.Job));

        m.CreateTable("SyncFailures", t => new
        {
            Job = t.Column<string>(maxLength: 50),
            PsaAccountId = t.Column<Guid>(),
            PsaVersion = t.Column<long>(),
            Attempts = t.Column<int>(),
            FirstFailedAt = t.Column<DateTime>(),
            LastFailedAt = t.Column<DateTime>(),
            LastMessages = t.Column<string>(),
        }, constraints: t => t.PrimaryKey("PK_SyncFailures", x => new { x.Job, x.PsaAccountId }));

        m.CreateTable("JobLeases", t => new
        {
            Job = t.Column<string>(maxLength: 50),
            Owner = t.Column<string>(maxLength: 200, nullable: true),
            AcquiredAt = t.Column<DateTime>(nullable: true),
            ExpiresAt = t.Column<DateTime>(nullable: true),
            HeaderId = t.Column<Guid>(nullable: true),
        }, constraints: t => t.PrimaryKey("PK_JobLeases", x => x.Job));

        m.CreateTable("BatchJobSchedules", t => new
        {
            Job = t.Column<string>(maxLength: 50),
            Enabled = t.Column<bool>(),
            IntervalMinutes = t.Column<int>(),
            ModifiedAt = t.Column<DateTime>(),
        }, constraints: t => t.PrimaryKey("PK_BatchJobSchedules", x => x.Job));
    }
}
