using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PsaBridge.Psa.Migrations;

/// <summary>
/// The index on an actual's invoice holds only actuals that are on an invoice. "Not on an invoice" matches nearly every
/// actual, so no query should walk an index for it; a planner without statistics (SQLite's, after a bulk load) did.
/// </summary>
[DbContext(typeof(PsaDb))]
[Migration("20261207000014_InvoicedActualsIndex")]
public sealed class InvoicedActualsIndex : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.DropIndex("IX_Actuals_InvoiceId", "Actuals");
        m.CreateIndex("IX_Actuals_InvoiceId", "Actuals", "InvoiceId", filter: "\"InvoiceId\" IS NOT NULL");
    }

    protected override void Down(MigrationBuilder m)
    {
        m.DropIndex("IX_Actuals_InvoiceId", "Actuals");
        m.CreateIndex("IX_Actuals_InvoiceId", "Actuals", "InvoiceId");
    }
}
