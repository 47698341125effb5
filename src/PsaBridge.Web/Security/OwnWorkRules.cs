namespace PsaBridge.Web.Security;

/// <summary>Who acts: an Administrator (who may act on anyone's work), and the bookable resource their user is linked to, if any.</summary>
public sealed record ActingPerson(bool Administrator, Guid? ResourceId);

/// <summary>
/// Issue 21's scoping of time, expenses and approvals, as plain rules: a Team member (or anyone but an Administrator) works
/// on their own resource's time and expenses; a Project manager decides on entries of the projects they manage. Each
/// answers null when allowed, or the reason it is not.
/// </summary>
public static class OwnWorkRules
{
    public const string NoResource =
        "Your user is linked to no bookable resource, so PsaBridge cannot tell which time, expenses and projects are yours. "
        + "Ask an administrator to link it (psabridge users link EMAIL RESOURCE).";

    public const string NotYourResource = "You may enter, change, submit and recall only your own time and expenses, not another resource's.";

    public static string? MayEnter(ActingPerson person, Guid? resourceId) =>
        person.Administrator ? null
        : person.ResourceId is null ? NoResource
        : resourceId == person.ResourceId ? null
        : NotYourResource;

    public static string? MayDecide(ActingPerson person, Guid? projectManagerId, string project) =>
        person.Administrator ? null
        : person.ResourceId is null ? NoResource
        : projectManagerId == person.ResourceId ? null
        : $"You may approve only entries of projects you manage; you are not the project manager of '{project}'.";
}
