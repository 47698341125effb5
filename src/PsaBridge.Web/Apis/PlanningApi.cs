using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using PsaBridge.Infrastructure.Paging;
using PsaBridge.Psa.Projects;
using PsaBridge.Psa.Scheduling;
using PsaBridge.Web.Infrastructure;
using PsaBridge.Web.Infrastructure.Auditing;

namespace PsaBridge.Web.Apis;

/// <summary>The estimates grid's query: periods, rows and an optional window.</summary>
public sealed record EstimateGridQuery(
    [property: Description("Columns: Week (Monday to Sunday) or Month.")] PeriodLength? Period,
    [property: Description("Rows: Task, Role or Resource.")] EstimateRows? Rows,
    [property: Description("First day shown; the estimate's first day when left out.")] DateOnly? From,
    [property: Description("Last day shown; the estimate's last day when left out.")] DateOnly? To);

/// <summary>A page of a list: page number from 1, rows per page up to 500.</summary>
public sealed record PageQuery([property: Description("Page number, from 1.")] int? Page, [property: Description("Rows per page, 1 to 500.")] int? PageSize)
{
    public PageRequest Request => PageRequest.Of(Page, PageSize);
}

/// <summary>Project planning: the work breakdown, the team, task assignments and the time-phased estimate.</summary>
public static class PlanningApi
{
    public static RouteGroupBuilder MapPlanningApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/psa").WithTags("PSA planning").WithDocumentedErrors().RequireAuthorization(Policies.Read).Audited();
        var manage = api.MapGroup("").RequireAuthorization(Policies.ManageProjects);

        api.MapGet("/projects/{projectId:guid}/plan", GetPlan).WithName("GetProjectPlan")
            .WithSummary("The project's work breakdown with its rollups: dates, effort, planned and actual cost and sales, assignees.");
        manage.MapPost("/projects/{projectId:guid}/tasks", AddTask).WithName("AddTask").WithSummary("Adds a task under a parent (or at the top level) at a position.");
        manage.MapPatch("/tasks/{taskId:guid}", ChangeTask).WithName("ChangeTask").WithSummary("Changes a task's name, dates, effort or progress.");
        manage.MapPost("/tasks/{taskId:guid}/move", MoveTask).WithName("MoveTask").WithSummary("Moves a task, with its subtasks, under another parent at a position.");
        foreach (var step in Enum.GetValues<TaskStep>())
            manage.MapPost($"/tasks/{{taskId:guid}}/{step.ToString().ToLowerInvariant()}", StepTask(step)).WithName($"{step}Task")
                .WithSummary($"{step} the task: {Describe(step)}.");
        manage.MapDelete("/tasks/{taskId:guid}", DeleteTask).WithName("DeleteTask")
            .WithSummary("Deletes a task with its subtasks and assignments; refused while any of them has actuals, time or expenses.");

        api.MapGet("/projects/{projectId:guid}/team", GetTeam).WithName("GetProjectTeam").WithSummary("The project's team members, named and generic, with their hours.");
        manage.MapPost("/projects/{projectId:guid}/team", AddTeamMember).WithName("AddTeamMember")
            .WithSummary("Adds a named team member (a resource) or a generic one (a role only).");
        manage.MapDelete("/team-members/{memberId:guid}", RemoveTeamMember).WithName("RemoveTeamMember")
            .WithSummary("Removes a team member that has no assignments and no bookings.");
        manage.MapPost("/projects/{projectId:guid}/team/generate", GenerateTeam).WithName("GenerateTeam")
            .WithSummary("Generate team: one generic member for each role assigned to tasks without a team member.");

        api.MapGet("/projects/{projectId:guid}/assignments", GetAssignments).WithName("GetAssignments")
            .WithSummary("The project's resource assignments with their planned work, cost and sales.");
        manage.MapPut("/tasks/{taskId:guid}/assignments", SetAssignments).WithName("SetAssignments")
            .WithSummary("Sets who a task is assigned to; its effort is laid out again over all of them.");

        api.MapGet("/projects/{projectId:guid}/estimates", GetEstimates).WithName("GetEstimates")
            .WithSummary("The time-phased estimate by week or month, rows by task, role or resource, with totals both ways.");
        api.MapGet("/projects/{projectId:guid}/estimate-lines", GetEstimateLines).WithName("GetEstimateLines")
            .WithSummary("The estimate lines: a cost and a sales line a day of each assignment.");
        return api;
    }

    public static async Task<Ok<ProjectPlan>> GetPlan(PlanQueries plans, Guid projectId, CancellationToken ct) =>
        TypedResults.Ok(await plans.GetAsync(projectId, ct));

    public static async Task<Created<ProjectTask>> AddTask(WorkBreakdownService tasks, Guid projectId, TaskInput input, CancellationToken ct)
    {
        var task = await tasks.AddTaskAsync(projectId, input, ct);
        return TypedResults.Created($"/api/psa/tasks/{task.Id}", task);
    }

    public static async Task<Ok<ProjectTask>> ChangeTask(WorkBreakdownService tasks, Guid taskId, TaskChange change, CancellationToken ct) =>
        TypedResults.Ok(await tasks.ChangeTaskAsync(taskId, change, ct));

    public static async Task<Ok<ProjectTask>> MoveTask(WorkBreakdownService tasks, Guid taskId, TaskMove move, CancellationToken ct) =>
        TypedResults.Ok(await tasks.MoveTaskAsync(taskId, move, ct));

    private static Func<WorkBreakdownService, Guid, CancellationToken, Task<Ok<ProjectTask>>> StepTask(TaskStep step) =>
        async (tasks, taskId, ct) => TypedResults.Ok(await tasks.StepTaskAsync(taskId, step, ct));

    public static async Task<NoContent> DeleteTask(WorkBreakdownService tasks, Guid taskId, CancellationToken ct)
    {
        await tasks.DeleteTaskAsync(taskId, ct);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<IReadOnlyList<TeamMemberView>>> GetTeam(TeamService team, Guid projectId, CancellationToken ct) =>
        TypedResults.Ok(await team.ListAsync(projectId, ct));

    public static async Task<Created<TeamMemberView>> AddTeamMember(TeamService team, Guid projectId, TeamMemberInput input, CancellationToken ct)
    {
        var member = await team.AddAsync(projectId, input, ct);
        return TypedResults.Created($"/api/psa/projects/{projectId}/team", member);
    }

    public static async Task<NoContent> RemoveTeamMember(TeamService team, Guid memberId, CancellationToken ct)
    {
        await team.RemoveAsync(memberId, ct);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<IReadOnlyList<TeamMemberView>>> GenerateTeam(TeamService team, Guid projectId, CancellationToken ct) =>
        TypedResults.Ok(await team.GenerateAsync(projectId, ct));

    public static async Task<Ok<IReadOnlyList<AssignmentView>>> GetAssignments(AssignmentService assignments, Guid projectId,
        [Description("Only the assignments of this task.")] Guid? taskId, CancellationToken ct) =>
        TypedResults.Ok(await assignments.ListAsync(projectId, taskId, ct));

    public static async Task<Ok<IReadOnlyList<AssignmentView>>> SetAssignments(AssignmentService assignments, Guid taskId, AssignmentInput input, CancellationToken ct) =>
        TypedResults.Ok(await assignments.SetAsync(taskId, input, ct));

    public static async Task<Ok<EstimateGrid>> GetEstimates(EstimateQueries estimates, Guid projectId, [AsParameters] EstimateGridQuery query, CancellationToken ct) =>
        TypedResults.Ok(await estimates.GridAsync(projectId,
            new EstimateGridRequest(query.Period ?? PeriodLength.Week, query.Rows ?? EstimateRows.Task, query.From, query.To), ct));

    public static async Task<Ok<ListResponse<EstimateLine>>> GetEstimateLines(EstimateQueries estimates, Guid projectId, [AsParameters] PageQuery page,
        CancellationToken ct) =>
        TypedResults.Ok(ListResponse<EstimateLine>.From(await estimates.LinesAsync(projectId, page.Request, ct)));

    private static string Describe(TaskStep step) => step switch
    {
        TaskStep.Indent => "it goes under the task above it",
        TaskStep.Outdent => "it goes after its parent, at the parent's level",
        TaskStep.Up => "it changes places with the task above it",
        _ => "it changes places with the task below it",
    };
}

public static class DocumentedErrors
{
    /// <summary>Every endpoint of the group may answer bad input (400), an unknown id (404) or a request the state refuses (409), each a ProblemDetails.</summary>
    public static RouteGroupBuilder WithDocumentedErrors(this RouteGroupBuilder group)
    {
        group.ProducesValidationProblem();
        group.ProducesProblem(StatusCodes.Status404NotFound);
        group.ProducesProblem(StatusCodes.Status409Conflict);
        return group;
    }
}
