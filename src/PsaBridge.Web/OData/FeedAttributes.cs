namespace PsaBridge.Web.OData;

/// <summary>
/// Marks a class as an entity of the OData feed: its Dataverse entity set name and the PSA entity whose table it reads.
/// The class's own name is the Dataverse logical name of the entity and its properties are the logical names of the columns.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class FeedEntityAttribute(string entitySet, Type source) : Attribute
{
    public string EntitySet { get; } = entitySet;
    public Type Source { get; } = source;
}

/// <summary>
/// The PSA property a feed property reads (a dotted path for an owned type's property, <c>Address1.City</c>). The column,
/// and for an enum the option set whose label the feed adds, are taken from it, so the feed cannot drift from the schema.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class FromAttribute(string property) : Attribute
{
    public string Property { get; } = property;
}
