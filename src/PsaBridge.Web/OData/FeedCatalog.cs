using System.Collections.Frozen;
using System.ComponentModel.DataAnnotations;
using System.ComponentModel.DataAnnotations.Schema;
using System.Reflection;

namespace PsaBridge.Web.OData;

/// <summary>One column of a feed entity: the Dataverse property, the PSA property path it reads, and its option set if it is one.</summary>
public sealed record FeedColumn(PropertyInfo Property, string SourcePath, Type? OptionSet);

/// <summary>One entity set of the feed.</summary>
public sealed record FeedSet(string Name, Type EntityType, Type Source, IReadOnlyList<FeedColumn> Columns)
{
    /// <summary>The primary key, the property marked <see cref="KeyAttribute"/>.</summary>
    public PropertyInfo Key { get; } = EntityType.GetProperties().Single(p => p.IsDefined(typeof(KeyAttribute)));
}

/// <summary>
/// Every entity set of the feed, found from the <see cref="FeedEntityAttribute"/> classes of this assembly: adding an
/// entity set is adding one such class. Built by reflection alone, so the EDM model, the serializer and the read model share it.
/// </summary>
public sealed class FeedCatalog
{
    public static readonly FeedCatalog Instance = new(typeof(FeedCatalog).Assembly);

    private readonly FrozenDictionary<(string, string), Type> _optionSets;

    public FeedCatalog(Assembly assembly)
    {
        Sets = assembly.GetTypes()
            .Select(t => (Type: t, Entity: t.GetCustomAttribute<FeedEntityAttribute>()))
            .Where(x => x.Entity is not null)
            .Select(x => new FeedSet(x.Entity!.EntitySet, x.Type, x.Entity.Source, Columns(x.Type, x.Entity.Source)))
            .OrderBy(s => s.Name, StringComparer.Ordinal)
            .ToList();
        _optionSets = Sets.SelectMany(s => s.Columns.Where(c => c.OptionSet is not null).Select(c => (Key: (s.EntityType.Name, c.Property.Name), c.OptionSet!)))
            .ToFrozenDictionary(x => x.Key, x => x.Item2);
    }

    public IReadOnlyList<FeedSet> Sets { get; }

    /// <summary>The set whose entity is <paramref name="entityType"/>, or null.</summary>
    public FeedSet? SetOf(Type entityType) => Sets.FirstOrDefault(s => s.EntityType == entityType);

    /// <summary>The enum whose labels name the values of <paramref name="property"/> of the entity <paramref name="logicalName"/>, or null.</summary>
    public Type? OptionSetOf(string logicalName, string property) => _optionSets.GetValueOrDefault((logicalName, property));

    private static List<FeedColumn> Columns(Type entityType, Type source) =>
        entityType.GetProperties()
            .Where(p => p.GetCustomAttribute<NotMappedAttribute>() is null && IsScalar(p.PropertyType))
            .Select(p =>
            {
                var from = p.GetCustomAttribute<FromAttribute>()
                    ?? throw new InvalidOperationException($"{entityType.Name}.{p.Name} says no [From] PSA property.");
                var sourceType = SourceProperty(source, from.Property).PropertyType;
                var optionSet = Nullable.GetUnderlyingType(sourceType) ?? sourceType;
                return new FeedColumn(p, from.Property, optionSet.IsEnum ? optionSet : null);
            })
            .ToList();

    /// <summary>The PSA property at a dotted path.</summary>
    public static PropertyInfo SourceProperty(Type source, string path)
    {
        PropertyInfo? property = null;
        var type = source;
        foreach (var name in path.Split('.'))
        {
            property = type.GetProperty(name) ?? throw new InvalidOperationException($"{source.Name} has no property {path}.");
            type = property.PropertyType;
        }
        return property!;
    }

    private static bool IsScalar(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(decimal) || t == typeof(Guid) || t == typeof(DateOnly) || t == typeof(DateTime)
            || t == typeof(DateTimeOffset);
    }
}
