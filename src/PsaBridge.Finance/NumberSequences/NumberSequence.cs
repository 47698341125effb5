using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PsaBridge.Finance.NumberSequences;

/// <summary>
/// A number sequence as F&amp;O keeps it: a format whose <c>#</c> characters take the number
/// (<c>C######</c> → C000042), the next number, and the smallest and largest allowed.
/// A continuous sequence takes its numbers inside the caller's transaction, so a rollback leaves no gap.
/// </summary>
public sealed class NumberSequence
{
    public const int CodeLength = 20, NameLength = 60, FormatLength = 30;

    public required string Code { get; set; }
    public required string Name { get; set; }
    public required string Format { get; set; }
    public long Next { get; set; }
    public long Smallest { get; set; }
    public long Largest { get; set; }
    public bool Continuous { get; set; }

    public int DigitCount => Format.Count(c => c == '#');

    /// <summary>The number written in the format: <c>C######</c> and 42 give <c>C000042</c>.</summary>
    public string FormatNumber(long number) => NumberFormat.Apply(Format, number);

    public static NumberSequence CustomerDefault() => new()
    {
        Code = "CUST", Name = "Customer account", Format = "C######", Next = 1, Smallest = 1, Largest = 999_999, Continuous = false,
    };
}

public static class NumberFormat
{
    public static string Apply(string format, long number)
    {
        var digits = format.Count(c => c == '#');
        var text = number.ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(digits, '0');
        if (text.Length > digits)
            throw new InvalidOperationException($"Number {number} does not fit format '{format}' ({digits} digits).");
        var chars = format.ToCharArray();
        var next = 0;
        for (var i = 0; i < chars.Length; i++)
            if (chars[i] == '#') chars[i] = text[next++];
        return new string(chars);
    }

    /// <summary>The digits a format can hold; the format must have one run of <c>#</c>.</summary>
    public static string? Problem(string format)
    {
        var first = format.IndexOf('#');
        if (first < 0) return $"Format '{format}' has no '#' for the number.";
        var last = format.LastIndexOf('#');
        if (format[first..(last + 1)].Any(c => c != '#')) return $"Format '{format}' must have one run of '#' characters.";
        if (last - first + 1 > 18) return $"Format '{format}' has more than 18 '#' characters.";
        return null;
    }

    public static long MaxFor(string format) => (long)Math.Pow(10, format.Count(c => c == '#')) - 1;
}

internal sealed class NumberSequenceConfiguration : IEntityTypeConfiguration<NumberSequence>
{
    public void Configure(EntityTypeBuilder<NumberSequence> b)
    {
        b.ToTable("NumberSequences");
        b.HasKey(s => s.Code);
        b.Property(s => s.Code).HasMaxLength(NumberSequence.CodeLength);
        b.Property(s => s.Name).HasMaxLength(NumberSequence.NameLength);
        b.Property(s => s.Format).HasMaxLength(NumberSequence.FormatLength);
        b.Ignore(s => s.DigitCount);
    }
}
