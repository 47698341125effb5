using Microsoft.EntityFrameworkCore;
using PsaBridge.Infrastructure.Validation;

namespace PsaBridge.Psa;

/// <summary>The checks the project-accounting inputs share; every message names the field and quotes the value.</summary>
internal static class InputRules
{
    public const decimal MaxAmount = 1_000_000_000_000m;

    public static Rules Currency(this Rules rules, string field, string? value, bool required)
    {
        if (string.IsNullOrWhiteSpace(value))
            return required ? rules.Add(field, $"'{field}' is required.") : rules;
        var code = value.Trim();
        if (code.Length != 3 || !code.All(char.IsAsciiLetter))
            rules.Add(field, $"Currency '{value}' is not an ISO 4217 code (three letters, such as USD).");
        return rules;
    }

    public static Rules RequiredValue<T>(this Rules rules, string field, T? value) where T : struct =>
        value is null ? rules.Add(field, $"'{field}' is required.") : rules;

    public static Rules RequiredId(this Rules rules, string field, Guid? value) =>
        value is null || value == Guid.Empty ? rules.Add(field, $"'{field}' is required.") : rules;

    public static Rules NotNegative(this Rules rules, string field, decimal? value) =>
        rules.Range(field, value, 0, MaxAmount);

    public static Rules Positive(this Rules rules, string field, decimal? value)
    {
        if (value is { } v && (v <= 0 || v > MaxAmount)) rules.Add(field, $"'{field}' is {v}; it must be more than 0 and at most {MaxAmount}.");
        return rules;
    }

    public static Rules Defined<TEnum>(this Rules rules, string field, TEnum? value) where TEnum : struct, Enum
    {
        if (value is { } v && !Enum.IsDefined(v)) rules.Add(field, $"'{field}' is '{v}', which is not one of {string.Join(", ", Enum.GetNames<TEnum>())}.");
        return rules;
    }

    /// <summary>A name or a text: required or not, at most <paramref name="maxLength"/> long, without control characters (a tab or a line break in a name is a pasting accident).</summary>
    public static Rules Text(this Rules rules, string field, string? value, int maxLength, bool required = true)
    {
        if (required) rules.Required(field, value, maxLength);
        else rules.MaxLength(field, value, maxLength);
        if (value is not null && value.Any(char.IsControl)) rules.Add(field, $"'{field}' contains a control character (such as a tab or a line break); remove it.");
        return rules;
    }

    public static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>Adds "does not exist" errors for the given ids that are not in the table of <typeparamref name="T"/>.</summary>
    public static async Task ExistAsync<T>(this Rules rules, PsaDb db, IEnumerable<(string Field, Guid? Id)> references, string entity, CancellationToken ct)
        where T : class
    {
        var wanted = references.Where(r => r.Id is { } g && g != Guid.Empty).ToList();
        if (wanted.Count == 0) return;
        var ids = wanted.Select(r => r.Id!.Value).Distinct().ToList();
        var found = (await db.Set<T>().Select(e => EF.Property<Guid>(e, "Id")).Where(id => ids.Contains(id)).ToListAsync(ct)).ToHashSet();
        foreach (var (field, id) in wanted)
            if (!found.Contains(id!.Value)) rules.Add(field, $"{entity} '{id}' does not exist.");
    }

    public static Task ExistAsync<T>(this Rules rules, PsaDb db, string field, Guid? id, string entity, CancellationToken ct) where T : class =>
        rules.ExistAsync<T>(db, [(field, id)], entity, ct);
}
