using PsaBridge.Psa.Actuals;

namespace PsaBridge.Web.Pages.Psa.Actuals;

/// <summary>The totals table of actuals by transaction type and currency, as the actuals list and a project's page show it.</summary>
public sealed record ActualTotalsView(string Heading, IReadOnlyList<ActualTotal> Totals);
