using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using PsaBridge.Psa.Resources;
using PsaBridge.Psa.Scheduling;
using PsaBridge.Web.Infrastructure;
using PsaBridge.Web.Infrastructure.Auditing;

namespace PsaBridge.Web.Apis;

/// <summary>Which resources a board or a utilization report covers.</summary>
public sealed record ResourceSelectionQuery(
    [property: Description("One resource.")] Guid? ResourceId,
    [property: Description("Resources that hold this role (default or not).")] Guid? RoleId,
    [property: Description("Resources of this resourcing unit.")] Guid? OrganizationalUnitId,
    [property: Description("Resources with this characteristic (skill or certification).")] Guid? CharacteristicId,
    [property: Description("Resources whose name contains this text.")] string? Search)
{
    public ResourceSelection Selection => new(ResourceId, RoleId, OrganizationalUnitId, CharacteristicId, Search);
}

/// <summary>Resources: skills (characteristics and rating models), roles, calendars and utilization.</summary>
public static class ResourcingApi
{
    public static RouteGroupBuilder MapResourcingApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/psa").WithTags("PSA resources").WithDocumentedErrors().RequireAuthorization(Policies.Read).Audited();
        var manage = api.MapGroup("").RequireAuthorization(Policies.ManageProjects);

        manage.MapPost("/rating-models", CreateRatingModel).WithName("CreateRatingModel").WithSummary("Creates a rating model with its ordered values.");
        api.MapGet("/rating-models", ListRatingModels).WithName("ListRatingModels").WithSummary("Lists rating models with their values.");
        api.MapGet("/rating-models/{id:guid}", GetRatingModel).WithName("GetRatingModel").WithSummary("One rating model with its values.");
        manage.MapPost("/characteristics", CreateCharacteristic).WithName("CreateCharacteristic")
            .WithSummary("Creates a characteristic: a skill rated on a rating model, or a certification.");
        api.MapGet("/characteristics", ListCharacteristics).WithName("ListCharacteristics").WithSummary("Lists characteristics by name.");

        api.MapGet("/resources/{id:guid}/profile", GetProfile).WithName("GetResourceProfile").WithSummary("A resource with its unit, roles and rated characteristics.");
        manage.MapPut("/resources/{id:guid}/roles", SetRoles).WithName("SetResourceRoles").WithSummary("Sets the resource's roles; one is the default.");
        manage.MapPut("/resources/{id:guid}/characteristics", SetCharacteristics).WithName("SetResourceCharacteristics")
            .WithSummary("Sets the resource's characteristics with their ratings.");
        api.MapGet("/resources/{id:guid}/calendar", GetCalendar).WithName("GetResourceCalendar")
            .WithSummary("The resource's work hours, days off, and its days and capacity in a window.");
        manage.MapPut("/resources/{id:guid}/work-hours", SetWorkHours).WithName("SetResourceWorkHours").WithSummary("Gives the resource its own hours per weekday.");
        manage.MapPost("/resources/{id:guid}/days-off", AddDayOff).WithName("AddResourceDayOff").WithSummary("Adds a day the resource does not work.");
        manage.MapDelete("/resources/{id:guid}/days-off/{date}", RemoveDayOff).WithName("RemoveResourceDayOff").WithSummary("Removes a day off.");

        api.MapGet("/utilization", GetUtilization).WithName("GetUtilization")
            .WithSummary("Capacity, hard and soft bookings, actual and chargeable hours and chargeable utilization by week or month.");
        return api;
    }

    public static async Task<Created<RatingModel>> CreateRatingModel(SkillService skills, RatingModelInput input, CancellationToken ct)
    {
        var model = await skills.CreateRatingModelAsync(input, ct);
        return TypedResults.Created($"/api/psa/rating-models/{model.Id}", model);
    }

    public static async Task<Ok<ListResponse<RatingModel>>> ListRatingModels(SkillService skills, [Description("Name contains.")] string? search,
        [AsParameters] PageQuery page, CancellationToken ct) =>
        TypedResults.Ok(ListResponse<RatingModel>.From(await skills.ListRatingModelsAsync(search, page.Request, ct)));

    public static async Task<Ok<RatingModel>> GetRatingModel(SkillService skills, Guid id, CancellationToken ct) =>
        TypedResults.Ok(await skills.GetRatingModelAsync(id, ct));

    public static async Task<Created<Characteristic>> CreateCharacteristic(SkillService skills, CharacteristicInput input, CancellationToken ct)
    {
        var characteristic = await skills.CreateCharacteristicAsync(input, ct);
        return TypedResults.Created($"/api/psa/characteristics/{characteristic.Id}", characteristic);
    }

    public static async Task<Ok<ListResponse<Characteristic>>> ListCharacteristics(SkillService skills, [Description("Name contains.")] string? search,
        [AsParameters] PageQuery page, CancellationToken ct) =>
        TypedResults.Ok(ListResponse<Characteristic>.From(await skills.ListCharacteristicsAsync(search, page.Request, ct)));

    public static async Task<Ok<ResourceProfile>> GetProfile(ResourceProfileService profiles, Guid id, CancellationToken ct) =>
        TypedResults.Ok(await profiles.GetAsync(id, ct));

    public static async Task<Ok<ResourceProfile>> SetRoles(ResourceProfileService profiles, Guid id, List<ResourceRoleInput> roles, CancellationToken ct) =>
        TypedResults.Ok(await profiles.SetRolesAsync(id, roles, ct));

    public static async Task<Ok<ResourceProfile>> SetCharacteristics(ResourceProfileService profiles, Guid id, List<ResourceRatingInput> ratings, CancellationToken ct) =>
        TypedResults.Ok(await profiles.SetCharacteristicsAsync(id, ratings, ct));

    public static async Task<Ok<CalendarView>> GetCalendar(CalendarService calendars, Guid id, [Description("First day; this week's Monday when left out.")] DateOnly? from,
        [Description("Last day; four weeks on when left out.")] DateOnly? to, CancellationToken ct) =>
        TypedResults.Ok(await calendars.GetAsync(id, from, to, ct));

    public static async Task<Ok<CalendarView>> SetWorkHours(CalendarService calendars, Guid id, WorkWeek week, CancellationToken ct) =>
        TypedResults.Ok(await calendars.SetWorkHoursAsync(id, week, ct));

    public static async Task<Ok<CalendarView>> AddDayOff(CalendarService calendars, Guid id, DayOffInput input, CancellationToken ct) =>
        TypedResults.Ok(await calendars.AddDayOffAsync(id, input, ct));

    public static async Task<NoContent> RemoveDayOff(CalendarService calendars, Guid id, DateOnly date, CancellationToken ct)
    {
        await calendars.RemoveDayOffAsync(id, date, ct);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<UtilizationReport>> GetUtilization(UtilizationQuery utilization, [Description("First day.")] DateOnly from,
        [Description("Last day.")] DateOnly to, [Description("Week or Month.")] PeriodLength? period, [AsParameters] ResourceSelectionQuery resources,
        [AsParameters] PageQuery page, CancellationToken ct) =>
        TypedResults.Ok(await utilization.RunAsync(new UtilizationRequest(from, to, period ?? PeriodLength.Week, resources.Selection), page.Request, ct));
}
