using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using PsaBridge.Infrastructure.Storage;

namespace PsaBridge.Finance.Migrations;

/// <summary>
/// On SQLite, every GUID stored as EF's 36 characters of text becomes its 16 bytes (<see cref="SqliteGuidConverter"/>):
/// the customers' PSA account ids, the integration log's and the zip codes'. Converting the zip codes' ids moves the
/// setup counter (its trigger counts every update), so failed accounts are tried once more: harmless.
/// </summary>
[DbContext(typeof(FinanceDb))]
[Migration("20261202000004_GuidBytes")]
public sealed class GuidBytes : Migration
{
    /// <summary>Every GUID column of the finance tables when this migration was written.</summary>
    public static readonly (string Table, string[] Columns)[] Tables =
    [
        ("Customers", ["PsaAccountId"]),
        ("IntegrationLogHeaders", ["Id"]),
        ("IntegrationLogLines", ["HeaderId", "PsaAccountId"]),
        ("JobLeases", ["HeaderId"]),
        ("SyncFailures", ["PsaAccountId"]),
        ("ZipCodes", ["Id"]),
    ];

    protected override void Up(MigrationBuilder m) => GuidBytesMigration.Up(m, Tables);

    protected override void Down(MigrationBuilder m) => GuidBytesMigration.Down(m, Tables);
}
