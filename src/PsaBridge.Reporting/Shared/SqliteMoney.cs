namespace PsaBridge.Reporting.Shared;

/// <summary>
/// Money summed natively on SQLite, which stores decimals as text: each amount (at most four decimals, precision 19,4) as whole
/// ten-thousandths in a 64-bit integer. Exact for amounts below 900 billion, where a double still holds every ten-thousandth,
/// and for totals below 922 trillion.
/// </summary>
public static class SqliteMoney
{
    public const double UnitsPerOne = 10_000d;

    public static decimal FromUnits(long units) => units / 10_000m;
}
