using System.ComponentModel.DataAnnotations;
using PsaBridge.Psa.Scheduling;

namespace PsaBridge.Web.Pages.Planning;

/// <summary>The schedule board's filters as the query string carries them (<c>?from=2018-02-05&amp;weeks=4&amp;roleId=...</c>).</summary>
public sealed class BoardFilter
{
    [Display(Name = "Week of")] public DateOnly? From { get; set; }
    [Display(Name = "Weeks")] public int? Weeks { get; set; }
    [Display(Name = "Role")] public Guid? RoleId { get; set; }
    [Display(Name = "Resourcing unit")] public Guid? OrganizationalUnitId { get; set; }
    [Display(Name = "Skill")] public Guid? CharacteristicId { get; set; }
    [Display(Name = "Name")] [StringLength(100)] public string? Search { get; set; }

    public ResourceSelection Selection => new(null, RoleId, OrganizationalUnitId, CharacteristicId, Search);
}
