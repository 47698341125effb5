using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PsaBridge.Psa.Migrations;

/// <summary>
/// Project accounting: organizational units, roles, resources, transaction categories, price lists,
/// project contracts, projects, time and expense entries, journals, actuals with their origins and
/// connections, and invoices. Option-set columns hold Microsoft's integers.
/// </summary>
[DbContext(typeof(PsaDb))]
// NOTE (lead): migration ids must be 14 digits + name (EF parses them); keep "20261122000002_ProjectAccounting".
[Migration("20261122000002_ProjectAccounting")]
public sealed class ProjectAccounting : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("OrganizationalUnits", t => new
        {
            Id = t.Column<Guid>(),
            Name = t.Column<string>(maxLength: 100),
            Currency = t.Column<string>(maxLength: 3),
            CreatedOn = t.Column<DateTime>(),
        }, constraints: t => t.PrimaryKey("PK_OrganizationalUnits", x => x.Id));
        m.CreateIndex("IX_OrganizationalUnits_Name", "OrganizationalUnits", "Name");

        m.CreateTable("Roles", t => new
        {
            Id = t.Column<Guid>(),
            Name = t.Column<string>(maxLength: 100),
            BillingType = t.Column<int>(),
            CreatedOn = t.Column<DateTime>(),
        }, constraints: t => t.PrimaryKey("PK_Roles", x => x.Id));
        m.CreateIndex("IX_Roles_Name", "Roles", "Name");

        m.CreateTable("BookableResources", t => new
        {
            Id = t.Column<Guid>(),
            Name = t.Column<string>(maxLength: 100),
            ResourceType = t.Column<int>(),
            OrganizationalUnitId = t.Column<Guid>(),
            DefaultRoleId = t.Column<Guid>(nullable: true),
            CreatedOn = t.Column<DateTime>(),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_BookableResources", x => x.Id);
            t.ForeignKey("FK_BookableResources_OrganizationalUnits_OrganizationalUnitId", x => x.OrganizationalUnitId, "OrganizationalUnits", "Id", onDelete: ReferentialAction.Restrict);
            t.ForeignKey("FK_BookableResources_Roles_DefaultRoleId", x => x.DefaultRoleId, "Roles", "Id", onDelete: ReferentialAction.Restrict);
        });
        m.CreateIndex("IX_BookableResources_Name", "BookableResources", "Name");
        m.CreateIndex("IX_BookableResources_OrganizationalUnitId", "BookableResources", "OrganizationalUnitId");
        m.CreateIndex("IX_BookableResources_DefaultRoleId", "BookableResources", "DefaultRoleId");

        m.CreateTable("TransactionCategories", t => new
        {
            Id = t.Column<Guid>(),
            Name = t.Column<string>(maxLength: 100),
            BillingType = t.Column<int>(),
            DefaultUnit = t.Column<string>(maxLength: 20),
            CreatedOn = t.Column<DateTime>(),
        }, constraints: t => t.PrimaryKey("PK_TransactionCategories", x => x.Id));
        m.CreateIndex("IX_TransactionCategories_Name", "TransactionCategories", "Name");

        m.CreateTable("PriceLists", t => new
        {
            Id = t.Column<Guid>(),
            Name = t.Column<string>(maxLength: 100),
            Context = t.Column<int>(),
            Currency = t.Column<string>(maxLength: 3),
            BeginDate = t.Column<DateOnly>(nullable: true),
            EndDate = t.Column<DateOnly>(nullable: true),
            OrganizationalUnitId = t.Column<Guid>(nullable: true),
            CustomerId = t.Column<Guid>(nullable: true),
            CreatedOn = t.Column<DateTime>(),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_PriceLists", x => x.Id);
            t.ForeignKey("FK_PriceLists_OrganizationalUnits_OrganizationalUnitId", x => x.OrganizationalUnitId, "OrganizationalUnits", "Id", onDelete: ReferentialAction.Restrict);
            t.ForeignKey("FK_PriceLists_Accounts_CustomerId", x => x.CustomerId, "Accounts", "Id", onDelete: ReferentialAction.Restrict);
        });
        m.CreateIndex("IX_PriceLists_OrganizationalUnitId", "PriceLists", "OrganizationalUnitId");
        m.CreateIndex("IX_PriceLists_CustomerId", "PriceLists", "CustomerId");

        m.CreateTable("RolePrices", t => new
        {
            Id = t.Column<Guid>(),
            PriceListId = t.Column<Guid>(),
            RoleId = t.Column<Guid>(),
            OrganizationalUnitId = t.Column<Guid>(nullable: true),
            Unit = t.Column<string>(maxLength: 20),
            Price = t.Column<decimal>(precision: 19, scale: 4),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_RolePrices", x => x.Id);
            t.ForeignKey("FK_RolePrices_PriceLists_PriceListId", x => x.PriceListId, "PriceLists", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_RolePrices_Roles_RoleId", x => x.RoleId, "Roles", "Id", onDelete: ReferentialAction.Restrict);
            t.ForeignKey("FK_RolePrices_OrganizationalUnits_OrganizationalUnitId", x => x.OrganizationalUnitId, "OrganizationalUnits", "Id", onDelete: ReferentialAction.Restrict);
        });
        m.CreateIndex("IX_RolePrices_PriceListId", "RolePrices", "PriceListId");
        m.CreateIndex("IX_RolePrices_RoleId", "RolePrices", "RoleId");
        m.CreateIndex("IX_RolePrices_OrganizationalUnitId", "RolePrices", "OrganizationalUnitId");

        m.CreateTable("TransactionCategoryPrices", t => new
        {
            Id = t.Column<Guid>(),
            PriceListId = t.Column<Guid>(),
            TransactionCategoryId = t.Column<Guid>(),
            PriceCalculation = t.Column<int>(),
            Unit = t.Column<string>(maxLength: 20, nullable: true),
            Price = t.Column<decimal>(precision: 19, scale: 4, nullable: true),
            Percent = t.Column<decimal>(precision: 9, scale: 4, nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_TransactionCategoryPrices", x => x.Id);
            t.ForeignKey("FK_TransactionCategoryPrices_PriceLists_PriceListId", x => x.PriceListId, "PriceLists", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_TransactionCategoryPrices_TransactionCategories_TransactionCategoryId", x => x.TransactionCategoryId, "TransactionCategories", "Id", onDelete: ReferentialAction.Restrict);
        });
        m.CreateIndex("IX_TransactionCategoryPrices_PriceListId", "TransactionCategoryPrices", "PriceListId");
        m.CreateIndex("IX_TransactionCategoryPrices_TransactionCategoryId", "TransactionCategoryPrices", "TransactionCategoryId");

        m.CreateTable("Projects", t => new
        {
            Id = t.Column<Guid>(),
            Name = t.Column<string>(maxLength: 200),
            CustomerId = t.Column<Guid>(nullable: true),
            ContractId = t.Column<Guid>(nullable: true),
            ContractingUnitId = t.Column<Guid>(),
            ProjectManagerId = t.Column<Guid>(nullable: true),
            ScheduledStart = t.Column<DateOnly>(nullable: true),
            ScheduledEnd = t.Column<DateOnly>(nullable: true),
            StatusCode = t.Column<int>(),
            CreatedOn = t.Column<DateTime>(),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_Projects", x => x.Id);
            t.ForeignKey("FK_Projects_Accounts_CustomerId", x => x.CustomerId, "Accounts", "Id", onDelete: ReferentialAction.Restrict);
            t.ForeignKey("FK_Projects_OrganizationalUnits_ContractingUnitId", x => x.ContractingUnitId, "OrganizationalUnits", "Id", onDelete: ReferentialAction.Restrict);
            t.ForeignKey("FK_Projects_BookableResources_ProjectManagerId", x => x.ProjectManagerId, "BookableResources", "Id", onDelete: ReferentialAction.Restrict);
        });
        m.CreateIndex("IX_Projects_CustomerId", "Projects", "CustomerId");
        m.CreateIndex("IX_Projects_ContractId", "Projects", "ContractId");
        m.CreateIndex("IX_Projects_ContractingUnitId", "Projects", "ContractingUnitId");
        m.CreateIndex("IX_Projects_ProjectManagerId", "Projects", "ProjectManagerId");

        m.CreateTable("ProjectTasks", t => new
        {
            Id = t.Column<Guid>(),
            ProjectId = t.Column<Guid>(),
            Name = t.Column<string>(maxLength: 200),
            WbsId = t.Column<string>(maxLength: 20, nullable: true),
            ScheduledStart = t.Column<DateOnly>(nullable: true),
            ScheduledEnd = t.Column<DateOnly>(nullable: true),
            Effort = t.Column<decimal>(precision: 19, scale: 4, nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_ProjectTasks", x => x.Id);
            t.ForeignKey("FK_ProjectTasks_Projects_ProjectId", x => x.ProjectId, "Projects", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_ProjectTasks_ProjectId", "ProjectTasks", "ProjectId");

        m.CreateTable("ProjectTeamMembers", t => new
        {
            Id = t.Column<Guid>(),
            ProjectId = t.Column<Guid>(),
            ResourceId = t.Column<Guid>(),
            RoleId = t.Column<Guid>(),
            OrganizationalUnitId = t.Column<Guid>(),
            BillingType = t.Column<int>(nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_ProjectTeamMembers", x => x.Id);
            t.ForeignKey("FK_ProjectTeamMembers_Projects_ProjectId", x => x.ProjectId, "Projects", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_ProjectTeamMembers_BookableResources_ResourceId", x => x.ResourceId, "BookableResources", "Id", onDelete: ReferentialAction.Restrict);
            t.ForeignKey("FK_ProjectTeamMembers_Roles_RoleId", x => x.RoleId, "Roles", "Id", onDelete: ReferentialAction.Restrict);
            t.ForeignKey("FK_ProjectTeamMembers_OrganizationalUnits_OrganizationalUnitId", x => x.OrganizationalUnitId, "OrganizationalUnits", "Id", onDelete: ReferentialAction.Restrict);
        });
        m.CreateIndex("IX_ProjectTeamMembers_ProjectId", "ProjectTeamMembers", "ProjectId");
        m.CreateIndex("IX_ProjectTeamMembers_ResourceId", "ProjectTeamMembers", "ResourceId");
        m.CreateIndex("IX_ProjectTeamMembers_RoleId", "ProjectTeamMembers", "RoleId");
        m.CreateIndex("IX_ProjectTeamMembers_OrganizationalUnitId", "ProjectTeamMembers", "OrganizationalUnitId");

        m.CreateTable("ProjectContracts", t => new
        {
            Id = t.Column<Guid>(),
            Name = t.Column<string>(maxLength: 300),
            OrderType = t.Column<int>(),
            CustomerId = t.Column<Guid>(),
            ContractingUnitId = t.Column<Guid>(),
            Currency = t.Column<string>(maxLength: 3),
            PsaState = t.Column<int>(),
            CreatedOn = t.Column<DateTime>(),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_ProjectContracts", x => x.Id);
            t.ForeignKey("FK_ProjectContracts_Accounts_CustomerId", x => x.CustomerId, "Accounts", "Id", onDelete: ReferentialAction.Restrict);
            t.ForeignKey("FK_ProjectContracts_OrganizationalUnits_ContractingUnitId", x => x.ContractingUnitId, "OrganizationalUnits", "Id", onDelete: ReferentialAction.Restrict);
        });
        m.CreateIndex("IX_ProjectContracts_CustomerId", "ProjectContracts", "CustomerId");
        m.CreateIndex("IX_ProjectContracts_ContractingUnitId", "ProjectContracts", "ContractingUnitId");

        m.CreateTable("ContractPriceLists", t => new
        {
            ContractId = t.Column<Guid>(),
            PriceListId = t.Column<Guid>(),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_ContractPriceLists", x => new { x.ContractId, x.PriceListId });
            t.ForeignKey("FK_ContractPriceLists_ProjectContracts_ContractId", x => x.ContractId, "ProjectContracts", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_ContractPriceLists_PriceLists_PriceListId", x => x.PriceListId, "PriceLists", "Id", onDelete: ReferentialAction.Restrict);
        });
        m.CreateIndex("IX_ContractPriceLists_PriceListId", "ContractPriceLists", "PriceListId");

        m.CreateTable("ContractLines", t => new
        {
            Id = t.Column<Guid>(),
            ContractId = t.Column<Guid>(),
            Name = t.Column<string>(maxLength: 300),
            BillingMethod = t.Column<int>(),
            ProjectId = t.Column<Guid>(nullable: true),
            BudgetAmount = t.Column<decimal>(precision: 19, scale: 4, nullable: true),
            IncludeTime = t.Column<bool>(),
            IncludeExpense = t.Column<bool>(),
            IncludeFee = t.Column<bool>(),
            IncludeMaterial = t.Column<bool>(),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_ContractLines", x => x.Id);
            t.ForeignKey("FK_ContractLines_ProjectContracts_ContractId", x => x.ContractId, "ProjectContracts", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_ContractLines_Projects_ProjectId", x => x.ProjectId, "Projects", "Id", onDelete: ReferentialAction.Restrict);
        });
        m.CreateIndex("IX_ContractLines_ContractId", "ContractLines", "ContractId");
        m.CreateIndex("IX_ContractLines_ProjectId", "ContractLines", "ProjectId");

        m.CreateTable("ContractMilestones", t => new
        {
            Id = t.Column<Guid>(),
            ContractId = t.Column<Guid>(),
            ContractLineId = t.Column<Guid>(),
            Name = t.Column<string>(maxLength: 100),
            InvoiceDate = t.Column<DateOnly>(),
            Amount = t.Column<decimal>(precision: 19, scale: 4),
            InvoiceStatus = t.Column<int>(),
            InvoiceId = t.Column<Guid>(nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_ContractMilestones", x => x.Id);
            t.ForeignKey("FK_ContractMilestones_ProjectContracts_ContractId", x => x.ContractId, "ProjectContracts", "Id", onDelete: ReferentialAction.Restrict);
            t.ForeignKey("FK_ContractMilestones_ContractLines_ContractLineId", x => x.ContractLineId, "ContractLines", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_ContractMilestones_ContractId", "ContractMilestones", "ContractId");
        m.CreateIndex("IX_ContractMilestones_ContractLineId", "ContractMilestones", "ContractLineId");
        m.CreateIndex("IX_ContractMilestones_InvoiceId", "ContractMilestones", "InvoiceId");

        m.CreateTable("TimeEntries", t => new
        {
            Id = t.Column<Guid>(),
            Date = t.Column<DateOnly>(),
            Duration = t.Column<int>(),
            ResourceId = t.Column<Guid>(),
            ProjectId = t.Column<Guid>(),
            TaskId = t.Column<Guid>(nullable: true),
            RoleId = t.Column<Guid>(),
            ResourceOrganizationalUnitId = t.Column<Guid>(),
            Type = t.Column<int>(),
            EntryStatus = t.Column<int>(),
            Description = t.Column<string>(maxLength: 500, nullable: true),
            ExternalDescription = t.Column<string>(maxLength: 500, nullable: true),
            CreatedOn = t.Column<DateTime>(),
            ModifiedOn = t.Column<DateTime>(),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_TimeEntries", x => x.Id);
            t.ForeignKey("FK_TimeEntries_BookableResources_ResourceId", x => x.ResourceId, "BookableResources", "Id", onDelete: ReferentialAction.Restrict);
            t.ForeignKey("FK_TimeEntries_Projects_ProjectId", x => x.ProjectId, "Projects", "Id", onDelete: ReferentialAction.Restrict);
            t.ForeignKey("FK_TimeEntries_ProjectTasks_TaskId", x => x.TaskId, "ProjectTasks", "Id", onDelete: ReferentialAction.Restrict);
            t.ForeignKey("FK_TimeEntries_Roles_RoleId", x => x.RoleId, "Roles", "Id", onDelete: ReferentialAction.Restrict);
            t.ForeignKey("FK_TimeEntries_OrganizationalUnits_ResourceOrganizationalUnitId", x => x.ResourceOrganizationalUnitId, "OrganizationalUnits", "Id", onDelete: ReferentialAction.Restrict);
        });
        m.CreateIndex("IX_TimeEntries_ResourceId_Date", "TimeEntries", ["ResourceId", "Date"]);
        m.CreateIndex("IX_TimeEntries_ProjectId", "TimeEntries", "ProjectId");
        m.CreateIndex("IX_TimeEntries_TaskId", "TimeEntries", "TaskId");
        m.CreateIndex("IX_TimeEntries_RoleId", "TimeEntries", "RoleId");
        m.CreateIndex("IX_TimeEntries_ResourceOrganizationalUnitId", "TimeEntries", "ResourceOrganizationalUnitId");
        m.CreateIndex("IX_TimeEntries_EntryStatus", "TimeEntries", "EntryStatus");

        m.CreateTable("Expenses", t => new
        {
            Id = t.Column<Guid>(),
            TransactionDate = t.Column<DateOnly>(),
            TransactionCategoryId = t.Column<Guid>(),
            ProjectId = t.Column<Guid>(),
            TaskId = t.Column<Guid>(nullable: true),
            ResourceId = t.Column<Guid>(nullable: true),
            Quantity = t.Column<decimal>(precision: 19, scale: 4),
            Unit = t.Column<string>(maxLength: 20, nullable: true),
            Price = t.Column<decimal>(precision: 19, scale: 4),
            Amount = t.Column<decimal>(precision: 19, scale: 4),
            Currency = t.Column<string>(maxLength: 3),
            ExpenseStatus = t.Column<int>(),
            Description = t.Column<string>(maxLength: 500, nullable: true),
            CreatedOn = t.Column<DateTime>(),
            ModifiedOn = t.Column<DateTime>(),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_Expenses", x => x.Id);
            t.ForeignKey("FK_Expenses_TransactionCategories_TransactionCategoryId", x => x.TransactionCategoryId, "TransactionCategories", "Id", onDelete: ReferentialAction.Restrict);
            t.ForeignKey("FK_Expenses_Projects_ProjectId", x => x.ProjectId, "Projects", "Id", onDelete: ReferentialAction.Restrict);
            t.ForeignKey("FK_Expenses_ProjectTasks_TaskId", x => x.TaskId, "ProjectTasks", "Id", onDelete: ReferentialAction.Restrict);
            t.ForeignKey("FK_Expenses_BookableResources_ResourceId", x => x.ResourceId, "BookableResources", "Id", onDelete: ReferentialAction.Restrict);
        });
        m.CreateIndex("IX_Expenses_TransactionCategoryId", "Expenses", "TransactionCategoryId");
        m.CreateIndex("IX_Expenses_ProjectId", "Expenses", "ProjectId");
        m.CreateIndex("IX_Expenses_TaskId", "Expenses", "TaskId");
        m.CreateIndex("IX_Expenses_ResourceId", "Expenses", "ResourceId");
        m.CreateIndex("IX_Expenses_ExpenseStatus", "Expenses", "ExpenseStatus");

        m.CreateTable("Journals", t => new
        {
            Id = t.Column<Guid>(),
            Description = t.Column<string>(maxLength: 200),
            JournalType = t.Column<int>(),
            IsPosted = t.Column<bool>(),
            CreatedOn = t.Column<DateTime>(),
        }, constraints: t => t.PrimaryKey("PK_Journals", x => x.Id));

        m.CreateTable("JournalLines", t => new
        {
            Id = t.Column<Guid>(),
            JournalId = t.Column<Guid>(),
            IsPosted = t.Column<bool>(),
            BillingStatus = t.Column<int>(nullable: true),
            SourceEntryId = t.Column<Guid>(),
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
            t.PrimaryKey("PK_JournalLines", x => x.Id);
            t.ForeignKey("FK_JournalLines_Journals_JournalId", x => x.JournalId, "Journals", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_JournalLines_JournalId", "JournalLines", "JournalId");
        m.CreateIndex("IX_JournalLines_SourceEntryId", "JournalLines", "SourceEntryId");

        m.CreateTable("Actuals", t => new
        {
            Id = t.Column<Guid>(),
            BillingStatus = t.Column<int>(nullable: true),
            AdjustmentStatus = t.Column<int>(nullable: true),
            InvoiceId = t.Column<Guid>(nullable: true),
            SourceEntryId = t.Column<Guid>(nullable: true),
            CreatedOn = t.Column<DateTime>(),
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
        }, constraints: t => t.PrimaryKey("PK_Actuals", x => x.Id));
        m.CreateIndex("IX_Actuals_ProjectId", "Actuals", "ProjectId");
        m.CreateIndex("IX_Actuals_ContractId_BillingStatus", "Actuals", ["ContractId", "BillingStatus"]);
        m.CreateIndex("IX_Actuals_CustomerId", "Actuals", "CustomerId");
        m.CreateIndex("IX_Actuals_SourceEntryId", "Actuals", "SourceEntryId");
        m.CreateIndex("IX_Actuals_InvoiceId", "Actuals", "InvoiceId");

        m.CreateTable("TransactionOrigins", t => new
        {
            Id = t.Column<Guid>(),
            OriginId = t.Column<Guid>(),
            OriginType = t.Column<string>(maxLength: 100),
            TransactionId = t.Column<Guid>(),
            TransactionType = t.Column<string>(maxLength: 100),
        }, constraints: t => t.PrimaryKey("PK_TransactionOrigins", x => x.Id));
        m.CreateIndex("IX_TransactionOrigins_TransactionId", "TransactionOrigins", "TransactionId");
        m.CreateIndex("IX_TransactionOrigins_OriginId", "TransactionOrigins", "OriginId");

        m.CreateTable("TransactionConnections", t => new
        {
            Id = t.Column<Guid>(),
            Transaction1Id = t.Column<Guid>(),
            Transaction1Role = t.Column<string>(maxLength: 50),
            Transaction1Type = t.Column<string>(maxLength: 100),
            Transaction2Id = t.Column<Guid>(),
            Transaction2Role = t.Column<string>(maxLength: 50),
            Transaction2Type = t.Column<string>(maxLength: 100),
        }, constraints: t => t.PrimaryKey("PK_TransactionConnections", x => x.Id));
        m.CreateIndex("IX_TransactionConnections_Transaction1Id", "TransactionConnections", "Transaction1Id");
        m.CreateIndex("IX_TransactionConnections_Transaction2Id", "TransactionConnections", "Transaction2Id");

        m.CreateTable("Invoices", t => new
        {
            Id = t.Column<Guid>(),
            Name = t.Column<string>(maxLength: 300),
            ContractId = t.Column<Guid>(),
            CustomerId = t.Column<Guid>(),
            InvoiceDate = t.Column<DateOnly>(),
            Currency = t.Column<string>(maxLength: 3),
            Status = t.Column<int>(),
            TotalAmount = t.Column<decimal>(precision: 19, scale: 4),
            CreatedOn = t.Column<DateTime>(),
            ConfirmedOn = t.Column<DateTime>(nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_Invoices", x => x.Id);
            t.ForeignKey("FK_Invoices_ProjectContracts_ContractId", x => x.ContractId, "ProjectContracts", "Id", onDelete: ReferentialAction.Restrict);
        });
        m.CreateIndex("IX_Invoices_ContractId", "Invoices", "ContractId");

        m.CreateTable("InvoiceLines", t => new
        {
            Id = t.Column<Guid>(),
            InvoiceId = t.Column<Guid>(),
            ContractLineId = t.Column<Guid>(),
            Name = t.Column<string>(maxLength: 300),
            ChargeableAmount = t.Column<decimal>(precision: 19, scale: 4),
            NonChargeableAmount = t.Column<decimal>(precision: 19, scale: 4),
            ComplimentaryAmount = t.Column<decimal>(precision: 19, scale: 4),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_InvoiceLines", x => x.Id);
            t.ForeignKey("FK_InvoiceLines_Invoices_InvoiceId", x => x.InvoiceId, "Invoices", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_InvoiceLines_ContractLines_ContractLineId", x => x.ContractLineId, "ContractLines", "Id", onDelete: ReferentialAction.Restrict);
        });
        m.CreateIndex("IX_InvoiceLines_InvoiceId", "InvoiceLines", "InvoiceId");
        m.CreateIndex("IX_InvoiceLines_ContractLineId", "InvoiceLines", "ContractLineId");

        m.CreateTable("InvoiceLineDetails", t => new
        {
            Id = t.Column<Guid>(),
            InvoiceId = t.Column<Guid>(),
            InvoiceLineId = t.Column<Guid>(),
            ActualId = t.Column<Guid>(nullable: true),
            MilestoneId = t.Column<Guid>(nullable: true),
            JournalLineId = t.Column<Guid>(nullable: true),
            SourceEntryId = t.Column<Guid>(nullable: true),
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
            t.PrimaryKey("PK_InvoiceLineDetails", x => x.Id);
            t.ForeignKey("FK_InvoiceLineDetails_InvoiceLines_InvoiceLineId", x => x.InvoiceLineId, "InvoiceLines", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_InvoiceLineDetails_InvoiceId", "InvoiceLineDetails", "InvoiceId");
        m.CreateIndex("IX_InvoiceLineDetails_InvoiceLineId", "InvoiceLineDetails", "InvoiceLineId");
        m.CreateIndex("IX_InvoiceLineDetails_ActualId", "InvoiceLineDetails", "ActualId");
    }
}
