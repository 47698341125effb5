using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PsaBridge.Psa.Migrations;

/// <summary>The log of <i>Create project invoices</i>: a header per run and a line per contract it touched. New tables only.</summary>
[DbContext(typeof(PsaDb))]
[Migration("20261207000012_InvoiceRunLog")]
public sealed class InvoiceRunLog : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("InvoiceRunLogHeaders", t => new
        {
            Id = t.Column<Guid>(),
            BatchJobId = t.Column<string>(maxLength: 100, nullable: true),
            JobDescription = t.Column<string>(maxLength: 200),
            RunDate = t.Column<DateOnly>(),
            ExecutionDate = t.Column<DateTime>(),
            FinishedAt = t.Column<DateTime>(nullable: true),
            Status = t.Column<int>(),
            ContractCount = t.Column<int>(),
            InvoicedCount = t.Column<int>(),
            NothingToInvoiceCount = t.Column<int>(),
            FailedCount = t.Column<int>(),
            Message = t.Column<string>(maxLength: 2000, nullable: true),
        }, constraints: t => t.PrimaryKey("PK_InvoiceRunLogHeaders", x => x.Id));
        m.CreateIndex("IX_InvoiceRunLogHeaders_ExecutionDate", "InvoiceRunLogHeaders", "ExecutionDate");

        m.CreateTable("InvoiceRunLogLines", t => new
        {
            HeaderId = t.Column<Guid>(),
            LineNumber = t.Column<int>(),
            ContractId = t.Column<Guid>(),
            ContractName = t.Column<string>(maxLength: 300),
            Outcome = t.Column<int>(),
            InvoiceId = t.Column<Guid>(nullable: true),
            Amount = t.Column<decimal>(precision: 19, scale: 4),
            Currency = t.Column<string>(maxLength: 3),
            Transactions = t.Column<int>(),
            Message = t.Column<string>(maxLength: 1000, nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_InvoiceRunLogLines", x => new { x.HeaderId, x.LineNumber });
            t.ForeignKey("FK_InvoiceRunLogLines_InvoiceRunLogHeaders_HeaderId", x => x.HeaderId, "InvoiceRunLogHeaders", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_InvoiceRunLogLines_ContractId", "InvoiceRunLogLines", "ContractId");
    }

    protected override void Down(MigrationBuilder m)
    {
        m.DropTable("InvoiceRunLogLines");
        m.DropTable("InvoiceRunLogHeaders");
    }
}
