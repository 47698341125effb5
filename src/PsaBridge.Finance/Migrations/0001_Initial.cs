using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PsaBridge.Finance.Migrations;

/// <summary>Finance master data: address setup, currencies, payment terms, customer groups, number sequences, customers.</summary>
[DbContext(typeof(FinanceDb))]
[Migration("20261122000001_Initial")]
public sealed class Initial : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("Countries", t => new
        {
            Id = t.Column<string>(maxLength: 3),
            Iso2 = t.Column<string>(maxLength: 2),
            Name = t.Column<string>(maxLength: 100),
        }, constraints: t => t.PrimaryKey("PK_Countries", x => x.Id));
        m.CreateIndex("IX_Countries_Iso2", "Countries", "Iso2", unique: true);

        m.CreateTable("States", t => new
        {
            CountryId = t.Column<string>(maxLength: 3),
            StateId = t.Column<string>(maxLength: 10),
            Name = t.Column<string>(maxLength: 100),
            Type = t.Column<string>(maxLength: 60, nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_States", x => new { x.CountryId, x.StateId });
            t.ForeignKey("FK_States_Countries_CountryId", x => x.CountryId, "Countries", "Id", onDelete: ReferentialAction.Cascade);
        });

        m.CreateTable("Cities", t => new
        {
            CountryId = t.Column<string>(maxLength: 3),
            StateId = t.Column<string>(maxLength: 10),
            Name = t.Column<string>(maxLength: 60),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_Cities", x => new { x.CountryId, x.StateId, x.Name });
            t.ForeignKey("FK_Cities_States_CountryId_StateId", x => new { x.CountryId, x.StateId }, "States",
                ["CountryId", "StateId"], onDelete: ReferentialAction.Cascade);
        });

        m.CreateTable("ZipCodes", t => new
        {
            Id = t.Column<Guid>(),
            CountryId = t.Column<string>(maxLength: 3),
            Code = t.Column<string>(maxLength: 10),
            StateId = t.Column<string>(maxLength: 10),
            City = t.Column<string>(maxLength: 60),
            CreatedBySyncAt = t.Column<DateTime>(nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_ZipCodes", x => x.Id);
            t.ForeignKey("FK_ZipCodes_Cities_CountryId_StateId_City", x => new { x.CountryId, x.StateId, x.City }, "Cities",
                ["CountryId", "StateId", "Name"], onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_ZipCodes_CountryId_Code_StateId_City", "ZipCodes", ["CountryId", "Code", "StateId", "City"], unique: true);
        m.CreateIndex("IX_ZipCodes_CountryId_StateId_City", "ZipCodes", ["CountryId", "StateId", "City"]);

        m.CreateTable("Currencies", t => new
        {
            Code = t.Column<string>(maxLength: 3),
            Name = t.Column<string>(maxLength: 100),
            NumericCode = t.Column<string>(maxLength: 3, nullable: true),
        }, constraints: t => t.PrimaryKey("PK_Currencies", x => x.Code));

        m.CreateTable("PaymentTerms", t => new
        {
            Code = t.Column<string>(maxLength: 10),
            Description = t.Column<string>(maxLength: 60),
            NetDays = t.Column<int>(),
        }, constraints: t => t.PrimaryKey("PK_PaymentTerms", x => x.Code));

        m.CreateTable("CustomerGroups", t => new
        {
            Id = t.Column<string>(maxLength: 10),
            Description = t.Column<string>(maxLength: 60),
            DefaultPaymentTerms = t.Column<string>(maxLength: 10, nullable: true),
        }, constraints: t => t.PrimaryKey("PK_CustomerGroups", x => x.Id));

        m.CreateTable("NumberSequences", t => new
        {
            Code = t.Column<string>(maxLength: 20),
            Name = t.Column<string>(maxLength: 60),
            Format = t.Column<string>(maxLength: 30),
            Next = t.Column<long>(),
            Smallest = t.Column<long>(),
            Largest = t.Column<long>(),
            Continuous = t.Column<bool>(),
        }, constraints: t => t.PrimaryKey("PK_NumberSequences", x => x.Code));

        m.CreateTable("Customers", t => new
        {
            CustomerAccount = t.Column<string>(maxLength: 20),
            Name = t.Column<string>(maxLength: 100),
            RelationType = t.Column<string>(maxLength: 20),
            CustomerGroupId = t.Column<string>(maxLength: 10),
            Currency = t.Column<string>(maxLength: 10, nullable: true),
            PaymentTerms = t.Column<string>(maxLength: 10, nullable: true),
            CreditLimit = t.Column<decimal>(precision: 19, scale: 4),
            Phone = t.Column<string>(maxLength: 255, nullable: true),
            Email = t.Column<string>(maxLength: 255, nullable: true),
            AddressStreet = t.Column<string>(maxLength: 250, nullable: true),
            AddressCity = t.Column<string>(maxLength: 60, nullable: true),
            AddressState = t.Column<string>(maxLength: 10, nullable: true),
            AddressCounty = t.Column<string>(maxLength: 10, nullable: true),
            AddressZipCode = t.Column<string>(maxLength: 10, nullable: true),
            AddressCountryRegion = t.Column<string>(maxLength: 10, nullable: true),
            PsaAccountId = t.Column<Guid>(nullable: true),
            CreatedAt = t.Column<DateTime>(),
            ModifiedAt = t.Column<DateTime>(),
        }, constraints: t => t.PrimaryKey("PK_Customers", x => x.CustomerAccount));
        m.CreateIndex("IX_Customers_PsaAccountId", "Customers", "PsaAccountId", unique: true);
        m.CreateIndex("IX_Customers_Name", "Customers", "Name");
    }
}
