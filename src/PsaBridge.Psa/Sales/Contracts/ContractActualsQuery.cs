using Microsoft.EntityFrameworkCore;
using PsaBridge.Psa.Actuals;

namespace PsaBridge.Psa.Sales.Contracts;

/// <summary>
/// What the Actuals say of contracts: actual cost, unbilled sales and billed sales, each summed over its actuals with
/// their reversals (so invoiced work leaves unbilled sales and counts once, as billed sales).
/// </summary>
public static class ContractActualsQuery
{
    public static async Task FillAsync(PsaDb db, IReadOnlyCollection<ProjectContract> contracts, CancellationToken ct)
    {
        if (contracts.Count == 0) return;
        var ids = contracts.Select(c => c.Id).ToList();
        // Amounts are summed here, not in SQL: SQLite keeps decimals as text.
        var rows = await db.Set<Actual>().AsNoTracking().Where(a => a.ContractId != null && ids.Contains(a.ContractId.Value))
            .Select(a => new { ContractId = a.ContractId!.Value, a.ContractLineId, a.TransactionType, a.Amount }).ToListAsync(ct);
        foreach (var contract in contracts)
        {
            var mine = rows.Where(r => r.ContractId == contract.Id).ToList();
            contract.Actuals = Sum(mine.Select(r => (r.TransactionType, r.Amount)));
            foreach (var line in contract.Lines) line.Actuals = Sum(mine.Where(r => r.ContractLineId == line.Id).Select(r => (r.TransactionType, r.Amount)));
        }
    }

    public static ContractActuals Sum(IEnumerable<(TransactionType Type, decimal Amount)> actuals)
    {
        decimal cost = 0, unbilled = 0, billed = 0;
        foreach (var (type, amount) in actuals)
        {
            if (type == TransactionType.Cost) cost += amount;
            else if (type == TransactionType.UnbilledSales) unbilled += amount;
            else if (type == TransactionType.BilledSales) billed += amount;
        }
        return new ContractActuals(cost, unbilled, billed);
    }
}
