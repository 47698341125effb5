using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PsaBridge.Psa.Migrations;

/// <summary>PSA accounts and the version counter their changes are numbered by.</summary>
[DbContext(typeof(PsaDb))]
[Migration("20261122000001_Initial")]
public sealed class Initial : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("VersionCounters", t => new
        {
            Name = t.Column<string>(maxLength: 50),
            Value = t.Column<long>(),
        }, constraints: t => t.PrimaryKey("PK_VersionCounters", x => x.Name));
        m.Sql("INSERT INTO \"VersionCounters\" (\"Name\", \"Value\") VALUES ('rows', 0);");

        m.CreateTable("Accounts", t => new
        {
            Id = t.Column<Guid>(),
            Name = t.Column<string>(maxLength: 160),
            AccountNumber = t.Column<string>(maxLength: 20, nullable: true),
            Currency = t.Column<string>(maxLength: 3, nullable: true),
            Telephone1 = t.Column<string>(maxLength: 50, nullable: true),
            EmailAddress1 = t.Column<string>(maxLength: 100, nullable: true),
            Address1Line1 = t.Column<string>(maxLength: 250, nullable: true),
            Address1Line2 = t.Column<string>(maxLength: 250, nullable: true),
            Address1Line3 = t.Column<string>(maxLength: 250, nullable: true),
            Address1City = t.Column<string>(maxLength: 80, nullable: true),
            Address1StateOrProvince = t.Column<string>(maxLength: 50, nullable: true),
            Address1PostalCode = t.Column<string>(maxLength: 20, nullable: true),
            Address1Country = t.Column<string>(maxLength: 80, nullable: true),
            CreditLimit = t.Column<decimal>(precision: 19, scale: 4, nullable: true),
            PaymentTerms = t.Column<string>(maxLength: 20, nullable: true),
            StateCode = t.Column<int>(),
            CreatedOn = t.Column<DateTime>(),
            ModifiedOn = t.Column<DateTime>(),
            VersionNumber = t.Column<long>(),
        }, constraints: t => t.PrimaryKey("PK_Accounts", x => x.Id));
        m.CreateIndex("IX_Accounts_VersionNumber", "Accounts", "VersionNumber", unique: true);
        m.CreateIndex("IX_Accounts_Name", "Accounts", "Name");
        m.CreateIndex("IX_Accounts_AccountNumber", "Accounts", "AccountNumber");
    }
}
