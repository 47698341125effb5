using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using PsaBridge.Infrastructure.Storage;

namespace PsaBridge.Psa.Migrations;

/// <summary>
/// On SQLite, every GUID stored as EF's 36 characters of text becomes its 16 bytes (<see cref="SqliteGuidConverter"/>):
/// the actuals, journal lines, origins and connections hold up to eighteen a row, each again in its indexes.
/// </summary>
[DbContext(typeof(PsaDb))]
[Migration("20261202000003_GuidBytes")]
public sealed class GuidBytes : Migration
{
    /// <summary>Every GUID column of the PSA tables when this migration was written.</summary>
    public static readonly (string Table, string[] Columns)[] Tables =
    [
        ("Accounts", ["Id"]),
        ("Actuals", ["Id", "ContractId", "ContractLineId", "ContractOrganizationalUnitId", "CustomerId", "InvoiceId", "PriceListId", "ProjectId", "ResourceId", "ResourceOrganizationalUnitId", "RoleId", "SourceEntryId", "TaskId", "TransactionCategoryId"]),
        ("BookableResources", ["Id", "DefaultRoleId", "OrganizationalUnitId"]),
        ("ContractLines", ["Id", "ContractId", "ProjectId"]),
        ("ContractMilestones", ["Id", "ContractId", "ContractLineId", "InvoiceId"]),
        ("ContractPriceLists", ["ContractId", "PriceListId"]),
        ("Expenses", ["Id", "ProjectId", "ResourceId", "TaskId", "TransactionCategoryId"]),
        ("InvoiceLineDetails", ["Id", "ActualId", "ContractId", "ContractLineId", "ContractOrganizationalUnitId", "CustomerId", "InvoiceId", "InvoiceLineId", "JournalLineId", "MilestoneId", "PriceListId", "ProjectId", "ResourceId", "ResourceOrganizationalUnitId", "RoleId", "SourceEntryId", "TaskId", "TransactionCategoryId"]),
        ("InvoiceLines", ["Id", "ContractLineId", "InvoiceId"]),
        ("Invoices", ["Id", "ContractId", "CustomerId"]),
        ("JournalLines", ["Id", "ContractId", "ContractLineId", "ContractOrganizationalUnitId", "CustomerId", "JournalId", "PriceListId", "ProjectId", "ResourceId", "ResourceOrganizationalUnitId", "RoleId", "SourceEntryId", "TaskId", "TransactionCategoryId"]),
        ("Journals", ["Id"]),
        ("OrganizationalUnits", ["Id"]),
        ("PriceLists", ["Id", "CustomerId", "OrganizationalUnitId"]),
        ("ProjectContracts", ["Id", "ContractingUnitId", "CustomerId"]),
        ("Projects", ["Id", "ContractId", "ContractingUnitId", "CustomerId", "ProjectManagerId"]),
        ("ProjectTasks", ["Id", "ProjectId"]),
        ("ProjectTeamMembers", ["Id", "OrganizationalUnitId", "ProjectId", "ResourceId", "RoleId"]),
        ("RolePrices", ["Id", "OrganizationalUnitId", "PriceListId", "RoleId"]),
        ("Roles", ["Id"]),
        ("TimeEntries", ["Id", "ProjectId", "ResourceId", "ResourceOrganizationalUnitId", "RoleId", "TaskId"]),
        ("TransactionCategories", ["Id"]),
        ("TransactionCategoryPrices", ["Id", "PriceListId", "TransactionCategoryId"]),
        ("TransactionConnections", ["Id", "Transaction1Id", "Transaction2Id"]),
        ("TransactionOrigins", ["Id", "OriginId", "TransactionId"]),
    ];

    protected override void Up(MigrationBuilder m) => GuidBytesMigration.Up(m, Tables);

    protected override void Down(MigrationBuilder m) => GuidBytesMigration.Down(m, Tables);
}
