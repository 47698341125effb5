using PsaBridge.Infrastructure.Storage;
using PsaBridge.Psa;
using PsaBridge.Psa.Actuals;

namespace PsaBridge.Reporting.Tests;

/// <summary>Many plain actuals written straight into the PSA database, for the paging tests.</summary>
internal static class ActualRows
{
    public static async Task<List<Guid>> InsertAsync(PsaDb db, int count, Guid projectId)
    {
        var rows = Enumerable.Range(0, count).Select(i => new Actual
        {
            Id = Ids.New(),
            TransactionType = i % 2 == 0 ? TransactionType.Cost : TransactionType.UnbilledSales,
            TransactionClass = TransactionClass.Time,
            BillingType = BillingType.Chargeable,
            DocumentDate = new DateOnly(2018, 1, 1).AddDays(i % 365),
            Quantity = 1,
            UnitPrice = 10,
            Amount = 10,
            Currency = "USD",
            ProjectId = projectId,
            CreatedOn = new DateTime(2018, 1, 1, 0, 0, 0, DateTimeKind.Utc),
        }).ToList();
        await using var transaction = await db.Database.BeginTransactionAsync();
        await BulkInsert.InsertEntitiesAsync(db, rows, CancellationToken.None);
        await transaction.CommitAsync();
        return rows.Select(r => r.Id).ToList();
    }
}
