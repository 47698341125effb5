using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;
using LinqToDB;
using LinqToDB.Data;
using LinqToDB.EntityFrameworkCore;
using LinqToDB.Mapping;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace PsaBridge.Infrastructure.Storage;

/// <summary>
/// New entities written in the caller's open transaction with linq2db's <c>BulkCopyAsync</c>, which maps them from the EF
/// model (its columns and value converters, so a row reads back as if EF had saved it): binary COPY on PostgreSQL. On
/// SQLite one prepared single-row INSERT (<see cref="Sqlite.SqliteBulkInsert"/>), which beat linq2db's multi-row INSERTs
/// there (BENCHMARKS.md). No change tracking.
/// </summary>
public static class EntityBulkCopy
{
    // Per model (one per engine): what linq2db needs besides what it reads from the EF model.
    private static readonly ConditionalWeakTable<IModel, MappingSchema> Schemas = new();

    private static readonly BulkCopyOptions Options = new() { BulkCopyType = BulkCopyType.ProviderSpecific };

    public static async Task InsertAsync<T>(DbContext db, IReadOnlyCollection<T> rows, CancellationToken ct) where T : class
    {
        if (rows.Count == 0) return;
        var transaction = db.Database.CurrentTransaction
                          ?? throw new InvalidOperationException("Bulk inserts write inside the caller's transaction; none is open.");
        RefuseMissingOwned(db.Model, rows);
        if (db.Database.IsSqlite())
        {
            Sqlite.SqliteBulkInsert.Insert(db, rows, ct);
            return;
        }
        await using var connection = db.CreateLinqToDBConnection(transaction);
        connection.AddMappingSchema(Schemas.GetValue(db.Model, Schema));
        await connection.BulkCopyAsync(Options, rows, ct);
    }

    /// <summary>EF refuses to save an entity without a required owned reference; so does this, naming it, before anything is written.</summary>
    private static void RefuseMissingOwned<T>(IModel model, IReadOnlyCollection<T> rows) where T : class
    {
        var entity = model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        foreach (var navigation in entity.GetNavigations().Where(n => n.TargetEntityType.IsOwned() && n.ForeignKey.IsRequiredDependent))
        {
            var getter = navigation.GetGetter();
            if (rows.Any(r => getter.GetClrValue(r) is null))
                throw new InvalidOperationException($"{typeof(T).Name}.{navigation.Name} is required and missing; the rows were not written.");
        }
    }

    /// <summary>
    /// The columns of every owned reference kept in its owner's table (a customer's address), as linq2db member paths, which
    /// linq2db does not read from EF.
    /// </summary>
    private static MappingSchema Schema(IModel model)
    {
        var schema = new MappingSchema();
        var builder = new FluentMappingBuilder(schema);
        foreach (var entity in model.GetEntityTypes().Where(e => !e.IsOwned() && e.ClrType is { IsAbstract: false }))
        foreach (var navigation in entity.GetNavigations().Where(n => n.TargetEntityType.IsOwned() && n.TargetEntityType.GetTableName() == entity.GetTableName()))
        {
            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            foreach (var property in navigation.TargetEntityType.GetProperties().Where(p => !p.IsPrimaryKey() && p.PropertyInfo is not null))
                MapColumn.MakeGenericMethod(entity.ClrType).Invoke(null, [builder, navigation.PropertyInfo!, property.PropertyInfo!, property.GetColumnName(table)!]);
        }
        builder.Build();
        return schema;
    }

    private static readonly MethodInfo MapColumn = typeof(EntityBulkCopy).GetMethod(nameof(Column), BindingFlags.NonPublic | BindingFlags.Static)!;

    private static void Column<TEntity>(FluentMappingBuilder builder, PropertyInfo owned, PropertyInfo property, string column)
    {
        var row = Expression.Parameter(typeof(TEntity), "row");
        var path = Expression.Lambda<Func<TEntity, object?>>(Expression.Convert(Expression.Property(Expression.Property(row, owned), property), typeof(object)), row);
        builder.Entity<TEntity>().Property(path).HasColumnName(column);
    }
}
