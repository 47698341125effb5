using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PsaBridge.Psa.Migrations;

/// <summary>
/// The approver's comment on time and expense entries, and corrective invoices: an invoice names the one it corrects, and
/// each invoice line detail keeps what it was drafted at (its previous quantity and amount), whether it is a correction,
/// the detail it corrects and the billed sales it replaces. Details drafted before keep their own quantity and amount as previous.
/// </summary>
[DbContext(typeof(PsaDb))]
[Migration("20261207000008_ApprovalsAndInvoiceCorrections")]
public sealed class ApprovalsAndInvoiceCorrections : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.AddColumn<string>("ApprovalComment", "TimeEntries", maxLength: 500, nullable: true);
        m.AddColumn<string>("ApprovalComment", "Expenses", maxLength: 500, nullable: true);
        m.AddColumn<Guid>("OriginalInvoiceId", "Invoices", nullable: true);
        m.CreateIndex("IX_Invoices_OriginalInvoiceId", "Invoices", "OriginalInvoiceId");
        m.AddColumn<decimal>("PreviousQuantity", "InvoiceLineDetails", precision: 19, scale: 4, nullable: false, defaultValue: 0m);
        m.AddColumn<decimal>("PreviousAmount", "InvoiceLineDetails", precision: 19, scale: 4, nullable: false, defaultValue: 0m);
        m.AddColumn<bool>("IsCorrection", "InvoiceLineDetails", nullable: false, defaultValue: false);
        m.AddColumn<Guid>("OriginalDetailId", "InvoiceLineDetails", nullable: true);
        m.AddColumn<Guid>("BilledActualId", "InvoiceLineDetails", nullable: true);
        m.Sql("UPDATE \"InvoiceLineDetails\" SET \"PreviousQuantity\" = \"Quantity\", \"PreviousAmount\" = \"Amount\";");
    }

    /// <summary>ALTER TABLE ... DROP COLUMN in SQL, which SQLite (3.35 and later) runs in place, as EF's operation cannot without the model.</summary>
    protected override void Down(MigrationBuilder m)
    {
        m.DropIndex("IX_Invoices_OriginalInvoiceId", "Invoices");
        foreach (var (table, column) in new[]
                 {
                     ("InvoiceLineDetails", "BilledActualId"), ("InvoiceLineDetails", "OriginalDetailId"), ("InvoiceLineDetails", "IsCorrection"),
                     ("InvoiceLineDetails", "PreviousAmount"), ("InvoiceLineDetails", "PreviousQuantity"), ("Invoices", "OriginalInvoiceId"),
                     ("Expenses", "ApprovalComment"), ("TimeEntries", "ApprovalComment"),
                 })
            m.Sql($"ALTER TABLE \"{table}\" DROP COLUMN \"{column}\";");
    }
}
