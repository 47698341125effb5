using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using PsaBridge.Infrastructure.Storage;

namespace PsaBridge.Psa.Actuals;

/// <summary>
/// The bulk side of posting: writes new rows with the engine's fast path (a reused prepared INSERT on
/// SQLite, <see cref="BulkInsert"/>'s binary COPY on PostgreSQL) inside the caller's transaction,
/// with no change tracking. Columns and value conversions come from the EF model, so a row reads back
/// through EF exactly as if EF had written it.
/// </summary>
public static class PostingWriter
{
    /// <summary>Rows buffered before they are sent: bounds memory however large the posting.</summary>
    private const int FlushEvery = 8_192;

    /// <summary>Writes everything a posting holds, parents first (journal lines refer to their journal).</summary>
    public static async Task WriteAsync(PsaDb db, Posting posting, CancellationToken ct)
    {
        await InsertAsync(db, posting.Journals, ct);
        await InsertAsync(db, posting.JournalLines, ct);
        await InsertAsync(db, posting.Actuals, ct);
        await InsertAsync(db, posting.Origins, ct);
        await InsertAsync(db, posting.Connections, ct);
    }

    /// <summary>Inserts new rows of one entity type. Needs an open transaction (<see cref="DatabaseFacade.BeginTransactionAsync"/>).</summary>
    public static async Task InsertAsync<T>(PsaDb db, IReadOnlyCollection<T> rows, CancellationToken ct) where T : class
    {
        if (rows.Count == 0) return;
        var transaction = db.Database.CurrentTransaction
                          ?? throw new InvalidOperationException("Bulk posting writes inside the caller's transaction; none is open.");
        var table = TableOf<T>.Get(db.Model);
        var connection = db.Database.GetDbConnection();
        var engine = db.Database.Engine();
        if (engine == DatabaseEngine.Sqlite)
        {
            // One reused single-row statement: these tables are wide (actuals have 30 columns), and
            // Microsoft.Data.Sqlite binds by name, which SQLite resolves by a linear search. Measured on the
            // posting benchmark (BENCHMARKS-posting.md): approve 100,000 entries 32.6 s single-row, 41.2 s
            // with BulkInsert's 64-parameter statements; raw insert of the same rows 22.7 s against 29.6 s.
            await using var insert = PreparedStatement.Insert(connection, transaction.GetDbTransaction(), engine, table.Name, table.Columns);
            foreach (var row in rows) await insert.ExecuteAsync(ct, table.Values(row));
            return;
        }
        var bulk = new BulkInsert(connection, transaction.GetDbTransaction(), engine, table.Name, table.Columns);
        foreach (var row in rows)
        {
            bulk.Add(table.Values(row));
            if (bulk.Count >= FlushEvery) await bulk.FlushAsync(ct);
        }
        await bulk.FlushAsync(ct);
    }

    /// <summary>The table, columns, getters and provider converters of an entity type, built once per type.</summary>
    private sealed class TableOf<T> where T : class
    {
        // Per model: SQLite and PostgreSQL models convert values differently (a process may hold both).
        private static readonly ConditionalWeakTable<IModel, TableOf<T>> Cache = new();

        private readonly IClrPropertyGetter[] _getters;
        private readonly Func<object?, object?>?[] _converters;

        private TableOf(IEntityType entityType)
        {
            Name = entityType.GetTableName()!;
            var store = StoreObjectIdentifier.Table(Name, entityType.GetSchema());
            var properties = entityType.GetProperties().ToArray();
            if (properties.FirstOrDefault(p => p.IsShadowProperty()) is { } shadow)
                throw new NotSupportedException($"{typeof(T).Name}.{shadow.Name} is a shadow property; the bulk writer only writes CLR properties.");
            Columns = properties.Select(p => p.GetColumnName(store)!).ToArray();
            _getters = properties.Select(p => p.GetGetter()).ToArray();
            _converters = properties.Select(p => p.GetTypeMapping().Converter?.ConvertToProvider).ToArray();
        }

        public string Name { get; }
        public string[] Columns { get; }

        public static TableOf<T> Get(IModel model) =>
            Cache.GetValue(model, m => new TableOf<T>(m.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the PSA model.")));

        public object?[] Values(T row)
        {
            var values = new object?[_getters.Length];
            for (var i = 0; i < values.Length; i++)
            {
                var value = _getters[i].GetClrValue(row);
                values[i] = value is not null && _converters[i] is { } convert ? convert(value) : value;
            }
            return values;
        }
    }
}
