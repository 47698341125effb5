using Microsoft.EntityFrameworkCore;
using PsaBridge.Infrastructure.Validation;

namespace PsaBridge.Psa.Projects;

/// <summary>A project's plan as a change works on it: the project, its task tree and its assignments (tasks and assignments tracked).</summary>
public sealed record PlanState(Project Project, WorkBreakdown Breakdown, List<ResourceAssignment> Assignments);

/// <summary>Loads a project's plan for a change.</summary>
public sealed class PlanStore(PsaDb db)
{
    public async Task<PlanState> LoadAsync(Guid projectId, CancellationToken ct)
    {
        var project = await db.Set<Project>().AsNoTracking().SingleOrDefaultAsync(p => p.Id == projectId, ct)
                      ?? throw new NotFoundException("Project", projectId.ToString());
        var tasks = await db.Set<ProjectTask>().Where(t => t.ProjectId == projectId).ToListAsync(ct);
        var assignments = await db.Set<ResourceAssignment>().Where(a => a.ProjectId == projectId).ToListAsync(ct);
        return new PlanState(project, new WorkBreakdown(tasks), assignments);
    }

    public async Task<PlanState> LoadForTaskAsync(Guid taskId, CancellationToken ct)
    {
        var projectId = await db.Set<ProjectTask>().Where(t => t.Id == taskId).Select(t => (Guid?)t.ProjectId).SingleOrDefaultAsync(ct)
                        ?? throw new NotFoundException("Task", taskId.ToString());
        return await LoadAsync(projectId, ct);
    }
}
