namespace PsaBridge.Infrastructure.Validation;

/// <summary>Collects field errors so a request reports every broken rule, not only the first.</summary>
public sealed class Rules
{
    private readonly List<FieldError> _errors = [];

    public IReadOnlyList<FieldError> Errors => _errors;
    public bool Ok => _errors.Count == 0;

    public Rules Add(string field, string message)
    {
        _errors.Add(new FieldError(field, message));
        return this;
    }

    public Rules Required(string field, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value)) return Add(field, $"'{field}' is required.");
        return MaxLength(field, value, maxLength);
    }

    public Rules MaxLength(string field, string? value, int maxLength)
    {
        if (value is not null && value.Length > maxLength)
            Add(field, $"'{field}' is {value.Length} characters long; at most {maxLength} are allowed.");
        return this;
    }

    /// <summary>Optional free text: at most <paramref name="maxLength"/> characters and no control characters.</summary>
    public Rules Text(string field, string? value, int maxLength, bool multiline = false) =>
        MaxLength(field, value, maxLength).NoControlCharacters(field, value, multiline);

    /// <summary>Refuses control characters (line breaks and tabs are text where <paramref name="multiline"/>).</summary>
    public Rules NoControlCharacters(string field, string? value, bool multiline = false)
    {
        foreach (var c in value ?? "")
            if (char.IsControl(c) && !(multiline && c is '\n' or '\r' or '\t'))
                return Add(field, $"'{field}' holds the control character U+{(int)c:X4}; only printable text is allowed.");
        return this;
    }

    /// <summary>Refuses a value that is not one plain e-mail address (no display name, a dot in its domain).</summary>
    public Rules Email(string field, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value) && !IsEmail(value.Trim())) Add(field, $"'{field}' is not an e-mail address.");
        return this;
    }

    public static bool IsEmail(string value) =>
        System.Net.Mail.MailAddress.TryCreate(value, out var address) && address.Address == value && address.Host.Contains('.');

    public Rules Range(string field, decimal? value, decimal min, decimal max)
    {
        if (value is { } v && (v < min || v > max))
            Add(field, $"'{field}' is {v}; it must be between {min} and {max}.");
        return this;
    }

    public void ThrowIfAny()
    {
        if (!Ok) throw new ValidationFailedException(_errors);
    }
}
