using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PsaBridge.Finance.Migrations;

/// <summary>
/// Drops the index of integration log lines by customer account. A customer's history is read by the PSA account it came
/// from (every line names the account it synchronized), so nothing reads lines by customer account any more; yet every line
/// of every run wrote an entry into it: a million a full synchronization of a million accounts.
/// </summary>
[DbContext(typeof(FinanceDb))]
[Migration("20261202000005_LogLinesByPsaAccount")]
public sealed class LogLinesByPsaAccount : Migration
{
    protected override void Up(MigrationBuilder m) => m.DropIndex("IX_IntegrationLogLines_CustomerAccount", "IntegrationLogLines");

    protected override void Down(MigrationBuilder m) => m.CreateIndex("IX_IntegrationLogLines_CustomerAccount", "IntegrationLogLines", "CustomerAccount");
}
