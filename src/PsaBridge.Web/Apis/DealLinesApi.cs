using Microsoft.AspNetCore.Http.HttpResults;
using PsaBridge.Infrastructure.Validation;
using PsaBridge.Psa.Sales;
using PsaBridge.Psa.Sales.Contracts;
using PsaBridge.Psa.Sales.Estimates;
using PsaBridge.Psa.Sales.Quotes;
using PsaBridge.Web.Security;
using PsaBridge.Web.Infrastructure.Auditing;

namespace PsaBridge.Web.Apis;

/// <summary>
/// The lines and details of quotes and contracts, the same endpoints for both: lines (with their milestones and invoice
/// schedules) and details (estimates priced into a sales record and its cost twin). Each change recomputes the rollups.
/// </summary>
public static class DealLinesApi
{
    public static void MapQuoteLinesApi(this IEndpointRouteBuilder app) =>
        Map(app.MapGroup("/api/psa/quotes/{id:guid}").WithTags("PSA sales: quote lines and details").RequireAuthorization(Policies.ManageProjects).Audited(), "Quote", "an open quote",
            DealLinesHandlers<QuoteLineService, QuoteDetailService, Quote, QuoteLine, QuoteLineDetail>.All());

    public static void MapContractLinesApi(this IEndpointRouteBuilder app) =>
        Map(app.MapGroup("/api/psa/contracts/{id:guid}").WithTags("PSA sales: contract lines and details").RequireAuthorization(Policies.ManageProjects).Audited(), "Contract", "a draft contract",
            DealLinesHandlers<ContractLineService, ContractDetailService, ProjectContract, ContractLine, ContractLineDetail>.All());

    /// <summary>The handlers of one kind of deal, as delegates: mapped once here for both kinds.</summary>
    public sealed record Handlers(Delegate AddLine, Delegate UpdateLine, Delegate DeleteLine, Delegate SetMilestones, Delegate GenerateMilestones,
        Delegate GenerateSchedule, Delegate AddDetail, Delegate UpdateDetail, Delegate DeleteDetail);

    private static void Map(RouteGroupBuilder api, string deal, string which, Handlers h)
    {
        api.MapPost("/lines", h.AddLine).WithName($"Add{deal}Line").WithSummary($"Add a line (with its milestones and details) to {which}").ProducesSalesProblems();
        api.MapPut("/lines/{lineId:guid}", h.UpdateLine).WithName($"Update{deal}Line")
            .WithSummary($"Change a line of {which}; its details are priced again").ProducesSalesProblems();
        api.MapDelete("/lines/{lineId:guid}", h.DeleteLine).WithName($"Delete{deal}Line").WithSummary($"Remove a line and its details from {which}").ProducesSalesProblems();
        api.MapPut("/lines/{lineId:guid}/milestones", h.SetMilestones).WithName($"Set{deal}LineMilestones")
            .WithSummary("Replace a fixed-price line's milestones; they must add up to the line amount").ProducesSalesProblems();
        api.MapPost("/lines/{lineId:guid}/milestones/generate", h.GenerateMilestones).WithName($"Generate{deal}LineMilestones")
            .WithSummary("Generate a fixed-price line's milestones: a lump sum, or periodic ones from its invoice frequency").ProducesSalesProblems();
        api.MapPost("/lines/{lineId:guid}/invoice-schedule/generate", h.GenerateSchedule).WithName($"Generate{deal}LineInvoiceSchedule")
            .WithSummary("Generate a time-and-material line's invoice schedule from its frequency, billing start and delivery date").ProducesSalesProblems();
        api.MapPost("/lines/{lineId:guid}/details", h.AddDetail).WithName($"Add{deal}LineDetail")
            .WithSummary("Add an estimate to a line: priced into its sales record and cost twin").ProducesSalesProblems();
        api.MapPut("/details/{detailId:guid}", h.UpdateDetail).WithName($"Update{deal}LineDetail").WithSummary("Change an estimate; it is priced again").ProducesSalesProblems();
        api.MapDelete("/details/{detailId:guid}", h.DeleteDetail).WithName($"Delete{deal}LineDetail").WithSummary("Remove an estimate (both its records)").ProducesSalesProblems();
    }
}

/// <summary>The handlers of the lines and details of one kind of deal.</summary>
public static class DealLinesHandlers<TLines, TDetails, TDeal, TLine, TDetail>
    where TLines : DealLines<TDeal, TLine, TDetail> where TDetails : DealDetails<TDeal, TLine, TDetail>
    where TDeal : class, ISalesDeal where TLine : SalesLine where TDetail : SalesLineDetail, IDealDetail<TDetail>
{
    public static DealLinesApi.Handlers All() => new(AddLineAsync, UpdateLineAsync, DeleteLineAsync, SetMilestonesAsync, GenerateMilestonesAsync,
        GenerateScheduleAsync, AddDetailAsync, UpdateDetailAsync, DeleteDetailAsync);

    public static async Task<Created<TLine>> AddLineAsync(TLines s, Guid id, SalesLineInput input, HttpRequest request, CancellationToken ct)
    {
        var line = await s.AddLineAsync(id, input, ct);
        return TypedResults.Created($"{request.Path}/{line.Id}", line);
    }

    public static async Task<Ok<TLine>> UpdateLineAsync(TLines s, Guid id, Guid lineId, SalesLineInput input, CancellationToken ct) =>
        TypedResults.Ok(await s.UpdateLineAsync(id, lineId, input, ct));

    public static async Task<NoContent> DeleteLineAsync(TLines s, Guid id, Guid lineId, CancellationToken ct)
    {
        await s.DeleteLineAsync(id, lineId, ct);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<TLine>> SetMilestonesAsync(TLines s, Guid id, Guid lineId, MilestonesInput input, CancellationToken ct) =>
        TypedResults.Ok(await s.SetMilestonesAsync(id, lineId, input.Milestones, ct));

    public static async Task<Ok<TLine>> GenerateMilestonesAsync(TLines s, Guid id, Guid lineId, GenerateMilestonesInput input, CancellationToken ct)
    {
        if (input.Style is null) throw new ValidationFailedException("style", "'style' is required: LumpSum or Periodic.");
        return TypedResults.Ok(await s.GenerateMilestonesAsync(id, lineId, input.Style == MilestoneStyle.Periodic, input.Date, ct));
    }

    public static async Task<Ok<TLine>> GenerateScheduleAsync(TLines s, Guid id, Guid lineId, CancellationToken ct) =>
        TypedResults.Ok(await s.GenerateInvoiceScheduleAsync(id, lineId, ct));

    public static async Task<Created<LineDetailView>> AddDetailAsync(TDetails s, Guid id, Guid lineId, LineDetailInput input, CancellationToken ct)
    {
        var detail = await s.AddAsync(id, lineId, input, ct);
        return TypedResults.Created($"details/{detail.Id}", detail);
    }

    public static async Task<Ok<LineDetailView>> UpdateDetailAsync(TDetails s, Guid id, Guid detailId, LineDetailInput input, CancellationToken ct) =>
        TypedResults.Ok(await s.UpdateAsync(id, detailId, input, ct));

    public static async Task<NoContent> DeleteDetailAsync(TDetails s, Guid id, Guid detailId, CancellationToken ct)
    {
        await s.DeleteAsync(id, detailId, ct);
        return TypedResults.NoContent();
    }
}
