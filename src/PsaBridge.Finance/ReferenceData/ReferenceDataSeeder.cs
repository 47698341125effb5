using System.Data;
using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using PsaBridge.Infrastructure.Storage;
using PsaBridge.Finance.AddressSetup;
using PsaBridge.Finance.Currencies;

namespace PsaBridge.Finance.ReferenceData;

/// <summary>What one table got from the seed: the rows inserted, or that it was skipped because it already had rows.</summary>
public sealed record SeededTable(string Table, int Inserted, bool SkippedBecauseNotEmpty, TimeSpan Elapsed = default);

public sealed record ReferenceDataSeedResult(IReadOnlyList<SeededTable> Tables, TimeSpan Elapsed)
{
    public int Inserted => Tables.Sum(t => t.Inserted);
    public SeededTable this[string table] => Tables.First(t => t.Table == table);
}

/// <summary>
/// Loads the embedded reference data (<see cref="ReferenceDataFiles"/>) into the finance database: countries,
/// states, cities, zip codes and currencies. Plain SQL on EF's connection in one transaction, not change
/// tracking: the shared bulk path (<see cref="BulkInsert"/>). A table that already has rows is left alone
/// (so seeding twice is harmless); rows whose parent is missing from such a table are left out.
/// </summary>
public static class ReferenceDataSeeder
{
    public static async Task<ReferenceDataSeedResult> SeedAsync(FinanceDb db, CancellationToken ct = default)
    {
        var watch = Stopwatch.StartNew();
        // A bigger page cache while seeding keeps the zip code indexes (random Guid keys) in memory.
        await using var cache = await BulkWriteCache.EnlargeAsync(db.Database, ct);
        var connection = db.Database.GetDbConnection();
        var openedHere = connection.State != ConnectionState.Open;
        if (openedHere) await db.Database.OpenConnectionAsync(ct); // through EF, so its interceptors (SQLite pragmas) run
        var outer = db.Database.CurrentTransaction;
        var transaction = outer?.GetDbTransaction() ?? await connection.BeginTransactionAsync(ct);
        try
        {
            var run = new Run(connection, transaction, ct);
            var tables = new List<SeededTable>();
            foreach (var step in new Func<Task<SeededTable>>[] { run.CountriesAsync, run.StatesAsync, run.CitiesAsync, run.ZipCodesAsync, run.CurrenciesAsync })
            {
                var started = watch.Elapsed;
                tables.Add(await step() with { Elapsed = watch.Elapsed - started });
            }
            if (outer is null) await transaction.CommitAsync(ct);
            return new ReferenceDataSeedResult(tables, watch.Elapsed);
        }
        catch
        {
            if (outer is null) await transaction.RollbackAsync(CancellationToken.None);
            throw;
        }
        finally
        {
            if (outer is null) await transaction.DisposeAsync();
            if (openedHere) await db.Database.CloseConnectionAsync();
        }
    }

    private sealed class Run(DbConnection connection, DbTransaction transaction, CancellationToken ct)
    {
        // Keys present after each step (inserted now, or already in the table), to keep children consistent.
        private HashSet<string>? _countries;
        private HashSet<string>? _states;
        private HashSet<string>? _cities;

        public async Task<SeededTable> CountriesAsync()
        {
            const string table = "Countries";
            if (await HasRowsAsync(table))
            {
                _countries = await KeysAsync($"SELECT \"Id\" FROM \"{table}\"");
                return new SeededTable(table, 0, true);
            }
            _countries = new HashSet<string>(StringComparer.Ordinal);
            var n = await InsertAsync(table,
                ["Id", "Iso2", "Name"],
                ReferenceDataFiles.Countries().Where(c => _countries.Add(c.Id)),
                (Country c, object?[] v) => { v[0] = c.Id; v[1] = c.Iso2; v[2] = c.Name; });
            return new SeededTable(table, n, false);
        }

        public async Task<SeededTable> StatesAsync()
        {
            const string table = "States";
            if (await HasRowsAsync(table))
            {
                _states = await KeysAsync($"SELECT \"CountryId\", \"StateId\" FROM \"{table}\"");
                return new SeededTable(table, 0, true);
            }
            _states = new HashSet<string>(StringComparer.Ordinal);
            var n = await InsertAsync(table,
                ["CountryId", "StateId", "Name", "Type"],
                ReferenceDataFiles.States().Where(s => _countries!.Contains(s.CountryId) && _states.Add(Key(s.CountryId, s.StateId))),
                (State s, object?[] v) => { v[0] = s.CountryId; v[1] = s.StateId; v[2] = s.Name; v[3] = s.Type; });
            return new SeededTable(table, n, false);
        }

        public async Task<SeededTable> CitiesAsync()
        {
            const string table = "Cities";
            var zipCodesNeedCities = !await HasRowsAsync("ZipCodes");
            if (await HasRowsAsync(table))
            {
                if (zipCodesNeedCities) _cities = await KeysAsync($"SELECT \"CountryId\", \"StateId\", \"Name\" FROM \"{table}\"");
                return new SeededTable(table, 0, true);
            }
            _cities = new HashSet<string>(StringComparer.Ordinal);
            var n = await InsertAsync(table,
                ["CountryId", "StateId", "Name"],
                ReferenceDataFiles.Cities().Where(c => _states!.Contains(Key(c.CountryId, c.StateId)) && _cities.Add(Key(c.CountryId, c.StateId, c.Name))),
                (City c, object?[] v) => { v[0] = c.CountryId; v[1] = c.StateId; v[2] = c.Name; });
            return new SeededTable(table, n, false);
        }

        public async Task<SeededTable> ZipCodesAsync()
        {
            const string table = "ZipCodes";
            if (await HasRowsAsync(table)) return new SeededTable(table, 0, true);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var n = await InsertAsync(table,
                ["Id", "CountryId", "Code", "StateId", "City", "CreatedBySyncAt"],
                ReferenceDataFiles.ZipCodes().Where(z => _cities!.Contains(Key(z.CountryId, z.StateId, z.City)) && seen.Add(Key(z.CountryId, z.Code, z.StateId, z.City))),
                (ZipCode z, object?[] v) => { v[0] = z.Id; v[1] = z.CountryId; v[2] = z.Code; v[3] = z.StateId; v[4] = z.City; v[5] = z.CreatedBySyncAt; });
            return new SeededTable(table, n, false);
        }

        public async Task<SeededTable> CurrenciesAsync()
        {
            const string table = "Currencies";
            if (await HasRowsAsync(table)) return new SeededTable(table, 0, true);
            var n = await InsertAsync(table,
                ["Code", "Name", "NumericCode"],
                ReferenceDataFiles.Currencies(),
                (Currency c, object?[] v) => { v[0] = c.Code; v[1] = c.Name; v[2] = c.NumericCode; });
            return new SeededTable(table, n, false);
        }

        private static string Key(string a, string b) => string.Concat(a, "\u001f", b);
        private static string Key(string a, string b, string c) => string.Concat(a, "\u001f", b, "\u001f", c);
        private static string Key(string a, string b, string c, string d) => string.Join('\u001f', a, b, c, d);

        private DbCommand Command(string sql)
        {
            var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            return command;
        }

        private async Task<bool> HasRowsAsync(string table)
        {
            await using var command = Command($"SELECT EXISTS (SELECT 1 FROM \"{table}\")");
            return Convert.ToBoolean(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
        }

        private async Task<HashSet<string>> KeysAsync(string sql)
        {
            var keys = new HashSet<string>(StringComparer.Ordinal);
            await using var command = Command(sql);
            await using var reader = await command.ExecuteReaderAsync(ct);
            var parts = new string[reader.FieldCount];
            while (await reader.ReadAsync(ct))
            {
                for (var i = 0; i < parts.Length; i++) parts[i] = reader.GetString(i);
                keys.Add(string.Join('\u001f', parts));
            }
            return keys;
        }

        /// <summary>Through the shared bulk path (<see cref="BulkInsert"/>).</summary>
        private async Task<int> InsertAsync<T>(string table, string[] columns, IEnumerable<T> rows, Action<T, object?[]> fill)
        {
            var bulk = new BulkInsert(connection, transaction, table, columns);
            foreach (var row in rows)
            {
                var values = new object?[columns.Length];
                fill(row, values);
                bulk.Add(values);
            }
            var count = bulk.Count;
            await bulk.FlushAsync(ct);
            return count;
        }
    }
}
