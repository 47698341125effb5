using System.ComponentModel.DataAnnotations;
using System.ComponentModel.DataAnnotations.Schema;
using PsaBridge.Psa.Projects;
using PsaBridge.Psa.Scheduling;

namespace PsaBridge.Web.OData.Entities;

/// <summary>
/// Resource assignment (<c>msdyn_resourceassignment</c>): a team member on a task. The role is carried here too
/// (<c>_msdyn_resourcecategory_value</c>, our addition), where Dataverse takes it from the team member.
/// </summary>
[FeedEntity("msdyn_resourceassignments", typeof(ResourceAssignment))]
public sealed class msdyn_resourceassignment
{
    [Key, From(nameof(ResourceAssignment.Id))] public Guid msdyn_resourceassignmentid { get; set; }
    [From(nameof(ResourceAssignment.FromDate))] public DateOnly msdyn_fromdate { get; set; }
    [From(nameof(ResourceAssignment.ToDate))] public DateOnly msdyn_todate { get; set; }
    [From(nameof(ResourceAssignment.Hours))] public decimal msdyn_hours { get; set; }
    [From(nameof(ResourceAssignment.PlannedWork))] public string? msdyn_plannedwork { get; set; }
    [From(nameof(ResourceAssignment.PlannedCost))] public decimal msdyn_plannedcost { get; set; }
    [From(nameof(ResourceAssignment.PlannedSales))] public decimal msdyn_plannedsales { get; set; }

    [From(nameof(ResourceAssignment.ProjectId))] public Guid _msdyn_projectid_value { get; set; }
    [ForeignKey(nameof(_msdyn_projectid_value))] public msdyn_project? msdyn_projectid { get; set; }

    [From(nameof(ResourceAssignment.TaskId))] public Guid _msdyn_taskid_value { get; set; }
    [ForeignKey(nameof(_msdyn_taskid_value))] public msdyn_projecttask? msdyn_taskid { get; set; }

    [From(nameof(ResourceAssignment.TeamMemberId))] public Guid? _msdyn_projectteamid_value { get; set; }
    [ForeignKey(nameof(_msdyn_projectteamid_value))] public msdyn_projectteam? msdyn_projectteamid { get; set; }

    [From(nameof(ResourceAssignment.ResourceId))] public Guid? _msdyn_bookableresourceid_value { get; set; }
    [ForeignKey(nameof(_msdyn_bookableresourceid_value))] public bookableresource? msdyn_bookableresourceid { get; set; }

    [From(nameof(ResourceAssignment.RoleId))] public Guid _msdyn_resourcecategory_value { get; set; }
    [ForeignKey(nameof(_msdyn_resourcecategory_value))] public bookableresourcecategory? msdyn_resourcecategory { get; set; }
}

/// <summary>
/// Resource requirement (<c>msdyn_resourcerequirement</c>). Its hours are <c>msdyn_hours</c> here (Dataverse keeps minutes in
/// <c>msdyn_duration</c>) and its status the value itself (Dataverse looks up a requirement status record).
/// </summary>
[FeedEntity("msdyn_resourcerequirements", typeof(ResourceRequirement))]
public sealed class msdyn_resourcerequirement
{
    [Key, From(nameof(ResourceRequirement.Id))] public Guid msdyn_resourcerequirementid { get; set; }
    [From(nameof(ResourceRequirement.Name))] public string? msdyn_name { get; set; }
    [From(nameof(ResourceRequirement.FromDate))] public DateOnly msdyn_fromdate { get; set; }
    [From(nameof(ResourceRequirement.ToDate))] public DateOnly msdyn_todate { get; set; }
    [From(nameof(ResourceRequirement.Hours))] public decimal msdyn_hours { get; set; }
    [From(nameof(ResourceRequirement.Percentage))] public decimal? msdyn_percentage { get; set; }
    [From(nameof(ResourceRequirement.AllocationMethod))] public int msdyn_allocationmethod { get; set; }
    [From(nameof(ResourceRequirement.Status))] public int msdyn_status { get; set; }
    [From(nameof(ResourceRequirement.CreatedOn))] public DateTime createdon { get; set; }

    [From(nameof(ResourceRequirement.ProjectId))] public Guid _msdyn_projectid_value { get; set; }
    [ForeignKey(nameof(_msdyn_projectid_value))] public msdyn_project? msdyn_projectid { get; set; }

    [From(nameof(ResourceRequirement.TeamMemberId))] public Guid? _msdyn_projectteamid_value { get; set; }
    [ForeignKey(nameof(_msdyn_projectteamid_value))] public msdyn_projectteam? msdyn_projectteamid { get; set; }

    [From(nameof(ResourceRequirement.RoleId))] public Guid _msdyn_resourcecategory_value { get; set; }
    [ForeignKey(nameof(_msdyn_resourcecategory_value))] public bookableresourcecategory? msdyn_resourcecategory { get; set; }

    [From(nameof(ResourceRequirement.OrganizationalUnitId))] public Guid? _msdyn_organizationalunitid_value { get; set; }
    [ForeignKey(nameof(_msdyn_organizationalunitid_value))] public msdyn_organizationalunit? msdyn_organizationalunitid { get; set; }
}

/// <summary>Project estimate (<c>msdyn_estimate</c>): one a project, whose lines add up to its planned cost and sales.</summary>
[FeedEntity("msdyn_estimates", typeof(Estimate))]
public sealed class msdyn_estimate
{
    [Key, From(nameof(Estimate.Id))] public Guid msdyn_estimateid { get; set; }
    [From(nameof(Estimate.HeaderType))] public int msdyn_estimateheadertype { get; set; }
    [From(nameof(Estimate.ModifiedOn))] public DateTime modifiedon { get; set; }

    [From(nameof(Estimate.ProjectId))] public Guid _msdyn_project_value { get; set; }
    [ForeignKey(nameof(_msdyn_project_value))] public msdyn_project? msdyn_project { get; set; }
}

/// <summary>Estimate line (<c>msdyn_estimateline</c>): one day of one assignment as cost or sales; the assignment is our addition.</summary>
[FeedEntity("msdyn_estimatelines", typeof(EstimateLine))]
public sealed class msdyn_estimateline : BusinessTransactionColumns
{
    [Key, From(nameof(EstimateLine.Id))] public Guid msdyn_estimatelineid { get; set; }
    [From(nameof(EstimateLine.OriginId))] public Guid? _msdyn_origin_value { get; set; }

    [From(nameof(EstimateLine.EstimateId))] public Guid _msdyn_estimate_value { get; set; }
    [ForeignKey(nameof(_msdyn_estimate_value))] public msdyn_estimate? msdyn_estimate { get; set; }

    [From(nameof(EstimateLine.AssignmentId))] public Guid _msdyn_resourceassignment_value { get; set; }
    [ForeignKey(nameof(_msdyn_resourceassignment_value))] public msdyn_resourceassignment? msdyn_resourceassignment { get; set; }
}
