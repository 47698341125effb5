using System.Collections.Frozen;
using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using System.Text.Json;
using System.Xml;

namespace PsaBridge.Web.OData;

/// <summary>
/// Writes a feed value as the OData library writes it in JSON through its UTF-8 writer (<c>ODataUtf8JsonWriter</c>, not
/// IEEE754Compatible): numbers and decimals as JSON numbers, Edm.Date as <c>yyyy-MM-dd</c>, a DateTime as the library's
/// Edm.DateTimeOffset in the feed's time zone (UTC), a Guid as its <c>D</c> string.
/// </summary>
public static class FeedValues
{
    private static readonly FrozenDictionary<Type, MethodInfo> Writers = typeof(FeedValues)
        .GetMethods(BindingFlags.Public | BindingFlags.Static)
        .Where(m => m.Name == nameof(Write) && m.GetParameters()[1].ParameterType != typeof(object))
        .ToFrozenDictionary(m => m.GetParameters()[1].ParameterType);

    /// <summary>Whether a property of this CLR type can be written here.</summary>
    public static bool Supports(Type type) => Writers.ContainsKey(type);

    /// <summary>A compiled writer of <paramref name="property"/> of a row of its declaring type, without boxing the value.</summary>
    public static Action<Utf8JsonWriter, object> WriterOf(Type rowType, PropertyInfo property)
    {
        var json = Expression.Parameter(typeof(Utf8JsonWriter));
        var row = Expression.Parameter(typeof(object));
        var value = Expression.Property(Expression.Convert(row, rowType), property);
        return Expression.Lambda<Action<Utf8JsonWriter, object>>(Expression.Call(Writers[property.PropertyType], json, value), json, row).Compile();
    }

    /// <summary>A boxed value, as the rows of a <c>$select</c> hold them.</summary>
    public static void Write(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null: json.WriteNullValue(); break;
            case int v: Write(json, v); break;
            case long v: Write(json, v); break;
            case bool v: Write(json, v); break;
            case decimal v: Write(json, v); break;
            case Guid v: Write(json, v); break;
            case DateOnly v: Write(json, v); break;
            case DateTime v: Write(json, v); break;
            case string v: Write(json, v); break;
            default: throw new NotSupportedException($"The feed's page writer does not write {value.GetType().Name}.");
        }
    }

    public static void Write(Utf8JsonWriter json, int value) => json.WriteNumberValue(value);
    public static void Write(Utf8JsonWriter json, int? value) { if (value is { } v) json.WriteNumberValue(v); else json.WriteNullValue(); }
    public static void Write(Utf8JsonWriter json, long value) => json.WriteNumberValue(value);
    public static void Write(Utf8JsonWriter json, long? value) { if (value is { } v) json.WriteNumberValue(v); else json.WriteNullValue(); }
    public static void Write(Utf8JsonWriter json, bool value) => json.WriteBooleanValue(value);
    public static void Write(Utf8JsonWriter json, bool? value) { if (value is { } v) json.WriteBooleanValue(v); else json.WriteNullValue(); }
    public static void Write(Utf8JsonWriter json, decimal value) => json.WriteNumberValue(value);
    public static void Write(Utf8JsonWriter json, decimal? value) { if (value is { } v) json.WriteNumberValue(v); else json.WriteNullValue(); }
    public static void Write(Utf8JsonWriter json, Guid value) => json.WriteStringValue(value);
    public static void Write(Utf8JsonWriter json, Guid? value) { if (value is { } v) json.WriteStringValue(v); else json.WriteNullValue(); }
    public static void Write(Utf8JsonWriter json, string? value) { if (value is null) json.WriteNullValue(); else json.WriteStringValue(value); }
    public static void Write(Utf8JsonWriter json, DateOnly? value) { if (value is { } v) Write(json, v); else json.WriteNullValue(); }
    public static void Write(Utf8JsonWriter json, DateTime? value) { if (value is { } v) Write(json, v); else json.WriteNullValue(); }

    public static void Write(Utf8JsonWriter json, DateOnly value)
    {
        Span<byte> text = stackalloc byte[10];
        value.TryFormat(text, out var written, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        json.WriteStringValue(text[..written]);
    }

    /// <summary>The library turns a DateTime into a DateTimeOffset in the feed's time zone, UTC, and spells a zero offset with <c>XmlConvert</c>.</summary>
    public static void Write(Utf8JsonWriter json, DateTime value)
    {
        var utc = value.Kind == DateTimeKind.Local ? new DateTimeOffset(value).ToUniversalTime() : new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Unspecified), TimeSpan.Zero);
        json.WriteStringValue(XmlConvert.ToString(utc));
    }
}
