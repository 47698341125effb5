using PsaBridge.Psa.Sales.Estimates;

namespace PsaBridge.Cli.Commands;

/// <summary>The columns a quote line and a contract line show alike: how the line bills and what its estimates add up to.</summary>
internal static class SalesLineColumns
{
    public static (string Header, Func<T, object?> Value)[] Terms<T>() where T : SalesLine =>
    [
        ("Name", l => l.Name),
        ("Billing method", l => l.BillingMethod),
        ("Project", l => l.ProjectId),
        ("Amount", l => l.Amount),
        ("Sales", l => l.Rollup.SalesAmount),
        ("Chargeable cost", l => l.Rollup.ChargeableCost),
    ];
}
