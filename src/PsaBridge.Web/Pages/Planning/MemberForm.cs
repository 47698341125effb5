using System.ComponentModel.DataAnnotations;
using PsaBridge.Psa.Projects;

namespace PsaBridge.Web.Pages.Planning;

/// <summary>The team page's new-member form: a resource (none for a generic member) and its role; the labels are the words its field errors use.</summary>
public sealed class MemberForm
{
    [Display(Name = "Resource")] public Guid? ResourceId { get; set; }
    [Display(Name = "Role")] public Guid? RoleId { get; set; }
    [Display(Name = "From")] public DateOnly? From { get; set; }
    [Display(Name = "To")] public DateOnly? To { get; set; }
    [Display(Name = "Hours")] public decimal? Hours { get; set; }

    public TeamMemberInput ToInput() => new(ResourceId, RoleId, From: From, To: To, Hours: Hours);
}
