using PsaBridge.Psa.Sales.InvoiceFrequencies;

namespace PsaBridge.Psa.Sales.Estimates;

/// <summary>The rows a quote line and a contract line keep in tables of their own kind: roles, categories, price lists, milestones, schedule.</summary>
internal interface ILineParts<TLine> where TLine : SalesLine
{
    static abstract void Roles(TLine line, List<LineRoleInput>? input);
    static abstract void Categories(TLine line, List<LineCategoryInput>? input);
    static abstract void PriceLists(TLine line, IEnumerable<Guid>? ids);
    static abstract void SetMilestones(TLine line, IEnumerable<(PlannedMilestone Plan, bool Ready)> plans);
    static abstract void ClearMilestones(TLine line);
    static abstract void Reschedule(TLine line, InvoiceFrequency? frequency);
}

/// <summary>Sets a quote or contract line from what was entered (checked before by <see cref="SalesLineRules"/>), one way for both kinds.</summary>
internal static class LineEditing
{
    /// <summary>
    /// Sets the line from the input; its milestones only when <paramref name="replaceMilestones"/> (an update that names none keeps them);
    /// <paramref name="deliveryDate"/> is the deal's requested delivery date a line without one of its own takes (a quote's; none for a contract).
    /// </summary>
    public static void Apply<TLine, TParts>(TLine line, SalesLineInput input, SalesLineRules rules, Guid? defaultFrequency, DateOnly? deliveryDate,
        bool replaceMilestones)
        where TLine : SalesLine where TParts : ILineParts<TLine>
    {
        SalesLineRules.Apply(line, input, input.BillingMethod == BillingMethod.TimeAndMaterial ? defaultFrequency : null, deliveryDate);
        TParts.Roles(line, input.Roles);
        TParts.Categories(line, input.Categories);
        TParts.PriceLists(line, input.PriceListIds);
        if (replaceMilestones || input.Milestones is not null) TParts.SetMilestones(line, SalesLineParts.Entered(input.Milestones ?? []));
        if (line.BillingMethod == BillingMethod.TimeAndMaterial) TParts.ClearMilestones(line);
        TParts.Reschedule(line, rules.Frequency(line.InvoiceFrequencyId));
    }
}
