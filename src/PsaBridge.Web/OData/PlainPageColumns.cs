using System.Collections.Concurrent;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.OData.Query.Wrapper;
using Microsoft.OData.Edm;

namespace PsaBridge.Web.OData;

/// <summary>
/// The properties a plain page writes for each row, in the order the library writes them, each with its compiled writer and,
/// for an option set, the name of its label annotation (written before the value, as the library does).
/// </summary>
public sealed class PlainPageColumns
{
    private static readonly ConcurrentDictionary<(Type, string), PlainPageColumns> Cache = new();

    private readonly Column[] _columns;

    private PlainPageColumns(Type rowType, IReadOnlyList<IEdmStructuralProperty> properties)
    {
        _columns = properties.Select(p =>
        {
            var property = rowType.GetProperty(p.Name)!;
            var optionSet = FeedCatalog.Instance.OptionSetOf(rowType.Name, p.Name);
            return new Column(p.Name, Name(p.Name), optionSet is null ? default : Name(p.Name + "@" + FormattedValueSerializer.FormattedValue), optionSet,
                FeedValues.WriterOf(rowType, property), property.GetValue);
        }).ToArray();
    }

    /// <summary>The columns of <paramref name="properties"/> of <paramref name="rowType"/>, or null when one is of a type this writer does not write.</summary>
    public static PlainPageColumns? For(Type rowType, IReadOnlyList<IEdmStructuralProperty> properties)
    {
        if (properties.Any(p => rowType.GetProperty(p.Name) is not { } clr || !FeedValues.Supports(clr.PropertyType))) return null;
        return Cache.GetOrAdd((rowType, string.Join(',', properties.Select(p => p.Name))), _ => new PlainPageColumns(rowType, properties));
    }

    /// <summary>One row as a JSON object: an entity as read, or the library's projection of it for a <c>$select</c>.</summary>
    public void Write(Utf8JsonWriter json, object row, bool labels)
    {
        json.WriteStartObject();
        if (row is ISelectExpandWrapper projection)
        {
            var values = projection.ToDictionary();
            foreach (var column in _columns)
            {
                var value = values.TryGetValue(column.Property, out var v) ? v : null;
                if (labels && column.OptionSet is not null && value is not null) json.WriteString(column.LabelName, OptionSetLabels.Label(column.OptionSet, value));
                json.WritePropertyName(column.Name);
                FeedValues.Write(json, value);
            }
        }
        else
        {
            foreach (var column in _columns)
            {
                if (labels && column.OptionSet is not null && column.Get(row) is { } value) json.WriteString(column.LabelName, OptionSetLabels.Label(column.OptionSet, value));
                json.WritePropertyName(column.Name);
                column.WriteValue(json, row);
            }
        }
        json.WriteEndObject();
    }

    /// <summary>Names escaped as the library's writer escapes them.</summary>
    private static JsonEncodedText Name(string name) => JsonEncodedText.Encode(name, JavaScriptEncoder.UnsafeRelaxedJsonEscaping);

    private sealed record Column(string Property, JsonEncodedText Name, JsonEncodedText LabelName, Type? OptionSet,
        Action<Utf8JsonWriter, object> WriteValue, Func<object?, object?> Get);
}
