using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PsaBridge.Psa.Migrations;

/// <summary>
/// A task's own start, end, effort and progress, kept while it is a summary task so that they come back when its last
/// subtask leaves. Existing summary tasks keep what they show today as their own values.
/// </summary>
[DbContext(typeof(PsaDb))]
[Migration("20261207000011_TaskOwnValues")]
public sealed class TaskOwnValues : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.AddColumn<bool>("IsSummary", "ProjectTasks", nullable: false, defaultValue: false);
        m.AddColumn<DateOnly>("OwnScheduledStart", "ProjectTasks", nullable: true);
        m.AddColumn<DateOnly>("OwnScheduledEnd", "ProjectTasks", nullable: true);
        m.AddColumn<decimal>("OwnEffort", "ProjectTasks", precision: 19, scale: 4, nullable: true);
        m.AddColumn<decimal>("OwnProgress", "ProjectTasks", precision: 5, scale: 2, nullable: true);
        m.Sql("""
            UPDATE "ProjectTasks" SET "IsSummary" = TRUE, "OwnScheduledStart" = "ScheduledStart", "OwnScheduledEnd" = "ScheduledEnd",
                   "OwnEffort" = "Effort", "OwnProgress" = "Progress"
             WHERE EXISTS (SELECT 1 FROM "ProjectTasks" c WHERE c."ParentTaskId" = "ProjectTasks"."Id");
            """);
    }

    /// <summary>ALTER TABLE ... DROP COLUMN in SQL, which SQLite (3.35 and later) runs in place, as EF's operation cannot without the model.</summary>
    protected override void Down(MigrationBuilder m)
    {
        foreach (var column in new[] { "OwnProgress", "OwnEffort", "OwnScheduledEnd", "OwnScheduledStart", "IsSummary" })
            m.Sql($"ALTER TABLE \"ProjectTasks\" DROP COLUMN \"{column}\";");
    }
}
