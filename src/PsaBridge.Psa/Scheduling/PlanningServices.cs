using Microsoft.Extensions.DependencyInjection;
using PsaBridge.Psa.Projects;
using PsaBridge.Psa.Resources;

namespace PsaBridge.Psa.Scheduling;

/// <summary>The services of planning and resourcing: work breakdown, team, assignments, estimates, skills, calendars, requirements, bookings, utilization.</summary>
public static class PlanningServices
{
    public static IServiceCollection AddPlanning(this IServiceCollection services) => services
        .AddScoped<PlanStore>()
        .AddScoped<AssignmentPlanner>()
        .AddScoped<WorkBreakdownService>()
        .AddScoped<PlanQueries>()
        .AddScoped<TeamService>()
        .AddScoped<AssignmentService>()
        .AddScoped<EstimateQueries>()
        .AddScoped<SkillService>()
        .AddScoped<ResourceProfileService>()
        .AddScoped<CalendarStore>()
        .AddScoped<CalendarService>()
        .AddScoped<ResourceLoads>()
        .AddScoped<RequirementService>()
        .AddScoped<ResourceFinder>()
        .AddScoped<RequirementFulfilment>()
        .AddScoped<BookingQueries>()
        .AddScoped<BookingService>()
        .AddScoped<UtilizationQuery>()
        .AddScoped<ScheduleBoardQuery>();
}
