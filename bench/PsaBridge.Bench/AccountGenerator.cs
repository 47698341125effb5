using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using PsaBridge.Finance;
using PsaBridge.Infrastructure.Storage;
using PsaBridge.Psa;

namespace PsaBridge.Bench;

/// <summary>
/// Realistic PSA accounts: addresses drawn from the real zip codes in finance (so they validate),
/// 70% with an account number, about 5% broken the way users break them.
/// </summary>
public static class AccountGenerator
{
    private sealed record Place(string Country, string State, string City, string Zip);

    public static async Task GenerateAsync(FinanceDb finance, PsaDb psa, int count)
    {
        var places = await finance.ZipCodes.AsNoTracking()
            .Join(finance.Countries, z => z.CountryId, c => c.Id, (z, c) => new { c.Iso2, z.StateId, z.City, z.Code })
            .Take(50_000).ToListAsync();
        var sample = places.Select(p => new Place(p.Iso2, p.StateId, p.City, p.Code)).ToArray();
        var random = new Random(42);
        string[] terms = ["Net10", "Net30", "Net45", "Net60", "Due on receipt"];

        await psa.Database.OpenConnectionAsync();
        var connection = psa.Database.GetDbConnection();
        var engine = psa.Database.Engine();
        var now = DateTime.UtcNow;
        const int batch = 50_000;
        for (var start = 1; start <= count; start += batch)
        {
            await using var tx = await connection.BeginTransactionAsync();
            await using var insert = PreparedStatement.Insert(connection, tx, engine, "Accounts", "Id", "Name", "AccountNumber", "Currency", "Telephone1",
                "EmailAddress1", "Address1Line1", "Address1City", "Address1StateOrProvince", "Address1PostalCode", "Address1Country", "CreditLimit",
                "PaymentTerms", "StateCode", "CreatedOn", "ModifiedOn", "VersionNumber");
            for (var i = start; i < start + batch && i <= count; i++)
            {
                var place = sample[random.Next(sample.Length)];
                string state = place.State, city = place.City, country = place.Country, term = terms[random.Next(terms.Length)];
                if (i % 20 == 0)
                {
                    switch (i / 20 % 4)
                    {
                        case 0: state = "Atlantis"; break;
                        case 1: city = "Nowhereville"; break;
                        case 2: term = "Net999"; break;
                        default: country = "Narnia"; break;
                    }
                }
                await insert.ExecuteAsync(default, Guid.CreateVersion7(), $"Customer {i} Ltd", random.Next(10) < 7 ? $"A{i:D8}" : null,
                    country == "US" ? "USD" : "EUR", "+1 425 555 0100", $"ap{i}@example.com", $"{i} Main St", city, state, place.Zip, country,
                    (decimal)random.Next(1, 500) * 1000m, term, 0, now, now, (long)i);
            }
            await tx.CommitAsync();
        }
        await psa.Database.ExecuteSqlRawAsync("UPDATE \"VersionCounters\" SET \"Value\" = {0}", (long)count);
    }

    /// <summary>Changes <paramref name="changed"/> random accounts (a new credit limit and a new version each).</summary>
    private static int _rounds;

    /// <summary>Changes the credit limit of random accounts: other accounts and another limit each time it is called.</summary>
    public static async Task ChangeAsync(PsaDb psa, int changed)
    {
        var round = _rounds++;
        var ids = await psa.Accounts.AsNoTracking().OrderBy(a => a.VersionNumber).Select(a => a.Id).ToListAsync();
        var random = new Random(7 + round);
        var pick = Enumerable.Range(0, changed).Select(_ => ids[random.Next(ids.Count)]).Distinct().ToList();
        await psa.Database.OpenConnectionAsync();
        var connection = psa.Database.GetDbConnection();
        await using var tx = await connection.BeginTransactionAsync();
        await using var update = new PreparedStatement(connection, tx, psa.Database.Engine(),
            "UPDATE \"Accounts\" SET \"CreditLimit\" = @p0, \"VersionNumber\" = @p1, \"ModifiedOn\" = @p2 WHERE \"Id\" = @p3", 4);
        var version = await psa.Database.SqlQueryRaw<long>("SELECT \"Value\" AS \"Value\" FROM \"VersionCounters\"").SingleAsync();
        foreach (var id in pick) await update.ExecuteAsync(default, 777_000m + round, ++version, DateTime.UtcNow, id);
        await using (var counter = new PreparedStatement(connection, tx, psa.Database.Engine(), "UPDATE \"VersionCounters\" SET \"Value\" = @p0", 1))
            await counter.ExecuteAsync(default, version);
        await tx.CommitAsync();
    }
}
