using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using PsaBridge.Psa.Scheduling;
using PsaBridge.Web.Infrastructure;
using PsaBridge.Web.Infrastructure.Auditing;

namespace PsaBridge.Web.Apis;

/// <summary>The filters of the booking list.</summary>
public sealed record BookingListQuery(
    [property: Description("Bookings of this resource.")] Guid? ResourceId,
    [property: Description("Bookings on this project.")] Guid? ProjectId,
    [property: Description("Bookings of this requirement.")] Guid? RequirementId,
    [property: Description("Bookings that end on or after this day.")] DateOnly? From,
    [property: Description("Bookings that start on or before this day.")] DateOnly? To,
    [property: Description("Proposed, Committed or Canceled.")] BookingStatus? Status);

/// <summary>Resource scheduling: requirements, find resources, bookings and the schedule board.</summary>
public static class SchedulingApi
{
    public static RouteGroupBuilder MapSchedulingApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/psa").WithTags("PSA scheduling").WithDocumentedErrors().RequireAuthorization(Policies.Read).Audited();
        var manage = api.MapGroup("").RequireAuthorization(Policies.ManageProjects);

        manage.MapPost("/projects/{projectId:guid}/requirements", CreateRequirement).WithName("CreateRequirement")
            .WithSummary("Creates a resource requirement for a generic team member (its role, unit, dates and hours unless given).");
        api.MapGet("/requirements", ListRequirements).WithName("ListRequirements").WithSummary("Lists requirements by start date.");
        api.MapGet("/requirements/{id:guid}", GetRequirement).WithName("GetRequirement").WithSummary("One requirement with the hours booked against it.");
        manage.MapPost("/requirements/{id:guid}/cancel", CancelRequirement).WithName("CancelRequirement").WithSummary("Cancels an active requirement.");
        api.MapGet("/requirements/{id:guid}/candidates", FindResources).WithName("FindResources")
            .WithSummary("Find resources: those matching the requirement, by available hours, and the near misses with their reason.");
        manage.MapPost("/requirements/{id:guid}/book", BookRequirement).WithName("BookRequirement")
            .WithSummary("Books a resource for the requirement; when one resource commits all its hours it replaces the generic member.");

        manage.MapPost("/bookings", Book).WithName("Book").WithSummary("Books a resource on a project for a window, laid out by the allocation method.");
        api.MapGet("/bookings", ListBookings).WithName("ListBookings").WithSummary("Lists bookings by start date.");
        api.MapGet("/bookings/{id:guid}", GetBooking).WithName("GetBooking").WithSummary("One booking with its days.");
        manage.MapPost("/bookings/{id:guid}/status", SetBookingStatus).WithName("SetBookingStatus")
            .WithSummary("Moves a booking between Proposed, Committed and Canceled.");

        api.MapGet("/schedule-board", GetScheduleBoard).WithName("GetScheduleBoard")
            .WithSummary("Resources by weeks: capacity, hard- and soft-booked hours and over-booking in each week.");
        return api;
    }

    public static async Task<Created<RequirementView>> CreateRequirement(RequirementService requirements, Guid projectId, RequirementInput input, CancellationToken ct)
    {
        var requirement = await requirements.CreateAsync(projectId, input, ct);
        return TypedResults.Created($"/api/psa/requirements/{requirement.Id}", requirement);
    }

    public static async Task<Ok<ListResponse<RequirementView>>> ListRequirements(RequirementService requirements,
        [Description("Requirements of this project.")] Guid? projectId, [Description("Active, Fulfilled or Canceled.")] RequirementStatus? status,
        [AsParameters] PageQuery page, CancellationToken ct) =>
        TypedResults.Ok(ListResponse<RequirementView>.From(await requirements.ListAsync(new RequirementFilter(projectId, status), page.Request, ct)));

    public static async Task<Ok<RequirementView>> GetRequirement(RequirementService requirements, Guid id, CancellationToken ct) =>
        TypedResults.Ok(await requirements.GetAsync(id, ct));

    public static async Task<Ok<RequirementView>> CancelRequirement(RequirementService requirements, Guid id, CancellationToken ct) =>
        TypedResults.Ok(await requirements.CancelAsync(id, ct));

    public static async Task<Ok<FoundResources>> FindResources(ResourceFinder finder, Guid id, [Description("How many matches, 1 to 500 (50).")] int? top,
        CancellationToken ct) =>
        TypedResults.Ok(await finder.FindAsync(id, top, ct));

    public static async Task<Created<BookingView>> BookRequirement(BookingService bookings, Guid id, RequirementBookingInput input, CancellationToken ct)
    {
        var booking = await bookings.BookRequirementAsync(id, input, ct);
        return TypedResults.Created($"/api/psa/bookings/{booking.Id}", booking);
    }

    public static async Task<Created<BookingView>> Book(BookingService bookings, BookingInput input, CancellationToken ct)
    {
        var booking = await bookings.BookAsync(input, ct);
        return TypedResults.Created($"/api/psa/bookings/{booking.Id}", booking);
    }

    public static async Task<Ok<ListResponse<BookingView>>> ListBookings(BookingService bookings, [AsParameters] BookingListQuery query, [AsParameters] PageQuery page,
        CancellationToken ct) =>
        TypedResults.Ok(ListResponse<BookingView>.From(await bookings.ListAsync(
            new BookingFilter(query.ResourceId, query.ProjectId, query.RequirementId, query.From, query.To, query.Status), page.Request, ct)));

    public static async Task<Ok<BookingView>> GetBooking(BookingService bookings, Guid id, CancellationToken ct) => TypedResults.Ok(await bookings.GetAsync(id, ct));

    public static async Task<Ok<BookingView>> SetBookingStatus(BookingService bookings, Guid id, BookingStatusInput input, CancellationToken ct) =>
        TypedResults.Ok(await bookings.SetStatusAsync(id, input, ct));

    public static async Task<Ok<ScheduleBoard>> GetScheduleBoard(ScheduleBoardQuery board, [Description("A day of the first week; this week when left out.")] DateOnly? from,
        [Description("How many weeks, 1 to 104 (12).")] int? weeks, [AsParameters] ResourceSelectionQuery resources, [AsParameters] PageQuery page, CancellationToken ct) =>
        TypedResults.Ok(await board.GetAsync(from, weeks, resources.Selection, page.Request, ct));
}
