using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using PsaBridge.Finance.Identity;
using PsaBridge.Infrastructure.Validation;
using PsaBridge.Psa;
using PsaBridge.Psa.Approvals;
using PsaBridge.Psa.Expenses;
using PsaBridge.Psa.Projects;
using PsaBridge.Psa.Time;

namespace PsaBridge.Web.Security;

/// <summary>
/// <see cref="OwnWorkRules"/> applied to the signed-in person and the records a request names: the API's filters and the
/// pages ask it before acting, and the pages list only what it allows. A refusal is a <see cref="ForbiddenException"/> (403).
/// </summary>
public sealed class WorkScope(IHttpContextAccessor http, UserAccounts accounts, PsaDb db)
{
    private ActingPerson? _person;
    private IReadOnlyList<Guid>? _managed;
    private bool _managedRead;

    /// <summary>The person, read once a request; the link is read from the database, so a token's caller has it as well as a cookie's.</summary>
    public async Task<ActingPerson> PersonAsync(CancellationToken ct = default)
    {
        if (_person is not null) return _person;
        var user = http.HttpContext?.User ?? throw new InvalidOperationException("Work is scoped to a request's user.");
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        var resource = userId is null ? null : await accounts.ResourceOfAsync(userId, ct);
        return _person = new ActingPerson(user.IsInRole(Roles.Administrator), resource);
    }

    public async Task EnsureMayEnterForAsync(Guid? resourceId, CancellationToken ct = default) =>
        Refuse(OwnWorkRules.MayEnter(await PersonAsync(ct), resourceId));

    /// <summary>An entry that does not exist passes, so the request answers its usual 404.</summary>
    public async Task EnsureMayEnterTimeEntryAsync(Guid id, CancellationToken ct = default)
    {
        var owner = await db.Set<TimeEntry>().Where(e => e.Id == id).Select(e => (Guid?)e.ResourceId).ToListAsync(ct);
        if (owner.Count > 0) await EnsureMayEnterForAsync(owner[0], ct);
    }

    public async Task EnsureMayEnterExpenseAsync(Guid id, CancellationToken ct = default)
    {
        var owner = await db.Set<ExpenseEntry>().Where(e => e.Id == id).Select(e => new { e.ResourceId }).ToListAsync(ct);
        if (owner.Count > 0) await EnsureMayEnterForAsync(owner[0].ResourceId, ct);
    }

    /// <summary>Refuses the whole decision when one of its entries is on a project the person does not manage; unknown entries fail alone later.</summary>
    public async Task EnsureMayDecideAsync(IEnumerable<(ApprovalEntryType Type, Guid Id)> entries, CancellationToken ct = default)
    {
        var person = await PersonAsync(ct);
        if (person.Administrator) return;
        if (person.ResourceId is null) Refuse(OwnWorkRules.NoResource);
        var list = entries.ToList();
        var timeIds = list.Where(e => e.Type == ApprovalEntryType.Time).Select(e => e.Id).Distinct().ToList();
        var expenseIds = list.Where(e => e.Type == ApprovalEntryType.Expense).Select(e => e.Id).Distinct().ToList();
        var projectIds = await db.Set<TimeEntry>().Where(e => timeIds.Contains(e.Id)).Select(e => e.ProjectId)
            .Concat(db.Set<ExpenseEntry>().Where(e => expenseIds.Contains(e.Id)).Select(e => e.ProjectId)).Distinct().ToListAsync(ct);
        var projects = await db.Set<Project>().Where(p => projectIds.Contains(p.Id)).OrderBy(p => p.Name)
            .Select(p => new { p.Name, p.ProjectManagerId }).ToListAsync(ct);
        foreach (var project in projects) Refuse(OwnWorkRules.MayDecide(person, project.ProjectManagerId, project.Name));
    }

    /// <summary>The projects whose entries the person may decide on: null for all (an Administrator). Read once a request,
    /// as a page asks it for its list, its filter choices and its selection.</summary>
    public async Task<IReadOnlyList<Guid>?> ManagedProjectsAsync(CancellationToken ct = default)
    {
        if (_managedRead) return _managed;
        var person = await PersonAsync(ct);
        _managed = person.Administrator ? null
            : person.ResourceId is not { } resource ? []
            : await db.Set<Project>().Where(p => p.ProjectManagerId == resource).Select(p => p.Id).ToListAsync(ct);
        _managedRead = true;
        return _managed;
    }

    private static void Refuse(string? reason)
    {
        if (reason is not null) throw new ForbiddenException(reason);
    }
}
