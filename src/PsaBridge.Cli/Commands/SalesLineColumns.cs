using PsaBridge.Cli.Infrastructure;
using PsaBridge.Infrastructure.Paging;
using PsaBridge.Psa.Sales.Estimates;
using Spectre.Console;

namespace PsaBridge.Cli.Commands;

/// <summary>What a quote and a contract show alike: how a line bills and what its estimates add up to, and the estimates themselves.</summary>
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

    /// <summary>Writes the deal's details (estimates) under their line's name, saying when only the first page is shown.</summary>
    public static void WriteDetails(IAnsiConsole console, Page<LineDetailView> details, IReadOnlyList<SalesLine> lines)
    {
        console.WriteLine($"Details ({details.Total}{(details.HasNext ? $", the first {details.Items.Count} shown" : "")}):");
        if (details.Items.Count == 0) return;
        console.Write(Output.Table(details.Items,
            ("Id", d => d.Id),
            ("Line", d => lines.FirstOrDefault(l => l.Id == d.LineId)?.Name),
            ("Class", d => d.TransactionClass),
            ("Role", d => d.Role),
            ("Category", d => d.TransactionCategory),
            ("Quantity", d => d.Quantity),
            ("Unit price", d => d.UnitPrice),
            ("Sales", d => d.SalesAmount),
            ("Unit cost", d => d.UnitCost),
            ("Cost", d => d.CostAmount),
            ("Margin", d => d.Margin)));
    }
}
