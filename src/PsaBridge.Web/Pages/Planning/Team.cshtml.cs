using Microsoft.AspNetCore.Mvc;
using PsaBridge.Infrastructure.Paging;
using PsaBridge.Infrastructure.Validation;
using PsaBridge.Psa.Projects;
using PsaBridge.Psa.Scheduling;
using PsaBridge.Reporting.Shared;
using PsaBridge.Web.Pages.Shared;

namespace PsaBridge.Web.Pages.Planning;

/// <summary>
/// A project's team, named and generic members with their hours, and its resource requirements. Members are added,
/// <i>Generate team</i> run and a generic member's requirement made here; a requirement's page finds and books resources.
/// </summary>
[Authorize(Policy = Policies.Read)]
public sealed class TeamModel(ProjectService projects, TeamService team, RequirementService requirements, Names names) : AppPage
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public MemberForm Member { get; set; } = new();

    public string ProjectName { get; private set; } = "";
    public IReadOnlyList<TeamMemberView> Members { get; private set; } = [];
    public IReadOnlyList<RequirementView> Requirements { get; private set; } = [];
    public IReadOnlyList<KeyValuePair<Guid, string>> Resources { get; private set; } = [];
    public IReadOnlyList<KeyValuePair<Guid, string>> Roles { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        ProjectName = (await projects.GetAsync(Id, ct)).Name;
        Members = await team.ListAsync(Id, ct);
        Requirements = (await requirements.ListAsync(new RequirementFilter(Id), new PageRequest(1, PageRequest.MaxPageSize), ct)).Items;
        Resources = Sorted(await names.ResourcesAsync(ct));
        Roles = Sorted(await names.RolesAsync(ct));
    }

    [HandlerPolicy(Policies.ManageProjects)]
    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        await OnGetAsync(ct);
        if (ModelState.IsValid)
            try
            {
                var added = await team.AddAsync(Id, Member.ToInput(), ct);
                Notify($"{added.Name} added to the team as {added.Role}.");
                return RedirectToPage(new { Id });
            }
            catch (ValidationFailedException e)
            {
                ModelState.AddFieldErrors(e.Errors, nameof(Member), typeof(MemberForm));
            }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    [HandlerPolicy(Policies.ManageProjects)]
    public async Task<IActionResult> OnPostGenerateAsync(CancellationToken ct)
    {
        await OnGetAsync(ct);
        var added = (await team.GenerateAsync(Id, ct)).Count(m => Members.All(old => old.Id != m.Id));
        Notify(added == 0 ? "Every role assigned to tasks already has a team member." : $"{added} generic team member{(added == 1 ? "" : "s")} added.");
        return RedirectToPage(new { Id });
    }

    [HandlerPolicy(Policies.ManageProjects)]
    public async Task<IActionResult> OnPostRequireAsync(Guid memberId, CancellationToken ct)
    {
        await OnGetAsync(ct);
        if (Members.All(m => m.Id != memberId)) throw new NotFoundException("Team member", memberId.ToString());
        try
        {
            var requirement = await requirements.CreateAsync(Id, new RequirementInput(TeamMemberId: memberId), ct);
            Notify($"Requirement for {requirement.Role} created: {PlanningUi.Hours(requirement.Hours)} h from {PlanningUi.Date(requirement.FromDate)} to {PlanningUi.Date(requirement.ToDate)}.");
            return Redirect($"/planning/requirements/{requirement.Id}");
        }
        catch (Exception e) when (e is ValidationFailedException or ConflictException)
        {
            foreach (var message in e is ValidationFailedException v ? v.Errors.Select(f => f.Message) : [e.Message]) ModelState.AddModelError("", message);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
    }

    private static List<KeyValuePair<Guid, string>> Sorted(Dictionary<Guid, string> byId) => byId.OrderBy(n => n.Value, StringComparer.OrdinalIgnoreCase).ToList();
}
