using Microsoft.EntityFrameworkCore;
using PsaBridge.Psa;
using PsaBridge.Psa.Accounts;
using PsaBridge.Psa.Pricing;
using PsaBridge.Psa.Projects;
using PsaBridge.Psa.Resources;
using PsaBridge.Psa.Sales;

namespace PsaBridge.Web.Pages.Psa;

/// <summary>An option of a drop-down: the id it posts and the name it shows.</summary>
public sealed record Choice(Guid Id, string Name);

/// <summary>
/// The drop-downs of the project-accounting pages, by name: resources, projects and their tasks, roles, categories,
/// contracts and customers. One read each, of names only.
/// </summary>
public sealed class Choices(PsaDb db)
{
    public const int Max = 1_000;

    /// <summary>Choices as a grid's choice filter lists them: the id as the value, the name as the label.</summary>
    public static IReadOnlyList<(string Value, string Label)> Options(IEnumerable<Choice> choices) => choices.Select(c => (c.Id.ToString(), c.Name)).ToList();

    public Task<List<Choice>> ResourcesAsync(CancellationToken ct) =>
        db.Set<BookableResource>().OrderBy(r => r.Name).Take(Max).Select(r => new Choice(r.Id, r.Name)).ToListAsync(ct);

    public Task<List<Choice>> ProjectsAsync(CancellationToken ct) =>
        db.Set<Project>().OrderBy(p => p.Name).Take(Max).Select(p => new Choice(p.Id, p.Name)).ToListAsync(ct);

    public Task<List<Choice>> RolesAsync(CancellationToken ct) =>
        db.Set<Role>().OrderBy(r => r.Name).Take(Max).Select(r => new Choice(r.Id, r.Name)).ToListAsync(ct);

    public Task<List<Choice>> CategoriesAsync(CancellationToken ct) =>
        db.Set<TransactionCategory>().OrderBy(c => c.Name).Take(Max).Select(c => new Choice(c.Id, c.Name)).ToListAsync(ct);

    public Task<List<Choice>> ContractsAsync(CancellationToken ct) =>
        db.Set<ProjectContract>().OrderBy(c => c.Name).Take(Max).Select(c => new Choice(c.Id, c.Name)).ToListAsync(ct);

    /// <summary>Accounts that are the customer of a contract or a project.</summary>
    public Task<List<Choice>> CustomersAsync(CancellationToken ct) =>
        db.Set<Account>().Where(a => db.Set<ProjectContract>().Any(c => c.CustomerId == a.Id) || db.Set<Project>().Any(p => p.CustomerId == a.Id))
            .OrderBy(a => a.Name).Take(Max).Select(a => new Choice(a.Id, a.Name)).ToListAsync(ct);

    /// <summary>The tasks of every project, named "Project / Task", for the grid's task drop-down.</summary>
    public async Task<List<(Guid ProjectId, Choice Task)>> TasksAsync(CancellationToken ct) =>
        (await (from t in db.Set<ProjectTask>() join p in db.Set<Project>() on t.ProjectId equals p.Id
                orderby p.Name, t.Name select new { t.ProjectId, t.Id, Name = p.Name + " / " + t.Name }).Take(Max).ToListAsync(ct))
        .Select(t => (t.ProjectId, new Choice(t.Id, t.Name))).ToList();
}
