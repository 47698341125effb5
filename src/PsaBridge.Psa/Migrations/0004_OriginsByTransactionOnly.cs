using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PsaBridge.Psa.Migrations;

/// <summary>
/// Drops the index of transaction origins by their origin: no query reads origins that way (an actual's origins are read by
/// the actual, a journal line's by the line, the actuals of an entry by <c>Actuals.SourceEntryId</c>), yet every posted
/// actual wrote two to five entries into it, at places spread over the whole index.
/// </summary>
[DbContext(typeof(PsaDb))]
[Migration("20261202000004_OriginsByTransactionOnly")]
public sealed class OriginsByTransactionOnly : Migration
{
    protected override void Up(MigrationBuilder m) => m.DropIndex("IX_TransactionOrigins_OriginId", "TransactionOrigins");

    protected override void Down(MigrationBuilder m) => m.CreateIndex("IX_TransactionOrigins_OriginId", "TransactionOrigins", "OriginId");
}
