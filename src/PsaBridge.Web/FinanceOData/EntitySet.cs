using System.Globalization;
using System.Linq.Expressions;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PsaBridge.Finance;
using PsaBridge.Web.Dynamics;

namespace PsaBridge.Web.FinanceOData;

/// <summary>One property of a served entity: its F&amp;O name and the entity's value as an expression.</summary>
public sealed record SetProperty<T>(string Name, LambdaExpression Value)
{
    private Delegate? _read;

    /// <summary>The value's expression over <paramref name="p"/>, of the value's own type (no boxing), for filters and sorting.</summary>
    public Expression Over(ParameterExpression p)
    {
        var body = Value.Body is UnaryExpression { NodeType: ExpressionType.Convert } boxed && Value.ReturnType == typeof(object) ? boxed.Operand : Value.Body;
        return new Rebind(Value.Parameters[0], p).Visit(body);
    }

    public object? Read(T row) => (_read ??= Value.Compile()).DynamicInvoke(row);

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}

/// <summary>What a read asked for: the query options, whether every company's rows are wanted, and whether it is a read by key (exact).</summary>
public sealed record SetRead(string? Filter, string? Select, string? OrderBy, int? Top, int? Skip, bool Count, bool CrossCompany, bool ByKey = false);

/// <summary>
/// An F&amp;O public entity served over one finance table: its keys (in order), its properties, and whether it belongs to
/// a company (<c>dataAreaId</c>). Reads run <c>$filter</c>, <c>$orderby</c>, <c>$skip</c> and <c>$top</c> in the database,
/// page at the service's page size with <c>@odata.nextLink</c>, and write only the <c>$select</c>ed properties.
/// </summary>
public sealed class EntitySet<T>(string name, string[] keys, bool companySpecific, string company, Func<FinanceDb, IQueryable<T>> rows,
    IReadOnlyList<SetProperty<T>> properties) : IEntitySet where T : class
{
    private readonly Dictionary<string, SetProperty<T>> _byName = properties.ToDictionary(p => p.Name, StringComparer.Ordinal);

    public string Name => name;
    public IReadOnlyList<string> Keys => keys;
    public bool CompanySpecific => companySpecific;

    public IQueryable<T> Where(FinanceDb db, string? filter, bool byKey = false)
    {
        var query = rows(db);
        if (!string.IsNullOrWhiteSpace(filter)) query = query.Where(ODataFilter.Parse<T>(filter, Property, wildcards: !byKey));
        return query;
    }

    /// <summary>A property's expression; <c>dataAreaId</c> is the served company, a constant.</summary>
    public Expression? Property(string property, ParameterExpression p) =>
        companySpecific && property == "dataAreaId" ? Expression.Constant(company) : _byName.TryGetValue(property, out var found) ? found.Over(p) : null;

    public async Task<ODataJson> ReadAsync(FinanceDb db, SetRead read, string baseUrl, int pageSize, CancellationToken ct)
    {
        var selected = properties.ToList();
        if (!string.IsNullOrWhiteSpace(read.Select))
        {
            selected = [];
            foreach (var n in read.Select.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (n == "dataAreaId" && companySpecific) continue;
                selected.Add(_byName.GetValueOrDefault(n) ?? throw new FilterException($"Could not find a property named '{n}' on type 'Microsoft.Dynamics.DataEntities.{name}'."));
            }
        }
        var query = Where(db, read.Filter, read.ByKey);
        long? count = read.Count ? await query.LongCountAsync(ct) : null;
        query = Order(query, read.OrderBy);
        var skip = read.Skip ?? 0;
        var take = Math.Min(read.Top ?? int.MaxValue, pageSize);
        var page = await query.Skip(skip).Take(take + 1).AsNoTracking().ToListAsync(ct);
        var more = page.Count > take && (read.Top is null || read.Top > take);
        if (page.Count > take) page.RemoveAt(take);
        return new ODataJson(StatusCodes.Status200OK, w =>
        {
            w.WriteStartObject();
            w.WriteString("@odata.context", $"{baseUrl}$metadata#{name}");
            if (count is { } c) w.WriteNumber("@odata.count", c);
            w.WriteStartArray("value");
            foreach (var row in page) Write(w, row, selected);
            w.WriteEndArray();
            if (more)
            {
                var next = $"{baseUrl}{name}?$skip={skip + take}" + (read.Top is { } top ? $"&$top={top - take}" : "")
                           + Option("$filter", read.Filter) + Option("$select", read.Select) + Option("$orderby", read.OrderBy)
                           + (read.CrossCompany ? "&cross-company=true" : "");
                w.WriteString("@odata.nextLink", next);
            }
            w.WriteEndObject();
        });
    }

    public async Task<long> CountAsync(FinanceDb db, string? filter, CancellationToken ct) => await Where(db, filter).LongCountAsync(ct);

    /// <summary>One row as F&amp;O writes it: its etag, its company, then the properties asked for.</summary>
    public void Write(Utf8JsonWriter w, T row, IEnumerable<SetProperty<T>>? only = null)
    {
        var values = (only ?? properties).Select(p => (p.Name, Value: Plain(p.Read(row)))).ToList();
        var hash = 2166136261u;
        foreach (var (_, v) in values)
            foreach (var ch in Convert.ToString(v, CultureInfo.InvariantCulture) ?? "") hash = (hash ^ ch) * 16777619u;
        w.WriteStartObject();
        w.WriteString("@odata.etag", $"W/\"{hash.ToString(CultureInfo.InvariantCulture)}\"");
        if (companySpecific) w.WriteString("dataAreaId", company);
        foreach (var (n, v) in values) ODataAnswers.WriteValue(w, n, v);
        w.WriteEndObject();
    }

    /// <summary>Enums as their names and GUIDs as text, as F&amp;O writes enum and string properties.</summary>
    private static object? Plain(object? value) => value switch { Enum e => e.ToString(), Guid g => g.ToString(), _ => value };

    private IQueryable<T> Order(IQueryable<T> query, string? orderBy)
    {
        var p = Expression.Parameter(typeof(T), "e");
        var terms = string.IsNullOrWhiteSpace(orderBy)
            ? keys.Where(k => k != "dataAreaId").Select(k => (k, false))
            : orderBy.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(t =>
            {
                var parts = t.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                return (parts[0], parts.Length > 1 && parts[1] == "desc");
            });
        var first = true;
        foreach (var (property, descending) in terms)
        {
            var body = Property(property, p) ?? throw new FilterException($"Could not find a property named '{property}' to order by.");
            if (body is ConstantExpression) continue;
            var method = (first ? "OrderBy" : "ThenBy") + (descending ? "Descending" : "");
            query = query.Provider.CreateQuery<T>(Expression.Call(typeof(Queryable), method, [typeof(T), body.Type], query.Expression,
                Expression.Quote(Expression.Lambda(body, p))));
            first = false;
        }
        return query;
    }

    private static string Option(string option, string? value) => value is null ? "" : $"&{option}={Uri.EscapeDataString(value)}";
}

/// <summary>The entity sets the F&amp;O-compatible endpoint serves, whatever their row type.</summary>
public interface IEntitySet
{
    string Name { get; }
    IReadOnlyList<string> Keys { get; }
    bool CompanySpecific { get; }
    Task<ODataJson> ReadAsync(FinanceDb db, SetRead read, string baseUrl, int pageSize, CancellationToken ct);
    Task<long> CountAsync(FinanceDb db, string? filter, CancellationToken ct);
}
