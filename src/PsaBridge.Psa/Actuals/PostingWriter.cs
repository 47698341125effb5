using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using PsaBridge.Infrastructure.Storage;

namespace PsaBridge.Psa.Actuals;

/// <summary>
/// The bulk side of posting: writes new rows with <see cref="BulkInsert"/> inside the caller's transaction,
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
