using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PsaBridge.Psa.Migrations;

/// <summary>
/// Project planning and resourcing: the task tree (parent task, progress, planned cost and sales), generic team members
/// (a member without a resource) with their booked hours, resource assignments, estimates, characteristics and rating
/// models, the roles of each resource (filled from every resource's default role), work hours and days off, resource
/// requirements and bookings. Existing rows are kept.
/// </summary>
[DbContext(typeof(PsaDb))]
[Migration("20261207000006_Planning")]
public sealed class Planning : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        ExtendTasks(m);
        ExtendTeamMembers(m);
        Skills(m);
        Calendars(m);
        Assignments(m);
        Estimates(m);
        Requirements(m);
        Bookings(m);
    }

    protected override void Down(MigrationBuilder m)
    {
        foreach (var table in new[]
                 {
                     "Bookings", "BookingHeaders", "RequirementCharacteristics", "ResourceRequirements", "EstimateLines", "Estimates", "ResourceAssignments",
                     "DaysOff", "WorkHours", "ResourceRoles", "ResourceCharacteristics", "Characteristics", "RatingValues", "RatingModels",
                 })
            m.DropTable(table);
        m.Sql("DELETE FROM \"ProjectTeamMembers\" WHERE \"ResourceId\" IS NULL;");
        if (!m.IsSqlite())
        {
            foreach (var column in new[] { "From", "To", "Hours", "HardBookedHours", "SoftBookedHours" }) m.DropColumn(column, "ProjectTeamMembers");
            m.AlterColumn<Guid>("ResourceId", "ProjectTeamMembers", nullable: false, oldClrType: typeof(Guid), oldNullable: true);
            m.DropForeignKey("FK_ProjectTasks_ProjectTasks_ParentTaskId", "ProjectTasks");
            m.DropIndex("IX_ProjectTasks_ParentTaskId", "ProjectTasks");
            foreach (var column in new[] { "ParentTaskId", "Progress", "PlannedCost", "PlannedSales" }) m.DropColumn(column, "ProjectTasks");
            return;
        }
        // SQLite drops a column that is in a foreign key only by building the table anew, and time entries refer to the tasks: the keys are
        // checked again once the tables are back (SQLite's own procedure for changing a table, which EF follows for its rebuilds too).
        m.Sql("PRAGMA foreign_keys = 0;", suppressTransaction: true);
        m.Sql("""
            CREATE TABLE "ProjectTasks_old" (
                "Id" TEXT NOT NULL CONSTRAINT "PK_ProjectTasks" PRIMARY KEY, "ProjectId" TEXT NOT NULL, "Name" TEXT NOT NULL, "WbsId" TEXT NULL,
                "ScheduledStart" TEXT NULL, "ScheduledEnd" TEXT NULL, "Effort" TEXT NULL,
                CONSTRAINT "FK_ProjectTasks_Projects_ProjectId" FOREIGN KEY ("ProjectId") REFERENCES "Projects" ("Id") ON DELETE CASCADE);
            INSERT INTO "ProjectTasks_old" SELECT "Id", "ProjectId", "Name", "WbsId", "ScheduledStart", "ScheduledEnd", "Effort" FROM "ProjectTasks";
            DROP TABLE "ProjectTasks";
            ALTER TABLE "ProjectTasks_old" RENAME TO "ProjectTasks";
            CREATE INDEX "IX_ProjectTasks_ProjectId" ON "ProjectTasks" ("ProjectId");
            CREATE TABLE "ProjectTeamMembers_old" (
                "Id" TEXT NOT NULL CONSTRAINT "PK_ProjectTeamMembers" PRIMARY KEY, "ProjectId" TEXT NOT NULL, "ResourceId" TEXT NOT NULL, "RoleId" TEXT NOT NULL,
                "OrganizationalUnitId" TEXT NOT NULL, "BillingType" INTEGER NULL,
                CONSTRAINT "FK_ProjectTeamMembers_Projects_ProjectId" FOREIGN KEY ("ProjectId") REFERENCES "Projects" ("Id") ON DELETE CASCADE,
                CONSTRAINT "FK_ProjectTeamMembers_BookableResources_ResourceId" FOREIGN KEY ("ResourceId") REFERENCES "BookableResources" ("Id") ON DELETE RESTRICT,
                CONSTRAINT "FK_ProjectTeamMembers_Roles_RoleId" FOREIGN KEY ("RoleId") REFERENCES "Roles" ("Id") ON DELETE RESTRICT,
                CONSTRAINT "FK_ProjectTeamMembers_OrganizationalUnits_OrganizationalUnitId" FOREIGN KEY ("OrganizationalUnitId") REFERENCES "OrganizationalUnits" ("Id") ON DELETE RESTRICT);
            INSERT INTO "ProjectTeamMembers_old" SELECT "Id", "ProjectId", "ResourceId", "RoleId", "OrganizationalUnitId", "BillingType" FROM "ProjectTeamMembers";
            DROP TABLE "ProjectTeamMembers";
            ALTER TABLE "ProjectTeamMembers_old" RENAME TO "ProjectTeamMembers";
            CREATE INDEX "IX_ProjectTeamMembers_ProjectId" ON "ProjectTeamMembers" ("ProjectId");
            CREATE INDEX "IX_ProjectTeamMembers_ResourceId" ON "ProjectTeamMembers" ("ResourceId");
            CREATE INDEX "IX_ProjectTeamMembers_RoleId" ON "ProjectTeamMembers" ("RoleId");
            CREATE INDEX "IX_ProjectTeamMembers_OrganizationalUnitId" ON "ProjectTeamMembers" ("OrganizationalUnitId");
            """);
        m.Sql("PRAGMA foreign_keys = 1;", suppressTransaction: true);
    }

    private static void ExtendTasks(MigrationBuilder m)
    {
        // SQLite adds a column with a foreign key only through its own ALTER TABLE; EF would rebuild the table, which time entries refer to.
        if (m.IsSqlite())
            m.Sql("ALTER TABLE \"ProjectTasks\" ADD COLUMN \"ParentTaskId\" TEXT NULL REFERENCES \"ProjectTasks\" (\"Id\") ON DELETE RESTRICT;");
        else
        {
            m.AddColumn<Guid>("ParentTaskId", "ProjectTasks", nullable: true);
            m.AddForeignKey("FK_ProjectTasks_ProjectTasks_ParentTaskId", "ProjectTasks", "ParentTaskId", "ProjectTasks", principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }
        m.CreateIndex("IX_ProjectTasks_ParentTaskId", "ProjectTasks", "ParentTaskId");
        m.AddColumn<decimal>("Progress", "ProjectTasks", precision: 5, scale: 2, defaultValue: 0m);
        m.AddColumn<decimal>("PlannedCost", "ProjectTasks", precision: 19, scale: 4, defaultValue: 0m);
        m.AddColumn<decimal>("PlannedSales", "ProjectTasks", precision: 19, scale: 4, defaultValue: 0m);
    }

    /// <summary>A generic member has no resource: the column becomes nullable, which SQLite does by building the table anew (nothing refers to it yet).</summary>
    private static void ExtendTeamMembers(MigrationBuilder m)
    {
        if (!m.IsSqlite())
        {
            m.AlterColumn<Guid>("ResourceId", "ProjectTeamMembers", nullable: true, oldClrType: typeof(Guid));
            m.AddColumn<DateOnly>("From", "ProjectTeamMembers", nullable: true);
            m.AddColumn<DateOnly>("To", "ProjectTeamMembers", nullable: true);
            m.AddColumn<decimal>("Hours", "ProjectTeamMembers", precision: 19, scale: 4, nullable: true);
            m.AddColumn<decimal>("HardBookedHours", "ProjectTeamMembers", precision: 19, scale: 4, defaultValue: 0m);
            m.AddColumn<decimal>("SoftBookedHours", "ProjectTeamMembers", precision: 19, scale: 4, defaultValue: 0m);
            return;
        }
        m.CreateTable("ProjectTeamMembers_new", t => new
        {
            Id = t.Column<Guid>(),
            ProjectId = t.Column<Guid>(),
            ResourceId = t.Column<Guid>(nullable: true),
            RoleId = t.Column<Guid>(),
            OrganizationalUnitId = t.Column<Guid>(),
            BillingType = t.Column<int>(nullable: true),
            From = t.Column<DateOnly>(nullable: true),
            To = t.Column<DateOnly>(nullable: true),
            Hours = t.Column<decimal>(precision: 19, scale: 4, nullable: true),
            HardBookedHours = t.Column<decimal>(precision: 19, scale: 4),
            SoftBookedHours = t.Column<decimal>(precision: 19, scale: 4),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_ProjectTeamMembers", x => x.Id);
            t.ForeignKey("FK_ProjectTeamMembers_Projects_ProjectId", x => x.ProjectId, "Projects", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_ProjectTeamMembers_BookableResources_ResourceId", x => x.ResourceId, "BookableResources", "Id", onDelete: ReferentialAction.Restrict);
            t.ForeignKey("FK_ProjectTeamMembers_Roles_RoleId", x => x.RoleId, "Roles", "Id", onDelete: ReferentialAction.Restrict);
            t.ForeignKey("FK_ProjectTeamMembers_OrganizationalUnits_OrganizationalUnitId", x => x.OrganizationalUnitId, "OrganizationalUnits", "Id",
                onDelete: ReferentialAction.Restrict);
        });
        m.Sql("""
            INSERT INTO "ProjectTeamMembers_new" ("Id", "ProjectId", "ResourceId", "RoleId", "OrganizationalUnitId", "BillingType", "HardBookedHours", "SoftBookedHours")
            SELECT "Id", "ProjectId", "ResourceId", "RoleId", "OrganizationalUnitId", "BillingType", '0.0', '0.0' FROM "ProjectTeamMembers";
            """);
        m.DropTable("ProjectTeamMembers");
        m.RenameTable("ProjectTeamMembers_new", newName: "ProjectTeamMembers");
        m.CreateIndex("IX_ProjectTeamMembers_ProjectId", "ProjectTeamMembers", "ProjectId");
        m.CreateIndex("IX_ProjectTeamMembers_ResourceId", "ProjectTeamMembers", "ResourceId");
        m.CreateIndex("IX_ProjectTeamMembers_RoleId", "ProjectTeamMembers", "RoleId");
        m.CreateIndex("IX_ProjectTeamMembers_OrganizationalUnitId", "ProjectTeamMembers", "OrganizationalUnitId");
    }

    private static void Skills(MigrationBuilder m)
    {
        m.CreateTable("RatingModels", t => new
        {
            Id = t.Column<Guid>(),
            Name = t.Column<string>(maxLength: 100),
            MinRatingValue = t.Column<int>(),
            MaxRatingValue = t.Column<int>(),
            CreatedOn = t.Column<DateTime>(),
        }, constraints: t => t.PrimaryKey("PK_RatingModels", x => x.Id));

        m.CreateTable("RatingValues", t => new
        {
            Id = t.Column<Guid>(),
            RatingModelId = t.Column<Guid>(),
            Name = t.Column<string>(maxLength: 100),
            Value = t.Column<int>(),
            IsDefault = t.Column<bool>(),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_RatingValues", x => x.Id);
            t.ForeignKey("FK_RatingValues_RatingModels_RatingModelId", x => x.RatingModelId, "RatingModels", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_RatingValues_RatingModelId_Value", "RatingValues", ["RatingModelId", "Value"], unique: true);

        m.CreateTable("Characteristics", t => new
        {
            Id = t.Column<Guid>(),
            Name = t.Column<string>(maxLength: 100),
            CharacteristicType = t.Column<int>(),
            RatingModelId = t.Column<Guid>(nullable: true),
            CreatedOn = t.Column<DateTime>(),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_Characteristics", x => x.Id);
            t.ForeignKey("FK_Characteristics_RatingModels_RatingModelId", x => x.RatingModelId, "RatingModels", "Id", onDelete: ReferentialAction.Restrict);
        });
        m.CreateIndex("IX_Characteristics_Name", "Characteristics", "Name");
        m.CreateIndex("IX_Characteristics_RatingModelId", "Characteristics", "RatingModelId");

        m.CreateTable("ResourceCharacteristics", t => new
        {
            Id = t.Column<Guid>(),
            ResourceId = t.Column<Guid>(),
            CharacteristicId = t.Column<Guid>(),
            RatingValueId = t.Column<Guid>(nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_ResourceCharacteristics", x => x.Id);
            t.ForeignKey("FK_ResourceCharacteristics_BookableResources_ResourceId", x => x.ResourceId, "BookableResources", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_ResourceCharacteristics_Characteristics_CharacteristicId", x => x.CharacteristicId, "Characteristics", "Id",
                onDelete: ReferentialAction.Restrict);
            t.ForeignKey("FK_ResourceCharacteristics_RatingValues_RatingValueId", x => x.RatingValueId, "RatingValues", "Id", onDelete: ReferentialAction.Restrict);
        });
        m.CreateIndex("IX_ResourceCharacteristics_ResourceId_CharacteristicId", "ResourceCharacteristics", ["ResourceId", "CharacteristicId"], unique: true);
        m.CreateIndex("IX_ResourceCharacteristics_CharacteristicId", "ResourceCharacteristics", "CharacteristicId");
        m.CreateIndex("IX_ResourceCharacteristics_RatingValueId", "ResourceCharacteristics", "RatingValueId");

        m.CreateTable("ResourceRoles", t => new
        {
            Id = t.Column<Guid>(),
            ResourceId = t.Column<Guid>(),
            RoleId = t.Column<Guid>(),
            IsDefault = t.Column<bool>(),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_ResourceRoles", x => x.Id);
            t.ForeignKey("FK_ResourceRoles_BookableResources_ResourceId", x => x.ResourceId, "BookableResources", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_ResourceRoles_Roles_RoleId", x => x.RoleId, "Roles", "Id", onDelete: ReferentialAction.Restrict);
        });
        m.CreateIndex("IX_ResourceRoles_ResourceId_RoleId", "ResourceRoles", ["ResourceId", "RoleId"], unique: true);
        m.CreateIndex("IX_ResourceRoles_RoleId", "ResourceRoles", "RoleId");
        // Each resource's default role becomes its one role; a resource has one default, so its own id can be the link's.
        m.Sql("""INSERT INTO "ResourceRoles" ("Id", "ResourceId", "RoleId", "IsDefault") SELECT "Id", "Id", "DefaultRoleId", TRUE FROM "BookableResources" WHERE "DefaultRoleId" IS NOT NULL;""");
    }

    private static void Calendars(MigrationBuilder m)
    {
        m.CreateTable("WorkHours", t => new
        {
            ResourceId = t.Column<Guid>(),
            Monday = t.Column<decimal>(precision: 5, scale: 2),
            Tuesday = t.Column<decimal>(precision: 5, scale: 2),
            Wednesday = t.Column<decimal>(precision: 5, scale: 2),
            Thursday = t.Column<decimal>(precision: 5, scale: 2),
            Friday = t.Column<decimal>(precision: 5, scale: 2),
            Saturday = t.Column<decimal>(precision: 5, scale: 2),
            Sunday = t.Column<decimal>(precision: 5, scale: 2),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_WorkHours", x => x.ResourceId);
            t.ForeignKey("FK_WorkHours_BookableResources_ResourceId", x => x.ResourceId, "BookableResources", "Id", onDelete: ReferentialAction.Cascade);
        });

        m.CreateTable("DaysOff", t => new
        {
            Id = t.Column<Guid>(),
            ResourceId = t.Column<Guid>(),
            Date = t.Column<DateOnly>(),
            Description = t.Column<string>(maxLength: 200, nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_DaysOff", x => x.Id);
            t.ForeignKey("FK_DaysOff_BookableResources_ResourceId", x => x.ResourceId, "BookableResources", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_DaysOff_ResourceId_Date", "DaysOff", ["ResourceId", "Date"], unique: true);
    }

    private static void Assignments(MigrationBuilder m)
    {
        m.CreateTable("ResourceAssignments", t => new
        {
            Id = t.Column<Guid>(),
            ProjectId = t.Column<Guid>(),
            TaskId = t.Column<Guid>(),
            TeamMemberId = t.Column<Guid>(nullable: true),
            RoleId = t.Column<Guid>(),
            ResourceId = t.Column<Guid>(nullable: true),
            FromDate = t.Column<DateOnly>(),
            ToDate = t.Column<DateOnly>(),
            Hours = t.Column<decimal>(precision: 19, scale: 4),
            PlannedWork = t.Column<string>(maxLength: 100_000),
            PlannedCost = t.Column<decimal>(precision: 19, scale: 4),
            CostCurrency = t.Column<string>(maxLength: 3),
            PlannedSales = t.Column<decimal>(precision: 19, scale: 4),
            SalesCurrency = t.Column<string>(maxLength: 3, nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_ResourceAssignments", x => x.Id);
            t.ForeignKey("FK_ResourceAssignments_Projects_ProjectId", x => x.ProjectId, "Projects", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_ResourceAssignments_ProjectTasks_TaskId", x => x.TaskId, "ProjectTasks", "Id", onDelete: ReferentialAction.Restrict);
            t.ForeignKey("FK_ResourceAssignments_ProjectTeamMembers_TeamMemberId", x => x.TeamMemberId, "ProjectTeamMembers", "Id", onDelete: ReferentialAction.Restrict);
            t.ForeignKey("FK_ResourceAssignments_Roles_RoleId", x => x.RoleId, "Roles", "Id", onDelete: ReferentialAction.Restrict);
            t.ForeignKey("FK_ResourceAssignments_BookableResources_ResourceId", x => x.ResourceId, "BookableResources", "Id", onDelete: ReferentialAction.Restrict);
        });
        foreach (var column in new[] { "ProjectId", "TaskId", "TeamMemberId", "RoleId", "ResourceId" })
            m.CreateIndex($"IX_ResourceAssignments_{column}", "ResourceAssignments", column);
    }

    private static void Estimates(MigrationBuilder m)
    {
        m.CreateTable("Estimates", t => new
        {
            Id = t.Column<Guid>(),
            ProjectId = t.Column<Guid>(),
            HeaderType = t.Column<int>(),
            ModifiedOn = t.Column<DateTime>(),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_Estimates", x => x.Id);
            t.ForeignKey("FK_Estimates_Projects_ProjectId", x => x.ProjectId, "Projects", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_Estimates_ProjectId", "Estimates", "ProjectId", unique: true);

        m.CreateTable("EstimateLines", t => new
        {
            Id = t.Column<Guid>(),
            EstimateId = t.Column<Guid>(),
            AssignmentId = t.Column<Guid>(),
            OriginId = t.Column<Guid>(nullable: true),
            TransactionType = t.Column<int>(),
            TransactionClass = t.Column<int>(),
            BillingType = t.Column<int>(nullable: true),
            DocumentDate = t.Column<DateOnly>(),
            AccountingDate = t.Column<DateOnly>(nullable: true),
            Quantity = t.Column<decimal>(precision: 19, scale: 4),
            Unit = t.Column<string>(maxLength: 20, nullable: true),
            UnitPrice = t.Column<decimal>(precision: 19, scale: 4),
            Amount = t.Column<decimal>(precision: 19, scale: 4),
            Currency = t.Column<string>(maxLength: 3),
            AmountMethod = t.Column<int>(),
            PriceListId = t.Column<Guid>(nullable: true),
            ProjectId = t.Column<Guid>(nullable: true),
            TaskId = t.Column<Guid>(nullable: true),
            ResourceId = t.Column<Guid>(nullable: true),
            RoleId = t.Column<Guid>(nullable: true),
            ResourceOrganizationalUnitId = t.Column<Guid>(nullable: true),
            ContractOrganizationalUnitId = t.Column<Guid>(nullable: true),
            TransactionCategoryId = t.Column<Guid>(nullable: true),
            CustomerId = t.Column<Guid>(nullable: true),
            ContractId = t.Column<Guid>(nullable: true),
            ContractLineId = t.Column<Guid>(nullable: true),
            Description = t.Column<string>(maxLength: 500, nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_EstimateLines", x => x.Id);
            t.ForeignKey("FK_EstimateLines_Estimates_EstimateId", x => x.EstimateId, "Estimates", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_EstimateLines_ResourceAssignments_AssignmentId", x => x.AssignmentId, "ResourceAssignments", "Id", onDelete: ReferentialAction.Cascade);
        });
        foreach (var column in new[] { "EstimateId", "AssignmentId", "ProjectId" })
            m.CreateIndex($"IX_EstimateLines_{column}", "EstimateLines", column);
    }

    private static void Requirements(MigrationBuilder m)
    {
        m.CreateTable("ResourceRequirements", t => new
        {
            Id = t.Column<Guid>(),
            ProjectId = t.Column<Guid>(),
            TeamMemberId = t.Column<Guid>(nullable: true),
            Name = t.Column<string>(maxLength: 200),
            RoleId = t.Column<Guid>(),
            OrganizationalUnitId = t.Column<Guid>(nullable: true),
            FromDate = t.Column<DateOnly>(),
            ToDate = t.Column<DateOnly>(),
            Hours = t.Column<decimal>(precision: 19, scale: 4),
            Percentage = t.Column<decimal>(precision: 9, scale: 4, nullable: true),
            AllocationMethod = t.Column<int>(),
            Status = t.Column<int>(),
            CreatedOn = t.Column<DateTime>(),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_ResourceRequirements", x => x.Id);
            t.ForeignKey("FK_ResourceRequirements_Projects_ProjectId", x => x.ProjectId, "Projects", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_ResourceRequirements_ProjectTeamMembers_TeamMemberId", x => x.TeamMemberId, "ProjectTeamMembers", "Id", onDelete: ReferentialAction.SetNull);
            t.ForeignKey("FK_ResourceRequirements_Roles_RoleId", x => x.RoleId, "Roles", "Id", onDelete: ReferentialAction.Restrict);
            t.ForeignKey("FK_ResourceRequirements_OrganizationalUnits_OrganizationalUnitId", x => x.OrganizationalUnitId, "OrganizationalUnits", "Id",
                onDelete: ReferentialAction.Restrict);
        });
        foreach (var column in new[] { "ProjectId", "TeamMemberId", "RoleId", "OrganizationalUnitId" })
            m.CreateIndex($"IX_ResourceRequirements_{column}", "ResourceRequirements", column);

        m.CreateTable("RequirementCharacteristics", t => new
        {
            Id = t.Column<Guid>(),
            RequirementId = t.Column<Guid>(),
            CharacteristicId = t.Column<Guid>(),
            RatingValueId = t.Column<Guid>(nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_RequirementCharacteristics", x => x.Id);
            t.ForeignKey("FK_RequirementCharacteristics_ResourceRequirements_RequirementId", x => x.RequirementId, "ResourceRequirements", "Id",
                onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_RequirementCharacteristics_Characteristics_CharacteristicId", x => x.CharacteristicId, "Characteristics", "Id",
                onDelete: ReferentialAction.Restrict);
            t.ForeignKey("FK_RequirementCharacteristics_RatingValues_RatingValueId", x => x.RatingValueId, "RatingValues", "Id", onDelete: ReferentialAction.Restrict);
        });
        foreach (var column in new[] { "RequirementId", "CharacteristicId", "RatingValueId" })
            m.CreateIndex($"IX_RequirementCharacteristics_{column}", "RequirementCharacteristics", column);
    }

    private static void Bookings(MigrationBuilder m)
    {
        m.CreateTable("BookingHeaders", t => new
        {
            Id = t.Column<Guid>(),
            ProjectId = t.Column<Guid>(),
            TeamMemberId = t.Column<Guid>(nullable: true),
            ResourceId = t.Column<Guid>(),
            RequirementId = t.Column<Guid>(nullable: true),
            RoleId = t.Column<Guid>(nullable: true),
            StartDate = t.Column<DateOnly>(),
            EndDate = t.Column<DateOnly>(),
            Hours = t.Column<decimal>(precision: 19, scale: 4),
            Status = t.Column<int>(),
            AllocationMethod = t.Column<int>(),
            Percentage = t.Column<decimal>(precision: 9, scale: 4, nullable: true),
            OverbookedHours = t.Column<decimal>(precision: 19, scale: 4),
            CreatedOn = t.Column<DateTime>(),
            ModifiedOn = t.Column<DateTime>(),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_BookingHeaders", x => x.Id);
            t.ForeignKey("FK_BookingHeaders_Projects_ProjectId", x => x.ProjectId, "Projects", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_BookingHeaders_ProjectTeamMembers_TeamMemberId", x => x.TeamMemberId, "ProjectTeamMembers", "Id", onDelete: ReferentialAction.SetNull);
            t.ForeignKey("FK_BookingHeaders_BookableResources_ResourceId", x => x.ResourceId, "BookableResources", "Id", onDelete: ReferentialAction.Restrict);
            t.ForeignKey("FK_BookingHeaders_ResourceRequirements_RequirementId", x => x.RequirementId, "ResourceRequirements", "Id", onDelete: ReferentialAction.SetNull);
            t.ForeignKey("FK_BookingHeaders_Roles_RoleId", x => x.RoleId, "Roles", "Id", onDelete: ReferentialAction.Restrict);
        });
        foreach (var column in new[] { "ProjectId", "TeamMemberId", "RequirementId", "RoleId" })
            m.CreateIndex($"IX_BookingHeaders_{column}", "BookingHeaders", column);
        m.CreateIndex("IX_BookingHeaders_ResourceId_StartDate", "BookingHeaders", ["ResourceId", "StartDate"]);

        m.CreateTable("Bookings", t => new
        {
            Id = t.Column<Guid>(),
            HeaderId = t.Column<Guid>(),
            ResourceId = t.Column<Guid>(),
            ProjectId = t.Column<Guid>(),
            Date = t.Column<DateOnly>(),
            Hours = t.Column<decimal>(precision: 19, scale: 4),
            Status = t.Column<int>(),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_Bookings", x => x.Id);
            t.ForeignKey("FK_Bookings_BookingHeaders_HeaderId", x => x.HeaderId, "BookingHeaders", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_Bookings_BookableResources_ResourceId", x => x.ResourceId, "BookableResources", "Id", onDelete: ReferentialAction.Restrict);
        });
        m.CreateIndex("IX_Bookings_HeaderId", "Bookings", "HeaderId");
        m.CreateIndex("IX_Bookings_ResourceId_Date", "Bookings", ["ResourceId", "Date"]);
        m.CreateIndex("IX_Bookings_Date_ResourceId", "Bookings", ["Date", "ResourceId"]);
    }
}
