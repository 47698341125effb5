using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using PsaBridge.Infrastructure.Storage;
using PsaBridge.Psa;

namespace PsaBridge.Web.OData;

/// <summary>
/// The feed's read model: the <see cref="FeedCatalog"/>'s Dataverse-shaped classes mapped onto the PSA tables, with their
/// lookups as navigation properties, so OData's $filter, $expand and $apply become SQL. Tables and columns are taken from
/// <see cref="PsaDb"/>'s model; this context never writes and never migrates.
/// </summary>
public sealed class FeedDb(DbContextOptions<FeedDb> options, IDbContextFactory<PsaDb> psa) : DbContext(options)
{
    public IQueryable<T> Rows<T>() where T : class => Set<T>().AsNoTracking();

    public override int SaveChanges(bool acceptAllChangesOnSuccess) => throw new InvalidOperationException("The OData feed is read-only.");

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default) =>
        throw new InvalidOperationException("The OData feed is read-only.");

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        SqliteGuidConverter.Apply(configurationBuilder, Database);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        using var db = psa.CreateDbContext();
        foreach (var set in FeedCatalog.Instance.Sets)
        {
            var source = db.Model.FindEntityType(set.Source) ?? throw new InvalidOperationException($"{set.Source.Name} is not a PSA entity.");
            var table = source.GetTableName()!;
            var entity = modelBuilder.Entity(set.EntityType).ToTable(table);
            foreach (var column in set.Columns)
            {
                var from = SourceProperty(source, column.SourcePath);
                var property = entity.Property(column.Property.Name).HasColumnName(
                    from.GetColumnName(StoreObjectIdentifier.Table(table)) ?? throw new InvalidOperationException($"{source.ClrType.Name}.{column.SourcePath} has no column."));
                // The scale tells the storage layer which sums SQLite may take natively (DatabaseLocation.ConfigureForReports).
                if (from.GetScale() is { } scale) property.HasPrecision(from.GetPrecision() ?? 38, scale);
            }
        }
    }

    private static IProperty SourceProperty(IEntityType source, string path)
    {
        var names = path.Split('.');
        var owner = source;
        foreach (var navigation in names[..^1])
            owner = owner.FindNavigation(navigation)?.TargetEntityType ?? throw new InvalidOperationException($"{source.ClrType.Name} owns no {navigation}.");
        return owner.FindProperty(names[^1]) ?? throw new InvalidOperationException($"{source.ClrType.Name}.{path} is not a mapped property.");
    }
}
