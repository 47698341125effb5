using System.Collections.Concurrent;
using System.Text;

namespace PsaBridge.Reporting.Shared;

/// <summary>An option-set value in words, as the pages show it: "UnbilledSales" is "Unbilled Sales".</summary>
public static class Labels
{
    // An export or a feed page asks for the same few labels millions of times: each is spelled once.
    private static readonly ConcurrentDictionary<Enum, string> Spelled = new();

    public static string Words(Enum value) => Spelled.GetOrAdd(value, v => Words(v.ToString()));

    public static string Words(string name)
    {
        var words = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]) && !char.IsUpper(name[i - 1])) words.Append(' ');
            words.Append(name[i]);
        }
        return words.ToString();
    }
}
