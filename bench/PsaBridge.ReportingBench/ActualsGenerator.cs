using PsaBridge.Infrastructure.Storage;
using PsaBridge.Psa;
using PsaBridge.Psa.Accounts;
using PsaBridge.Psa.Actuals;
using PsaBridge.Psa.OrganizationalUnits;
using PsaBridge.Psa.Projects;

namespace PsaBridge.ReportingBench;

/// <summary>
/// N actuals over 1,000 projects of 200 customers in 10 contracting units, dated over three years: for every hour
/// approved a cost and an unbilled sales actual, and for a third of them the invoice's reversal and billed sales.
/// </summary>
public static class ActualsGenerator
{
    public const int Projects = 1_000, Customers = 200, Units = 10;

    public static async Task GenerateAsync(PsaDb db, int count)
    {
        var now = DateTime.UtcNow;
        var units = Enumerable.Range(0, Units).Select(i => new OrganizationalUnit { Id = Ids.New(), Name = $"Unit {i}", Currency = "USD", CreatedOn = now }).ToList();
        var customers = Enumerable.Range(0, Customers).Select(i => new Account { Id = Ids.New(), Name = $"Customer {i}", CreatedOn = now, ModifiedOn = now, VersionNumber = i + 1 }).ToList();
        var projects = Enumerable.Range(0, Projects).Select(i => new Project
        {
            Id = Ids.New(), Name = $"Project {i}", CustomerId = customers[i % Customers].Id, ContractingUnitId = units[i % Units].Id, CreatedOn = now,
        }).ToList();
        db.AddRange(units);
        db.AddRange(customers);
        db.AddRange(projects);
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();

        var random = new Random(24);
        var start = new DateOnly(2016, 1, 1);
        const int chunk = 50_000;
        for (var done = 0; done < count; done += chunk)
        {
            var rows = new List<Actual>(chunk);
            while (rows.Count < Math.Min(chunk, count - done))
            {
                var project = projects[random.Next(Projects)];
                var date = start.AddDays(random.Next(3 * 365));
                var hours = random.Next(1, 9);
                rows.Add(Row(TransactionType.Cost, project, date, hours, 50m, now));
                if (rows.Count < chunk && done + rows.Count < count) rows.Add(Row(TransactionType.UnbilledSales, project, date, hours, 100m, now));
                if (random.Next(3) == 0 && rows.Count + 2 <= chunk && done + rows.Count + 2 <= count)
                {
                    rows.Add(Row(TransactionType.UnbilledSales, project, date.AddDays(30), -hours, 100m, now));
                    rows.Add(Row(TransactionType.BilledSales, project, date.AddDays(30), hours, 100m, now));
                }
            }
            await using var transaction = await db.Database.BeginTransactionAsync();
            await BulkInsert.InsertEntitiesAsync(db, rows, CancellationToken.None);
            await transaction.CommitAsync();
        }
    }

    private static Actual Row(TransactionType type, Project project, DateOnly date, decimal hours, decimal price, DateTime now) => new()
    {
        Id = Ids.New(),
        TransactionType = type,
        TransactionClass = TransactionClass.Time,
        BillingType = BillingType.Chargeable,
        DocumentDate = date,
        AccountingDate = date,
        Quantity = hours,
        UnitPrice = price,
        Amount = hours * price,
        Currency = "USD",
        ProjectId = project.Id,
        CustomerId = project.CustomerId,
        ContractOrganizationalUnitId = project.ContractingUnitId,
        BillingStatus = type == TransactionType.Cost ? null : BillingStatus.UnbilledSalesCreated,
        CreatedOn = now,
    };
}
