using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace PsaBridge.Infrastructure.Storage;

/// <summary>
/// Reads whole entities of one table through <see cref="SqliteQuery"/>, for the bulk paths' reads on SQLite
/// (an approval batch's 20,000 journal lines): EF's data reader took 30 µs a row for them. Columns and value
/// conversions come from the EF model (<see cref="EntityTable{T}"/>, the table the bulk writes use too), so an
/// entity reads back as EF would have read it. Untracked, as <c>AsNoTracking</c>.
/// </summary>
public static class SqliteEntities
{
    /// <summary>
    /// The entities of <typeparamref name="T"/>'s table matching <paramref name="condition"/> (SQL over our own column
    /// names, with <c>?</c> for <paramref name="parameters"/>, bound in order).
    /// </summary>
    public static Task<List<T>> ReadAsync<T>(DbContext db, string condition, object?[] parameters, CancellationToken ct) where T : class
    {
        var map = Of<T>(db.Model);
        return SqliteQuery.ReadAsync(db.Database, $"SELECT {map.Select()} FROM \"{map.Name}\" WHERE {condition}", parameters, row => map.Read(row, 0), ct);
    }

    /// <summary>
    /// The table of <typeparamref name="T"/> in <paramref name="model"/>, for a query of the caller's own (a join), its
    /// materializer built: an entity it cannot read is refused here, not at its first row.
    /// </summary>
    public static EntityTable<T> Of<T>(IModel model) where T : class
    {
        var table = EntityTable<T>.Get(model);
        table.EnsureReadable();
        return table;
    }
}
