using System.ComponentModel.DataAnnotations;
using PsaBridge.Psa.Actuals;
using PsaBridge.Psa.Sales.Estimates;

namespace PsaBridge.Web.Pages.Sales.Quotes;

/// <summary>An estimate (quote line detail) as the quote page enters it; named as <see cref="LineDetailInput"/> so the server's field errors find their inputs.</summary>
public sealed class EstimateForm
{
    [Display(Name = "Line")] public Guid? LineId { get; set; }
    [Display(Name = "Transaction class")] public TransactionClass? TransactionClass { get; set; } = global::PsaBridge.Psa.Actuals.TransactionClass.Time;
    [Display(Name = "Role")] public Guid? RoleId { get; set; }
    [Display(Name = "Quantity")] public decimal? Quantity { get; set; }
    [Display(Name = "Start date")] public DateOnly? StartDate { get; set; }
    [Display(Name = "End date")] public DateOnly? EndDate { get; set; }
    [Display(Name = "Description")] public string? Description { get; set; }

    public LineDetailInput ToInput() => new(TransactionClass, Quantity, StartDate, EndDate, RoleId, Description: Description);
}

/// <summary>The reason given when a quote is closed as won or lost.</summary>
public sealed class CloseForm
{
    [Display(Name = "Reason")] public string? Reason { get; set; }
}
