namespace PsaBridge.Integration.CustomerSync;

/// <summary>
/// Text from PSA as the integration log keeps it: a log line must be written whatever an account holds, and PostgreSQL
/// refuses a NUL character in text, so control characters other than the line breaks between messages are shown as
/// U+FFFD; and cut to the column's length.
/// </summary>
public static class LogText
{
    public static string Printable(string value)
    {
        foreach (var c in value)
            if (char.IsControl(c) && c != '\n') return string.Create(value.Length, value, static (span, v) =>
            {
                for (var i = 0; i < v.Length; i++) span[i] = char.IsControl(v[i]) && v[i] != '\n' ? '\uFFFD' : v[i];
            });
        return value;
    }

    public static string Fit(string value, int max) => Printable(value.Length <= max ? value : value[..max]);
}
