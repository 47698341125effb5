namespace PsaBridge.Web.Security;

/// <summary>
/// The authorization policies every endpoint and page declares: reads take <see cref="Read"/>,
/// changes the policy of the role that owns them.
/// </summary>
public static class Policies
{
    /// <summary>Any signed-in role, Viewer and up.</summary>
    public const string Read = "Read";
    /// <summary>Administrator: users, roles, setup, schedules.</summary>
    public const string Administer = "Administer";
    /// <summary>Administrator, Integration operator: run jobs, read logs, fix accounts.</summary>
    public const string OperateIntegration = "OperateIntegration";
    /// <summary>Administrator, Finance: customers, invoices, number sequences, payment terms.</summary>
    public const string ManageFinance = "ManageFinance";
    /// <summary>Administrator, Project manager: projects, contracts, quotes, approvals.</summary>
    public const string ManageProjects = "ManageProjects";
    /// <summary>Administrator, Project manager, Team member: time and expenses.</summary>
    public const string EnterTime = "EnterTime";

    /// <summary>The roles each policy admits.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> RolesOf = new Dictionary<string, string[]>
    {
        [Read] = Roles.All,
        [Administer] = [Roles.Administrator],
        [OperateIntegration] = [Roles.Administrator, Roles.IntegrationOperator],
        [ManageFinance] = [Roles.Administrator, Roles.Finance],
        [ManageProjects] = [Roles.Administrator, Roles.ProjectManager],
        [EnterTime] = [Roles.Administrator, Roles.ProjectManager, Roles.TeamMember],
    };
}

/// <summary>The roles a user can hold (names as stored in Identity's role table).</summary>
public static class Roles
{
    public const string Administrator = PsaBridge.Finance.Identity.UserAccounts.AdministratorRole;
    public const string IntegrationOperator = "IntegrationOperator";
    public const string Finance = "Finance";
    public const string ProjectManager = "ProjectManager";
    public const string TeamMember = "TeamMember";
    public const string Viewer = "Viewer";

    public static readonly string[] All = [Administrator, IntegrationOperator, Finance, ProjectManager, TeamMember, Viewer];

    /// <summary>The role as the given name spells it, whatever its case and spaces ("integration operator"), or null.</summary>
    public static string? Parse(string? name) =>
        name is null ? null : All.FirstOrDefault(r => string.Equals(r, name.Replace(" ", ""), StringComparison.OrdinalIgnoreCase));

    public static string DisplayName(string role) => role switch
    {
        IntegrationOperator => "Integration operator",
        ProjectManager => "Project manager",
        TeamMember => "Team member",
        _ => role,
    };
}
