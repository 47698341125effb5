using Microsoft.AspNetCore.Http.HttpResults;
using PsaBridge.Psa.Invoicing;
using PsaBridge.Web.Infrastructure.Auditing;

namespace PsaBridge.Web.Apis;

/// <summary>Reviewing a draft invoice detail by detail, and correcting (crediting) a confirmed invoice.</summary>
public static class InvoiceCorrectionsApi
{
    public static RouteGroupBuilder MapInvoiceCorrectionsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/psa/invoices").WithTags("PSA invoices").RequireAuthorization(Policies.ManageFinance).Audited();
        api.MapPatch("/{id:guid}/details/{detailId:guid}", UpdateDetailAsync).WithName("UpdateInvoiceDetail")
            .WithSummary("Set the quantity (lower only) or billing type of a detail of a draft invoice")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/{id:guid}/correct", CorrectAsync).WithName("CorrectInvoice")
            .WithSummary("Draft the corrective invoice of a confirmed invoice: its details at quantity 0 (a full credit) until edited")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    public static async Task<Ok<Invoice>> UpdateDetailAsync(InvoiceCorrectionService s, Guid id, Guid detailId, InvoiceDetailInput input, CancellationToken ct) =>
        TypedResults.Ok(await s.UpdateDetailAsync(id, detailId, input, ct));

    public static async Task<Created<Invoice>> CorrectAsync(InvoiceCorrectionService s, Guid id, InvoiceCorrectionInput? input, CancellationToken ct)
    {
        var correction = await s.CorrectAsync(id, input ?? new InvoiceCorrectionInput(), ct);
        return TypedResults.Created($"/api/psa/invoices/{correction.Id}", correction);
    }
}
