using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using PsaBridge.Infrastructure.Storage;
using PsaBridge.Psa.Sales.InvoiceFrequencies;
using PsaBridge.Psa.Sales.Parameters;

namespace PsaBridge.Psa.Migrations;

/// <summary>
/// The sales pipeline: invoice frequencies (four shipped), the PSA parameters, opportunities, quotes with their
/// lines, details, milestones and invoice schedules, and contracts grown to the same shape (order type, PSA status
/// reason, rollups, line amounts and invoice frequencies, line roles, categories, price lists, details and invoice
/// schedules). Existing contracts keep their rows: they are Draft, their rollups start at zero and are kept from
/// their next change on.
/// </summary>
[DbContext(typeof(PsaDb))]
[Migration("20261207000005_SalesPipeline")]
public sealed class SalesPipeline : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("InvoiceFrequencies", t => new
        {
            Id = t.Column<Guid>(),
            CreatedOn = t.Column<DateTime>(),
            DaysOfRun = t.Column<int>(),
            Name = t.Column<string>(maxLength: 100),
            Period = t.Column<int>(),
            RunsPerPeriod = t.Column<int>(),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_InvoiceFrequencies", x => x.Id);
        });
        m.CreateIndex("IX_InvoiceFrequencies_Name", "InvoiceFrequencies", "Name");

        m.CreateTable("InvoiceFrequencyDetails", t => new
        {
            Id = t.Column<Guid>(),
            DayOfMonth = t.Column<int>(nullable: true),
            InvoiceFrequencyId = t.Column<Guid>(),
            Occurrence = t.Column<int>(nullable: true),
            Weekday = t.Column<int>(nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_InvoiceFrequencyDetails", x => x.Id);
            t.ForeignKey("FK_InvoiceFrequencyDetails_InvoiceFrequencies_InvoiceFrequencyId", x => x.InvoiceFrequencyId, "InvoiceFrequencies", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_InvoiceFrequencyDetails_InvoiceFrequencyId", "InvoiceFrequencyDetails", "InvoiceFrequencyId");

        m.CreateTable("ProjectParameters", t => new
        {
            Id = t.Column<Guid>(),
            InvoiceFrequencyId = t.Column<Guid>(nullable: true),
            ModifiedOn = t.Column<DateTime>(),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_ProjectParameters", x => x.Id);
            t.ForeignKey("FK_ProjectParameters_InvoiceFrequencies_InvoiceFrequencyId", x => x.InvoiceFrequencyId, "InvoiceFrequencies", "Id", onDelete: ReferentialAction.Restrict);
        });
        m.CreateIndex("IX_ProjectParameters_InvoiceFrequencyId", "ProjectParameters", "InvoiceFrequencyId");

        m.CreateTable("ProjectParameterPriceLists", t => new
        {
            ProjectParameterId = t.Column<Guid>(),
            PriceListId = t.Column<Guid>(),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_ProjectParameterPriceLists", x => new { x.ProjectParameterId, x.PriceListId });
            t.ForeignKey("FK_ProjectParameterPriceLists_PriceLists_PriceListId", x => x.PriceListId, "PriceLists", "Id", onDelete: ReferentialAction.Restrict);
            t.ForeignKey("FK_ProjectParameterPriceLists_ProjectParameters_ProjectParameterId", x => x.ProjectParameterId, "ProjectParameters", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_ProjectParameterPriceLists_PriceListId", "ProjectParameterPriceLists", "PriceListId");

        m.CreateTable("Opportunities", t => new
        {
            Id = t.Column<Guid>(),
            AccountManagerId = t.Column<Guid>(nullable: true),
            ActualCloseDate = t.Column<DateOnly>(nullable: true),
            CloseProbability = t.Column<int>(nullable: true),
            CloseReason = t.Column<string>(maxLength: 500, nullable: true),
            ContractingUnitId = t.Column<Guid>(nullable: true),
            CreatedOn = t.Column<DateTime>(),
            Currency = t.Column<string>(maxLength: 3),
            CustomerId = t.Column<Guid>(),
            EstimatedCloseDate = t.Column<DateOnly>(nullable: true),
            EstimatedValue = t.Column<decimal>(precision: 19, scale: 4, nullable: true),
            ModifiedOn = t.Column<DateTime>(),
            Name = t.Column<string>(maxLength: 300),
            OrderType = t.Column<int>(),
            StateCode = t.Column<int>(),
            StatusCode = t.Column<int>(),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_Opportunities", x => x.Id);
            t.ForeignKey("FK_Opportunities_Accounts_CustomerId", x => x.CustomerId, "Accounts", "Id", onDelete: ReferentialAction.Restrict);
            t.ForeignKey("FK_Opportunities_BookableResources_AccountManagerId", x => x.AccountManagerId, "BookableResources", "Id", onDelete: ReferentialAction.Restrict);
            t.ForeignKey("FK_Opportunities_OrganizationalUnits_ContractingUnitId", x => x.ContractingUnitId, "OrganizationalUnits", "Id", onDelete: ReferentialAction.Restrict);
        });
        m.CreateIndex("IX_Opportunities_AccountManagerId", "Opportunities", "AccountManagerId");
        m.CreateIndex("IX_Opportunities_ContractingUnitId", "Opportunities", "ContractingUnitId");
        m.CreateIndex("IX_Opportunities_CustomerId", "Opportunities", "CustomerId");
        m.CreateIndex("IX_Opportunities_Name", "Opportunities", "Name");

        m.CreateTable("OpportunityLines", t => new
        {
            Id = t.Column<Guid>(),
            BillingMethod = t.Column<int>(),
            BudgetAmount = t.Column<decimal>(precision: 19, scale: 4, nullable: true),
            EndDate = t.Column<DateOnly>(nullable: true),
            Name = t.Column<string>(maxLength: 300),
            OpportunityId = t.Column<Guid>(),
            ProjectId = t.Column<Guid>(nullable: true),
            StartDate = t.Column<DateOnly>(nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_OpportunityLines", x => x.Id);
            t.ForeignKey("FK_OpportunityLines_Opportunities_OpportunityId", x => x.OpportunityId, "Opportunities", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_OpportunityLines_Projects_ProjectId", x => x.ProjectId, "Projects", "Id", onDelete: ReferentialAction.Restrict);
        });
        m.CreateIndex("IX_OpportunityLines_OpportunityId", "OpportunityLines", "OpportunityId");
        m.CreateIndex("IX_OpportunityLines_ProjectId", "OpportunityLines", "ProjectId");

        m.CreateTable("OpportunityPriceLists", t => new
        {
            OpportunityId = t.Column<Guid>(),
            PriceListId = t.Column<Guid>(),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_OpportunityPriceLists", x => new { x.OpportunityId, x.PriceListId });
            t.ForeignKey("FK_OpportunityPriceLists_Opportunities_OpportunityId", x => x.OpportunityId, "Opportunities", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_OpportunityPriceLists_PriceLists_PriceListId", x => x.PriceListId, "PriceLists", "Id", onDelete: ReferentialAction.Restrict);
        });
        m.CreateIndex("IX_OpportunityPriceLists_PriceListId", "OpportunityPriceLists", "PriceListId");

        m.CreateTable("Quotes", t => new
        {
            Id = t.Column<Guid>(),
            AccountManagerId = t.Column<Guid>(nullable: true),
            AdjustedGrossMargin = t.Column<decimal>(precision: 19, scale: 4),
            ChargeableCost = t.Column<decimal>(precision: 19, scale: 4),
            CloseReason = t.Column<string>(maxLength: 500, nullable: true),
            ClosedOn = t.Column<DateOnly>(nullable: true),
            ContractId = t.Column<Guid>(nullable: true),
            ContractingUnitId = t.Column<Guid>(),
            CreatedOn = t.Column<DateTime>(),
            Currency = t.Column<string>(maxLength: 3),
            CustomerId = t.Column<Guid>(),
            GrossMargin = t.Column<decimal>(precision: 19, scale: 4),
            ModifiedOn = t.Column<DateTime>(),
            Name = t.Column<string>(maxLength: 300),
            NonChargeableCost = t.Column<decimal>(precision: 19, scale: 4),
            OpportunityId = t.Column<Guid>(nullable: true),
            OrderType = t.Column<int>(),
            Profitability = t.Column<int>(),
            ProfitabilityPercent = t.Column<decimal>(precision: 9, scale: 2, nullable: true),
            RequestedDeliveryDate = t.Column<DateOnly>(nullable: true),
            SalesAmount = t.Column<decimal>(precision: 19, scale: 4),
            StateCode = t.Column<int>(),
            StatusCode = t.Column<int>(),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_Quotes", x => x.Id);
            t.ForeignKey("FK_Quotes_Accounts_CustomerId", x => x.CustomerId, "Accounts", "Id", onDelete: ReferentialAction.Restrict);
            t.ForeignKey("FK_Quotes_BookableResources_AccountManagerId", x => x.AccountManagerId, "BookableResources", "Id", onDelete: ReferentialAction.Restrict);
            t.ForeignKey("FK_Quotes_Opportunities_OpportunityId", x => x.OpportunityId, "Opportunities", "Id", onDelete: ReferentialAction.Restrict);
            t.ForeignKey("FK_Quotes_OrganizationalUnits_ContractingUnitId", x => x.ContractingUnitId, "OrganizationalUnits", "Id", onDelete: ReferentialAction.Restrict);
            t.ForeignKey("FK_Quotes_ProjectContracts_ContractId", x => x.ContractId, "ProjectContracts", "Id", onDelete: ReferentialAction.Restrict);
        });
        m.CreateIndex("IX_Quotes_AccountManagerId", "Quotes", "AccountManagerId");
        m.CreateIndex("IX_Quotes_ContractId", "Quotes", "ContractId");
        m.CreateIndex("IX_Quotes_ContractingUnitId", "Quotes", "ContractingUnitId");
        m.CreateIndex("IX_Quotes_CustomerId", "Quotes", "CustomerId");
        m.CreateIndex("IX_Quotes_Name", "Quotes", "Name");
        m.CreateIndex("IX_Quotes_OpportunityId", "Quotes", "OpportunityId");

        m.CreateTable("QuotePriceLists", t => new
        {
            QuoteId = t.Column<Guid>(),
            PriceListId = t.Column<Guid>(),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_QuotePriceLists", x => new { x.QuoteId, x.PriceListId });
            t.ForeignKey("FK_QuotePriceLists_PriceLists_PriceListId", x => x.PriceListId, "PriceLists", "Id", onDelete: ReferentialAction.Restrict);
            t.ForeignKey("FK_QuotePriceLists_Quotes_QuoteId", x => x.QuoteId, "Quotes", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_QuotePriceLists_PriceListId", "QuotePriceLists", "PriceListId");

        m.CreateTable("QuoteLines", t => new
        {
            Id = t.Column<Guid>(),
            AdjustedGrossMargin = t.Column<decimal>(precision: 19, scale: 4),
            Amount = t.Column<decimal>(precision: 19, scale: 4, nullable: true),
            BillingMethod = t.Column<int>(),
            BillingStartDate = t.Column<DateOnly>(nullable: true),
            BudgetAmount = t.Column<decimal>(precision: 19, scale: 4, nullable: true),
            ChargeableCost = t.Column<decimal>(precision: 19, scale: 4),
            GrossMargin = t.Column<decimal>(precision: 19, scale: 4),
            IncludeExpense = t.Column<bool>(),
            IncludeFee = t.Column<bool>(),
            IncludeMaterial = t.Column<bool>(),
            IncludeTime = t.Column<bool>(),
            InvoiceFrequencyId = t.Column<Guid>(nullable: true),
            LineNumber = t.Column<int>(),
            Name = t.Column<string>(maxLength: 300),
            NonChargeableCost = t.Column<decimal>(precision: 19, scale: 4),
            Profitability = t.Column<int>(),
            ProfitabilityPercent = t.Column<decimal>(precision: 9, scale: 2, nullable: true),
            ProjectId = t.Column<Guid>(nullable: true),
            QuoteId = t.Column<Guid>(),
            RequestedDeliveryDate = t.Column<DateOnly>(nullable: true),
            SalesAmount = t.Column<decimal>(precision: 19, scale: 4),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_QuoteLines", x => x.Id);
            t.ForeignKey("FK_QuoteLines_InvoiceFrequencies_InvoiceFrequencyId", x => x.InvoiceFrequencyId, "InvoiceFrequencies", "Id", onDelete: ReferentialAction.Restrict);
            t.ForeignKey("FK_QuoteLines_Projects_ProjectId", x => x.ProjectId, "Projects", "Id", onDelete: ReferentialAction.Restrict);
            t.ForeignKey("FK_QuoteLines_Quotes_QuoteId", x => x.QuoteId, "Quotes", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_QuoteLines_InvoiceFrequencyId", "QuoteLines", "InvoiceFrequencyId");
        m.CreateIndex("IX_QuoteLines_ProjectId", "QuoteLines", "ProjectId");
        m.CreateIndex("IX_QuoteLines_QuoteId", "QuoteLines", "QuoteId");

        m.CreateTable("QuoteLineRoles", t => new
        {
            QuoteLineId = t.Column<Guid>(),
            RoleId = t.Column<Guid>(),
            BillingType = t.Column<int>(),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_QuoteLineRoles", x => new { x.QuoteLineId, x.RoleId });
            t.ForeignKey("FK_QuoteLineRoles_QuoteLines_QuoteLineId", x => x.QuoteLineId, "QuoteLines", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_QuoteLineRoles_Roles_RoleId", x => x.RoleId, "Roles", "Id", onDelete: ReferentialAction.Restrict);
        });
        m.CreateIndex("IX_QuoteLineRoles_RoleId", "QuoteLineRoles", "RoleId");

        m.CreateTable("QuoteLineCategories", t => new
        {
            QuoteLineId = t.Column<Guid>(),
            TransactionCategoryId = t.Column<Guid>(),
            BillingType = t.Column<int>(),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_QuoteLineCategories", x => new { x.QuoteLineId, x.TransactionCategoryId });
            t.ForeignKey("FK_QuoteLineCategories_QuoteLines_QuoteLineId", x => x.QuoteLineId, "QuoteLines", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_QuoteLineCategories_TransactionCategories_TransactionCategoryId", x => x.TransactionCategoryId, "TransactionCategories", "Id", onDelete: ReferentialAction.Restrict);
        });
        m.CreateIndex("IX_QuoteLineCategories_TransactionCategoryId", "QuoteLineCategories", "TransactionCategoryId");

        m.CreateTable("QuoteLinePriceLists", t => new
        {
            QuoteLineId = t.Column<Guid>(),
            PriceListId = t.Column<Guid>(),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_QuoteLinePriceLists", x => new { x.QuoteLineId, x.PriceListId });
            t.ForeignKey("FK_QuoteLinePriceLists_PriceLists_PriceListId", x => x.PriceListId, "PriceLists", "Id", onDelete: ReferentialAction.Restrict);
            t.ForeignKey("FK_QuoteLinePriceLists_QuoteLines_QuoteLineId", x => x.QuoteLineId, "QuoteLines", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_QuoteLinePriceLists_PriceListId", "QuoteLinePriceLists", "PriceListId");

        m.CreateTable("QuoteLineMilestones", t => new
        {
            Id = t.Column<Guid>(),
            Amount = t.Column<decimal>(precision: 19, scale: 4),
            InvoiceDate = t.Column<DateOnly>(),
            InvoiceStatus = t.Column<int>(),
            Name = t.Column<string>(maxLength: 100),
            QuoteId = t.Column<Guid>(),
            QuoteLineId = t.Column<Guid>(),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_QuoteLineMilestones", x => x.Id);
            t.ForeignKey("FK_QuoteLineMilestones_QuoteLines_QuoteLineId", x => x.QuoteLineId, "QuoteLines", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_QuoteLineMilestones_Quotes_QuoteId", x => x.QuoteId, "Quotes", "Id", onDelete: ReferentialAction.Restrict);
        });
        m.CreateIndex("IX_QuoteLineMilestones_QuoteId", "QuoteLineMilestones", "QuoteId");
        m.CreateIndex("IX_QuoteLineMilestones_QuoteLineId", "QuoteLineMilestones", "QuoteLineId");

        m.CreateTable("QuoteLineInvoiceSchedules", t => new
        {
            Id = t.Column<Guid>(),
            InvoiceRunDate = t.Column<DateOnly>(),
            QuoteId = t.Column<Guid>(),
            QuoteLineId = t.Column<Guid>(),
            TransactionCutoffDate = t.Column<DateOnly>(),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_QuoteLineInvoiceSchedules", x => x.Id);
            t.ForeignKey("FK_QuoteLineInvoiceSchedules_QuoteLines_QuoteLineId", x => x.QuoteLineId, "QuoteLines", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_QuoteLineInvoiceSchedules_Quotes_QuoteId", x => x.QuoteId, "Quotes", "Id", onDelete: ReferentialAction.Restrict);
        });
        m.CreateIndex("IX_QuoteLineInvoiceSchedules_QuoteId", "QuoteLineInvoiceSchedules", "QuoteId");
        m.CreateIndex("IX_QuoteLineInvoiceSchedules_QuoteLineId", "QuoteLineInvoiceSchedules", "QuoteLineId");

        m.CreateTable("QuoteLineDetails", t => new
        {
            Id = t.Column<Guid>(),
            AccountingDate = t.Column<DateOnly>(nullable: true),
            Amount = t.Column<decimal>(precision: 19, scale: 4),
            AmountMethod = t.Column<int>(),
            BillingType = t.Column<int>(nullable: true),
            ContractId = t.Column<Guid>(nullable: true),
            ContractLineId = t.Column<Guid>(nullable: true),
            ContractOrganizationalUnitId = t.Column<Guid>(nullable: true),
            Currency = t.Column<string>(maxLength: 3),
            CustomerId = t.Column<Guid>(nullable: true),
            Description = t.Column<string>(maxLength: 500, nullable: true),
            DocumentDate = t.Column<DateOnly>(),
            EndDate = t.Column<DateOnly>(),
            OriginId = t.Column<Guid>(nullable: true),
            PriceListId = t.Column<Guid>(nullable: true),
            ProjectId = t.Column<Guid>(nullable: true),
            Quantity = t.Column<decimal>(precision: 19, scale: 4),
            QuoteId = t.Column<Guid>(),
            QuoteLineId = t.Column<Guid>(),
            ResourceId = t.Column<Guid>(nullable: true),
            ResourceOrganizationalUnitId = t.Column<Guid>(nullable: true),
            RoleId = t.Column<Guid>(nullable: true),
            StartDate = t.Column<DateOnly>(),
            TaskId = t.Column<Guid>(nullable: true),
            TransactionCategoryId = t.Column<Guid>(nullable: true),
            TransactionClass = t.Column<int>(),
            TransactionType = t.Column<int>(),
            Unit = t.Column<string>(maxLength: 20, nullable: true),
            UnitPrice = t.Column<decimal>(precision: 19, scale: 4),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_QuoteLineDetails", x => x.Id);
            t.ForeignKey("FK_QuoteLineDetails_QuoteLines_QuoteLineId", x => x.QuoteLineId, "QuoteLines", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_QuoteLineDetails_Quotes_QuoteId", x => x.QuoteId, "Quotes", "Id", onDelete: ReferentialAction.Restrict);
        });
        m.CreateIndex("IX_QuoteLineDetails_QuoteId", "QuoteLineDetails", "QuoteId");
        m.CreateIndex("IX_QuoteLineDetails_QuoteLineId", "QuoteLineDetails", "QuoteLineId");

        m.CreateTable("ContractLineRoles", t => new
        {
            ContractLineId = t.Column<Guid>(),
            RoleId = t.Column<Guid>(),
            BillingType = t.Column<int>(),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_ContractLineRoles", x => new { x.ContractLineId, x.RoleId });
            t.ForeignKey("FK_ContractLineRoles_ContractLines_ContractLineId", x => x.ContractLineId, "ContractLines", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_ContractLineRoles_Roles_RoleId", x => x.RoleId, "Roles", "Id", onDelete: ReferentialAction.Restrict);
        });
        m.CreateIndex("IX_ContractLineRoles_RoleId", "ContractLineRoles", "RoleId");

        m.CreateTable("ContractLineCategories", t => new
        {
            ContractLineId = t.Column<Guid>(),
            TransactionCategoryId = t.Column<Guid>(),
            BillingType = t.Column<int>(),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_ContractLineCategories", x => new { x.ContractLineId, x.TransactionCategoryId });
            t.ForeignKey("FK_ContractLineCategories_ContractLines_ContractLineId", x => x.ContractLineId, "ContractLines", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_ContractLineCategories_TransactionCategories_TransactionCategoryId", x => x.TransactionCategoryId, "TransactionCategories", "Id", onDelete: ReferentialAction.Restrict);
        });
        m.CreateIndex("IX_ContractLineCategories_TransactionCategoryId", "ContractLineCategories", "TransactionCategoryId");

        m.CreateTable("ContractLinePriceLists", t => new
        {
            ContractLineId = t.Column<Guid>(),
            PriceListId = t.Column<Guid>(),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_ContractLinePriceLists", x => new { x.ContractLineId, x.PriceListId });
            t.ForeignKey("FK_ContractLinePriceLists_ContractLines_ContractLineId", x => x.ContractLineId, "ContractLines", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_ContractLinePriceLists_PriceLists_PriceListId", x => x.PriceListId, "PriceLists", "Id", onDelete: ReferentialAction.Restrict);
        });
        m.CreateIndex("IX_ContractLinePriceLists_PriceListId", "ContractLinePriceLists", "PriceListId");

        m.CreateTable("ContractLineInvoiceSchedules", t => new
        {
            Id = t.Column<Guid>(),
            ContractId = t.Column<Guid>(),
            ContractLineId = t.Column<Guid>(),
            InvoiceId = t.Column<Guid>(nullable: true),
            InvoiceRunDate = t.Column<DateOnly>(),
            InvoiceRunStatus = t.Column<int>(),
            RunMessage = t.Column<string>(maxLength: 1000, nullable: true),
            TransactionCutoffDate = t.Column<DateOnly>(),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_ContractLineInvoiceSchedules", x => x.Id);
            t.ForeignKey("FK_ContractLineInvoiceSchedules_ContractLines_ContractLineId", x => x.ContractLineId, "ContractLines", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_ContractLineInvoiceSchedules_Invoices_InvoiceId", x => x.InvoiceId, "Invoices", "Id", onDelete: ReferentialAction.SetNull);
            t.ForeignKey("FK_ContractLineInvoiceSchedules_ProjectContracts_ContractId", x => x.ContractId, "ProjectContracts", "Id", onDelete: ReferentialAction.Restrict);
        });
        m.CreateIndex("IX_ContractLineInvoiceSchedules_ContractId", "ContractLineInvoiceSchedules", "ContractId");
        m.CreateIndex("IX_ContractLineInvoiceSchedules_ContractLineId", "ContractLineInvoiceSchedules", "ContractLineId");
        m.CreateIndex("IX_ContractLineInvoiceSchedules_InvoiceId", "ContractLineInvoiceSchedules", "InvoiceId");
        m.CreateIndex("IX_ContractLineInvoiceSchedules_InvoiceRunStatus_InvoiceRunDate", "ContractLineInvoiceSchedules", ["InvoiceRunStatus", "InvoiceRunDate"]);

        m.CreateTable("ContractLineDetails", t => new
        {
            Id = t.Column<Guid>(),
            AccountingDate = t.Column<DateOnly>(nullable: true),
            Amount = t.Column<decimal>(precision: 19, scale: 4),
            AmountMethod = t.Column<int>(),
            BillingType = t.Column<int>(nullable: true),
            ContractId = t.Column<Guid>(nullable: true),
            ContractLineId = t.Column<Guid>(nullable: true),
            ContractOrganizationalUnitId = t.Column<Guid>(nullable: true),
            Currency = t.Column<string>(maxLength: 3),
            CustomerId = t.Column<Guid>(nullable: true),
            Description = t.Column<string>(maxLength: 500, nullable: true),
            DocumentDate = t.Column<DateOnly>(),
            EndDate = t.Column<DateOnly>(),
            OriginId = t.Column<Guid>(nullable: true),
            PriceListId = t.Column<Guid>(nullable: true),
            ProjectId = t.Column<Guid>(nullable: true),
            Quantity = t.Column<decimal>(precision: 19, scale: 4),
            QuoteLineDetailId = t.Column<Guid>(nullable: true),
            ResourceId = t.Column<Guid>(nullable: true),
            ResourceOrganizationalUnitId = t.Column<Guid>(nullable: true),
            RoleId = t.Column<Guid>(nullable: true),
            StartDate = t.Column<DateOnly>(),
            TaskId = t.Column<Guid>(nullable: true),
            TransactionCategoryId = t.Column<Guid>(nullable: true),
            TransactionClass = t.Column<int>(),
            TransactionType = t.Column<int>(),
            Unit = t.Column<string>(maxLength: 20, nullable: true),
            UnitPrice = t.Column<decimal>(precision: 19, scale: 4),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_ContractLineDetails", x => x.Id);
            t.ForeignKey("FK_ContractLineDetails_ContractLines_ContractLineId", x => x.ContractLineId, "ContractLines", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_ContractLineDetails_ProjectContracts_ContractId", x => x.ContractId, "ProjectContracts", "Id", onDelete: ReferentialAction.Restrict);
        });
        m.CreateIndex("IX_ContractLineDetails_ContractId", "ContractLineDetails", "ContractId");
        m.CreateIndex("IX_ContractLineDetails_ContractLineId", "ContractLineDetails", "ContractLineId");

        AddRollupColumns(m, "ProjectContracts");
        m.AddColumn<int>("PsaStatusReason", "ProjectContracts", nullable: false, defaultValue: (int)Sales.ContractStatusReason.Draft);
        m.AddColumn<Guid>("AccountManagerId", "ProjectContracts", nullable: true);
        m.AddColumn<Guid>("OpportunityId", "ProjectContracts", nullable: true);
        m.AddColumn<Guid>("QuoteId", "ProjectContracts", nullable: true);
        m.AddColumn<DateTime>("ConfirmedOn", "ProjectContracts", nullable: true);
        m.CreateIndex("IX_ProjectContracts_QuoteId", "ProjectContracts", "QuoteId");

        AddRollupColumns(m, "ContractLines");
        m.AddColumn<decimal>("Amount", "ContractLines", precision: 19, scale: 4, nullable: true);
        m.AddColumn<Guid>("InvoiceFrequencyId", "ContractLines", nullable: true);
        m.AddColumn<DateOnly>("BillingStartDate", "ContractLines", nullable: true);
        m.AddColumn<DateOnly>("RequestedDeliveryDate", "ContractLines", nullable: true);
        m.AddColumn<Guid>("QuoteLineId", "ContractLines", nullable: true);
        m.CreateIndex("IX_ContractLines_QuoteLineId", "ContractLines", "QuoteLineId");

        SeedInvoiceFrequencies(m);
    }

    protected override void Down(MigrationBuilder m)
    {
        foreach (var table in new[]
                 {
                     "ContractLineDetails", "ContractLineInvoiceSchedules", "ContractLinePriceLists", "ContractLineCategories", "ContractLineRoles",
                     "QuoteLineDetails", "QuoteLineInvoiceSchedules", "QuoteLineMilestones", "QuoteLinePriceLists", "QuoteLineCategories", "QuoteLineRoles",
                     "QuoteLines", "QuotePriceLists", "Quotes", "OpportunityPriceLists", "OpportunityLines", "Opportunities", "ProjectParameterPriceLists",
                     "ProjectParameters", "InvoiceFrequencyDetails", "InvoiceFrequencies",
                 })
            m.DropTable(table);
        m.DropIndex("IX_ProjectContracts_QuoteId", "ProjectContracts");
        m.DropIndex("IX_ContractLines_QuoteLineId", "ContractLines");
        DropColumns(m, "ProjectContracts", [.. RollupColumns, "PsaStatusReason", "AccountManagerId", "OpportunityId", "QuoteId", "ConfirmedOn"]);
        DropColumns(m, "ContractLines", [.. RollupColumns, "Amount", "InvoiceFrequencyId", "BillingStartDate", "RequestedDeliveryDate", "QuoteLineId"]);
    }

    private static readonly string[] RollupColumns =
        ["SalesAmount", "ChargeableCost", "NonChargeableCost", "GrossMargin", "AdjustedGrossMargin", "ProfitabilityPercent", "Profitability"];

    /// <summary>SQLite drops a plain column in place; EF would rebuild the table, which needs a model this migration does not have.</summary>
    private static void DropColumns(MigrationBuilder m, string table, string[] columns)
    {
        foreach (var column in columns)
            if (m.IsSqlite()) m.Sql($"ALTER TABLE \"{table}\" DROP COLUMN \"{column}\";");
            else m.DropColumn(column, table);
    }

    private static void AddRollupColumns(MigrationBuilder m, string table)
    {
        foreach (var column in new[] { "SalesAmount", "ChargeableCost", "NonChargeableCost", "GrossMargin", "AdjustedGrossMargin" })
            m.AddColumn<decimal>(column, table, precision: 19, scale: 4, nullable: false, defaultValue: 0m);
        m.AddColumn<decimal>("ProfitabilityPercent", table, precision: 9, scale: 2, nullable: true);
        m.AddColumn<int>("Profitability", table, nullable: false, defaultValue: (int)Sales.Profitability.NotAvailable);
    }

    /// <summary>
    /// Weekly and bi-weekly on Fridays, semi-monthly on the 15th and the last day, monthly on the last day (the PSA
    /// parameters' default). Microsoft ships none (they come with configuration data): these are our choice.
    /// </summary>
    private static void SeedInvoiceFrequencies(MigrationBuilder m)
    {
        var sqlite = m.IsSqlite();
        object Id(Guid id) => sqlite ? SqliteValues.GuidBytes(id) : id;
        // Column types are given because a hand-written migration has no model for EF to read them from.
        string[] Types(params string[] postgres) => sqlite ? postgres.Select(t => t is "integer" ? "INTEGER" : "TEXT").ToArray() : postgres;
        var created = new DateTime(2026, 12, 7, 0, 0, 0, DateTimeKind.Utc);
        (Guid Id, string Name, InvoicePeriod Period, int Runs, DaysOfRun Days, (int? Day, Weekday? Weekday)[] Details)[] frequencies =
        [
            (InvoiceFrequency.WeeklyId, "Weekly (Friday)", InvoicePeriod.Weekly, 1, DaysOfRun.WeekdayOfPeriod, [(null, Weekday.Friday)]),
            (InvoiceFrequency.BiweeklyId, "Bi-weekly (Friday)", InvoicePeriod.Biweekly, 1, DaysOfRun.WeekdayOfPeriod, [(null, Weekday.Friday)]),
            (InvoiceFrequency.SemiMonthlyId, "Semi-monthly (15th and last day)", InvoicePeriod.Monthly, 2, DaysOfRun.DayOfPeriod, [(15, null), (31, null)]),
            (InvoiceFrequency.MonthlyLastDayId, "Monthly (last day)", InvoicePeriod.Monthly, 1, DaysOfRun.DayOfPeriod, [(31, null)]),
        ];
        var n = 0;
        foreach (var f in frequencies)
        {
            m.InsertData("InvoiceFrequencies", ["Id", "Name", "Period", "RunsPerPeriod", "DaysOfRun", "CreatedOn"],
                Types("uuid", "character varying(100)", "integer", "integer", "integer", "timestamp with time zone"), [Id(f.Id), f.Name, (int)f.Period, f.Runs, (int)f.Days, created]);
            foreach (var (day, weekday) in f.Details)
                m.InsertData("InvoiceFrequencyDetails", ["Id", "InvoiceFrequencyId", "DayOfMonth", "Weekday", "Occurrence"],
                    Types("uuid", "uuid", "integer", "integer", "integer"), [Id(new Guid($"5a1e5000-0000-4000-8000-0000000001{++n:d2}")), Id(f.Id), day, weekday is null ? null : (int)weekday.Value, null]);
        }
        m.InsertData("ProjectParameters", ["Id", "InvoiceFrequencyId", "ModifiedOn"], Types("uuid", "uuid", "timestamp with time zone"), [Id(ProjectParameter.SingletonId), Id(InvoiceFrequency.MonthlyLastDayId), created]);
    }
}
