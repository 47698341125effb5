using System.Text;

namespace PsaBridge.Reporting.Shared;

/// <summary>An option-set value in words, as the pages show it: "UnbilledSales" is "Unbilled Sales".</summary>
public static class Labels
{
    public static string Words(Enum value) => Words(value.ToString());

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
