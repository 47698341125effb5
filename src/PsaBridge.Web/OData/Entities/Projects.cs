using System.ComponentModel.DataAnnotations;
using System.ComponentModel.DataAnnotations.Schema;
using PsaBridge.Psa.Projects;

namespace PsaBridge.Web.OData.Entities;

/// <summary>Project (<c>msdyn_project</c>). The project manager is a bookable resource here, where Dataverse looks up a user.</summary>
[FeedEntity("msdyn_projects", typeof(Project))]
public sealed class msdyn_project
{
    [Key, From(nameof(Project.Id))] public Guid msdyn_projectid { get; set; }
    [From(nameof(Project.Name))] public string? msdyn_subject { get; set; }
    [From(nameof(Project.ScheduledStart))] public DateOnly? msdyn_scheduledstart { get; set; }
    [From(nameof(Project.ScheduledEnd))] public DateOnly? msdyn_scheduledend { get; set; }
    [From(nameof(Project.StatusCode))] public int statuscode { get; set; }
    [From(nameof(Project.CreatedOn))] public DateTime createdon { get; set; }

    [From(nameof(Project.CustomerId))] public Guid? _msdyn_customer_value { get; set; }
    [ForeignKey(nameof(_msdyn_customer_value))] public account? msdyn_customer { get; set; }

    [From(nameof(Project.ContractId))] public Guid? _msdyn_salesorderid_value { get; set; }
    [ForeignKey(nameof(_msdyn_salesorderid_value))] public salesorder? msdyn_salesorderid { get; set; }

    [From(nameof(Project.ContractingUnitId))] public Guid _msdyn_contractorganizationalunitid_value { get; set; }
    [ForeignKey(nameof(_msdyn_contractorganizationalunitid_value))] public msdyn_organizationalunit? msdyn_contractorganizationalunitid { get; set; }

    [From(nameof(Project.ProjectManagerId))] public Guid? _msdyn_projectmanager_value { get; set; }
    [ForeignKey(nameof(_msdyn_projectmanager_value))] public bookableresource? msdyn_projectmanager { get; set; }
}

/// <summary>Project task (<c>msdyn_projecttask</c>).</summary>
[FeedEntity("msdyn_projecttasks", typeof(ProjectTask))]
public sealed class msdyn_projecttask
{
    [Key, From(nameof(ProjectTask.Id))] public Guid msdyn_projecttaskid { get; set; }
    [From(nameof(ProjectTask.Name))] public string? msdyn_subject { get; set; }
    [From(nameof(ProjectTask.WbsId))] public string? msdyn_wbsid { get; set; }
    [From(nameof(ProjectTask.ScheduledStart))] public DateOnly? msdyn_scheduledstart { get; set; }
    [From(nameof(ProjectTask.ScheduledEnd))] public DateOnly? msdyn_scheduledend { get; set; }
    [From(nameof(ProjectTask.Effort))] public decimal? msdyn_effort { get; set; }

    [From(nameof(ProjectTask.ProjectId))] public Guid _msdyn_project_value { get; set; }
    [ForeignKey(nameof(_msdyn_project_value))] public msdyn_project? msdyn_project { get; set; }
}

/// <summary>Project team member (<c>msdyn_projectteam</c>).</summary>
[FeedEntity("msdyn_projectteams", typeof(ProjectTeamMember))]
public sealed class msdyn_projectteam
{
    [Key, From(nameof(ProjectTeamMember.Id))] public Guid msdyn_projectteamid { get; set; }
    [From(nameof(ProjectTeamMember.BillingType))] public int? msdyn_billingtype { get; set; }

    [From(nameof(ProjectTeamMember.ProjectId))] public Guid _msdyn_project_value { get; set; }
    [ForeignKey(nameof(_msdyn_project_value))] public msdyn_project? msdyn_project { get; set; }

    [From(nameof(ProjectTeamMember.ResourceId))] public Guid _msdyn_bookableresourceid_value { get; set; }
    [ForeignKey(nameof(_msdyn_bookableresourceid_value))] public bookableresource? msdyn_bookableresourceid { get; set; }

    [From(nameof(ProjectTeamMember.RoleId))] public Guid _msdyn_resourcecategory_value { get; set; }
    [ForeignKey(nameof(_msdyn_resourcecategory_value))] public bookableresourcecategory? msdyn_resourcecategory { get; set; }

    [From(nameof(ProjectTeamMember.OrganizationalUnitId))] public Guid _msdyn_organizationalunit_value { get; set; }
    [ForeignKey(nameof(_msdyn_organizationalunit_value))] public msdyn_organizationalunit? msdyn_organizationalunit { get; set; }
}
