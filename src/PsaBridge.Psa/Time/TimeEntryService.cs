using Microsoft.EntityFrameworkCore;
using PsaBridge.Infrastructure.Paging;
using PsaBridge.Infrastructure.Storage;
using PsaBridge.Infrastructure.Validation;
using PsaBridge.Psa.Actuals;
using PsaBridge.Psa.Projects;
using PsaBridge.Psa.Resources;

namespace PsaBridge.Psa.Time;

public sealed record TimeEntryInput(
    DateOnly? Date,
    int? Duration,
    Guid? ResourceId,
    Guid? ProjectId,
    Guid? TaskId = null,
    Guid? RoleId = null,
    TimeEntryType? Type = null,
    string? Description = null,
    string? ExternalDescription = null);

public sealed record TimeEntryFilter(Guid? ProjectId = null, Guid? ResourceId = null, TimeEntryStatus? Status = null, DateOnly? From = null, DateOnly? To = null);

/// <summary>
/// Time entries and their status flow: Draft → Submitted (priced into a journal) → Approved (posted as
/// actuals); Submitted → Returned (journal dropped) → Submitted again; Submitted → Draft when the resource
/// recalls it; Approved → Recall Requested → Returned (actuals reversed) or back to Approved; cancelling the
/// approval reverses the actuals and puts the entry back to Submitted; cancel → Cancelled, reversing the
/// actuals of an approved entry. Reversals are refused once the entry is on an invoice.
/// </summary>
public sealed class TimeEntryService(PsaDb db, EntryPostingStore store, TimeProvider clock)
{
    private readonly EntryWorkflow<TimeEntry, TimeEntryStatus> _flow = new(db, store, clock, Kind);

    public async Task<TimeEntry> CreateAsync(TimeEntryInput input, CancellationToken ct = default)
    {
        var rules = new Rules().RequiredValue("date", input.Date).RequiredValue("duration", input.Duration)
            .RequiredId("resourceId", input.ResourceId).RequiredId("projectId", input.ProjectId).Defined("type", input.Type)
            .MaxLength("description", input.Description, TimeEntry.DescriptionLength)
            .MaxLength("externalDescription", input.ExternalDescription, TimeEntry.DescriptionLength);
        if (input.Duration is { } d && d is <= 0 or > TimeEntry.MaxDuration)
            rules.Add("duration", $"Duration {d} is out of range: it is in minutes, more than 0 and at most {TimeEntry.MaxDuration} (one day).");
        var resource = input.ResourceId is { } rid ? await db.Set<BookableResource>().AsNoTracking().SingleOrDefaultAsync(r => r.Id == rid, ct) : null;
        if (input.ResourceId is { } missingResource && missingResource != Guid.Empty && resource is null) rules.Add("resourceId", $"Resource '{missingResource}' does not exist.");
        var project = input.ProjectId is { } pid ? await db.Set<Project>().AsNoTracking().Include(p => p.TeamMembers).SingleOrDefaultAsync(p => p.Id == pid, ct) : null;
        if (input.ProjectId is { } missingProject && missingProject != Guid.Empty && project is null) rules.Add("projectId", $"Project '{missingProject}' does not exist.");
        if (input.TaskId is { } taskId && project is not null
            && !await db.Set<ProjectTask>().AnyAsync(t => t.Id == taskId && t.ProjectId == project.Id, ct))
            rules.Add("taskId", $"Task '{taskId}' is not a task of project '{project.Name}'.");
        await rules.ExistAsync<Role>(db, "roleId", input.RoleId, "Role", ct);

        // The role and resourcing unit default from the resource's place on the team (the one assigned to the task first), then from the resource.
        var members = project?.TeamMembers.Where(m => m.ResourceId == resource?.Id && (input.RoleId is null || m.RoleId == input.RoleId)).ToList() ?? [];
        var memberIds = members.Select(m => m.Id).ToList();
        var assigned = input.TaskId is { } task && members.Count > 1
            ? await db.Set<ResourceAssignment>().Where(a => a.TaskId == task && a.TeamMemberId != null && memberIds.Contains(a.TeamMemberId.Value))
                .Select(a => a.TeamMemberId).FirstOrDefaultAsync(ct)
            : null;
        var member = members.FirstOrDefault(m => m.Id == assigned) ?? members.FirstOrDefault();
        var roleId = input.RoleId ?? member?.RoleId ?? resource?.DefaultRoleId;
        if (roleId is null && resource is not null && project is not null)
            rules.Add("roleId", $"'roleId' is required: resource '{resource.Name}' has no role on project '{project.Name}' and no default role.");
        rules.ThrowIfAny();

        var now = clock.GetUtcNow().UtcDateTime;
        var entry = new TimeEntry
        {
            Id = Ids.New(), Date = input.Date!.Value, Duration = input.Duration!.Value, ResourceId = resource!.Id, ProjectId = project!.Id,
            TaskId = input.TaskId, RoleId = roleId!.Value, ResourceOrganizationalUnitId = member?.OrganizationalUnitId ?? resource.OrganizationalUnitId,
            Type = input.Type ?? TimeEntryType.Work, Description = InputRules.Clean(input.Description),
            ExternalDescription = InputRules.Clean(input.ExternalDescription), CreatedOn = now, ModifiedOn = now,
        };
        db.Add(entry);
        await db.SaveChangesAsync(ct);
        return entry;
    }

    /// <summary>Submits a draft or returned entry: prices it into a journal. Fails (changing nothing) when no price can be set.</summary>
    public async Task<TimeEntry> SubmitAsync(Guid id, CancellationToken ct = default)
    {
        var entry = await FindAsync(id, ct);
        Expect(entry, "submitted", TimeEntryStatus.Draft, TimeEntryStatus.Returned);
        var role = await db.Set<Role>().AsNoTracking().SingleAsync(r => r.Id == entry.RoleId, ct);
        var inputs = await store.PricingInputsAsync(entry.ProjectId, TransactionClass.Time, ct);
        if (entry.ResourceOrganizationalUnitId != inputs.ContractingUnitId)
            inputs = inputs with { ResourcingUnit = await store.ResourcingUnitPricesAsync(entry.ResourceOrganizationalUnitId, ct) };
        var now = clock.GetUtcNow().UtcDateTime;
        var posting = new Posting();
        TimeEntryPricing.Submit(posting, entry, role, inputs, now);
        entry.EntryStatus = TimeEntryStatus.Submitted;
        entry.ModifiedOn = now;
        posting.AddTo(db);
        await SaveAsync(ct);
        return entry;
    }

    public async Task<TimeEntry> ApproveAsync(Guid id, CancellationToken ct = default)
    {
        var result = (await ApproveTimeEntries([id], ct)).Results.Single();
        if (!result.Approved)
            throw await db.Set<TimeEntry>().AnyAsync(e => e.Id == id, ct) ? new ConflictException(result.Error!) : new NotFoundException("Time entry", id.ToString());
        return await GetAsync(id, ct);
    }

    /// <summary>
    /// Approves many submitted entries through the shared bulk approval (<see cref="EntryApprover"/>): batches of
    /// <see cref="EntryPostingStore.ApprovalBatchSize"/> in a transaction each, the next batch planned on a second connection
    /// while the current one is written. An entry that cannot be approved fails alone with its reason.
    /// </summary>
    public Task<ApprovalReport> ApproveTimeEntries(IReadOnlyList<Guid> ids, CancellationToken ct = default) =>
        new EntryApprover(db, store, clock).ApproveAsync(ids, Approvable, ct);

    /// <summary>As <see cref="ApproveTimeEntries(IReadOnlyList{Guid}, CancellationToken)"/>, with the approver's billable hours and comment.</summary>
    public Task<ApprovalReport> ApproveTimeEntries(IReadOnlyList<Guid> ids, ApprovalDecision decision, CancellationToken ct = default) =>
        new EntryApprover(db, store, clock).ApproveAsync(ids, Approvable, decision with { Comment = ApprovalDecision.CleanComment(decision.Comment) }, ct);

    /// <summary>As <see cref="ApproveTimeEntries(IReadOnlyList{Guid}, CancellationToken)"/>, with <paramref name="batchSize"/> entries per transaction.</summary>
    public Task<ApprovalReport> ApproveTimeEntries(IReadOnlyList<Guid> ids, int batchSize, CancellationToken ct = default) =>
        new EntryApprover(db, store, clock).ApproveAsync(ids, Approvable, batchSize, ct);

    private static readonly ApprovableEntries<TimeEntryStatus> Approvable = new("Time entry", "entry", TransactionTypes.TimeEntry, TimeEntryStatus.Submitted,
        (source, ids, ct) => source.Set<TimeEntry>().AsNoTracking().Where(e => EF.Parameter(ids).Contains(e.Id))
            .Select(e => new { e.Id, e.EntryStatus }).ToDictionaryAsync(e => e.Id, e => e.EntryStatus, ct),
        // "+ 0" keeps SQLite (no statistics) off the status index, which would scan every submitted entry per batch.
        (target, ids, now, comment, ct) => target.Set<TimeEntry>()
            .Where(e => EF.Parameter(ids).Contains(e.Id) && (int)e.EntryStatus + 0 == (int)TimeEntryStatus.Submitted)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.EntryStatus, TimeEntryStatus.Approved).SetProperty(e => e.ModifiedOn, now)
                .SetProperty(e => e.ApprovalComment, comment), ct));

    /// <summary>Returns a submitted entry to its resource (Project Service's reject for time): its journal is dropped.</summary>
    public Task<TimeEntry> ReturnAsync(Guid id, CancellationToken ct = default) => ReturnAsync(id, null, ct);

    /// <summary>Returns a submitted entry with the approver's comment, the reason its resource reads.</summary>
    public Task<TimeEntry> ReturnAsync(Guid id, string? comment, CancellationToken ct = default) => _flow.SendBackAsync(id, "returned", comment, ct);

    /// <summary>The resource takes an entry back (<see cref="EntryWorkflow{TEntry, TStatus}.RecallAsync"/>).</summary>
    public Task<TimeEntry> RecallAsync(Guid id, CancellationToken ct = default) => _flow.RecallAsync(id, ct);

    /// <summary>The approver grants a recall: the approval's actuals are reversed and the entry is Returned to its resource.</summary>
    public Task<TimeEntry> ApproveRecallAsync(Guid id, string? comment, CancellationToken ct = default) => _flow.GrantRecallAsync(id, comment, ct);

    /// <summary>The approver refuses a recall: the entry stays Approved, its actuals untouched.</summary>
    public Task<TimeEntry> RejectRecallAsync(Guid id, string? comment, CancellationToken ct = default) => _flow.RefuseRecallAsync(id, comment, ct);

    /// <summary>Cancels the approval of an entry (<see cref="EntryWorkflow{TEntry, TStatus}.CancelApprovalAsync"/>).</summary>
    public Task<TimeEntry> CancelApprovalAsync(Guid id, string? comment, CancellationToken ct = default) => _flow.CancelApprovalAsync(id, comment, ct);

    /// <summary>
    /// Cancels an entry. An approved entry's cost and unbilled sales are reversed (refused once invoiced);
    /// a submitted entry's journal is dropped. Cancelled is final: a correction is entered anew.
    /// </summary>
    public async Task<TimeEntry> CancelAsync(Guid id, CancellationToken ct = default)
    {
        var entry = await FindAsync(id, ct);
        Expect(entry, "cancelled", TimeEntryStatus.Draft, TimeEntryStatus.Returned, TimeEntryStatus.Submitted, TimeEntryStatus.Approved);
        var now = clock.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (entry.EntryStatus == TimeEntryStatus.Submitted) await store.DropJournalAsync(entry.Id, ct);
        if (entry.EntryStatus == TimeEntryStatus.Approved)
            await store.ReverseApprovalAsync(entry.Id, TransactionTypes.TimeEntry, submitAgain: false, now.UtcDateTime, ct);
        entry.EntryStatus = TimeEntryStatus.Cancelled;
        entry.ModifiedOn = now.UtcDateTime;
        await SaveAsync(ct);
        await tx.CommitAsync(ct);
        return entry;
    }

    public async Task<TimeEntry> GetAsync(Guid id, CancellationToken ct = default) =>
        await db.Set<TimeEntry>().AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, ct) ?? throw new NotFoundException("Time entry", id.ToString());

    public Task<Page<TimeEntry>> ListAsync(TimeEntryFilter filter, PageRequest page, CancellationToken ct = default)
    {
        var query = db.Set<TimeEntry>().AsNoTracking();
        if (filter.ProjectId is { } project) query = query.Where(e => e.ProjectId == project);
        if (filter.ResourceId is { } resource) query = query.Where(e => e.ResourceId == resource);
        if (filter.Status is { } status) query = query.Where(e => e.EntryStatus == status);
        if (filter.From is { } from) query = query.Where(e => e.Date >= from);
        if (filter.To is { } to) query = query.Where(e => e.Date <= to);
        return query.OrderBy(e => e.Date).ThenBy(e => e.Id).ToPageAsync(page, ct);
    }

    private Task<TimeEntry> FindAsync(Guid id, CancellationToken ct) => _flow.FindAsync(id, ct);

    private void Expect(TimeEntry entry, string action, params TimeEntryStatus[] allowed) => _flow.Expect(entry, action, allowed);

    private Task SaveAsync(CancellationToken ct) => _flow.SaveAsync(ct);

    private static readonly EntryKind<TimeEntryStatus> Kind = new("Time entry", "entry", TransactionTypes.TimeEntry, TimeEntryStatus.Draft,
        TimeEntryStatus.Submitted, TimeEntryStatus.Approved, TimeEntryStatus.RecallRequested, TimeEntryStatus.Returned);
}
