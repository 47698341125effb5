namespace PsaBridge.Infrastructure.Storage;

/// <summary>
/// Decimals of at most four places (precision 19,4: money, hours, quantities) summed natively by the database as whole
/// ten-thousandths in a 64-bit integer, because SQLite keeps decimals as text that EF sums in managed code row by row. In a
/// query: <c>g.Sum(x => (long)Math.Round((double)x.Amount * TenThousandths.PerOne))</c>, then <see cref="ToDecimal"/>. Exact
/// for values below 2^38 (about 274 billion), where a double's error stays under a third of a ten-thousandth, and for totals
/// below 922 trillion; above 2^38 a value can come back one ten-thousandth off.
/// </summary>
public static class TenThousandths
{
    public const double PerOne = 10_000d;

    /// <summary>A total of ten-thousandths back as the decimal it sums.</summary>
    public static decimal ToDecimal(long units) => units / 10_000m;
}
