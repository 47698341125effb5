using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PsaBridge.Psa.Migrations;

/// <summary>
/// Two indexes on the actuals for the reports (issue 24): project, type, currency and amount, which holds every column the
/// profitability report and the feed's totals by project and type read, so they scan the index and never the table; and the
/// actuals list's order (document date, created, type, id), so the export streams in that order without sorting every row.
/// </summary>
[DbContext(typeof(PsaDb))]
[Migration("20261207000013_ReportingIndexes")]
public sealed class ReportingIndexes : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateIndex("IX_Actuals_ProjectId_TransactionType_Currency_Amount", "Actuals", ["ProjectId", "TransactionType", "Currency", "Amount"]);
        m.CreateIndex("IX_Actuals_DocumentDate_CreatedOn_TransactionType_Id", "Actuals", ["DocumentDate", "CreatedOn", "TransactionType", "Id"]);
    }

    protected override void Down(MigrationBuilder m)
    {
        m.DropIndex("IX_Actuals_DocumentDate_CreatedOn_TransactionType_Id", "Actuals");
        m.DropIndex("IX_Actuals_ProjectId_TransactionType_Currency_Amount", "Actuals");
    }
}
