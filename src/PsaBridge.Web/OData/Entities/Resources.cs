using System.ComponentModel.DataAnnotations;
using System.ComponentModel.DataAnnotations.Schema;
using PsaBridge.Psa.Resources;

namespace PsaBridge.Web.OData.Entities;

/// <summary>
/// Bookable resource (<c>bookableresource</c>). The default role is a lookup here (<c>_msdyn_defaultrole_value</c>, our
/// name); Dataverse keeps it as a <c>bookableresourcecategoryassn</c> row with <c>msdyn_isdefault</c>.
/// </summary>
[FeedEntity("bookableresources", typeof(BookableResource))]
public sealed class bookableresource
{
    [Key, From(nameof(BookableResource.Id))] public Guid bookableresourceid { get; set; }
    [From(nameof(BookableResource.Name))] public string? name { get; set; }
    [From(nameof(BookableResource.ResourceType))] public int resourcetype { get; set; }
    [From(nameof(BookableResource.CreatedOn))] public DateTime createdon { get; set; }

    [From(nameof(BookableResource.OrganizationalUnitId))] public Guid _msdyn_organizationalunit_value { get; set; }
    [ForeignKey(nameof(_msdyn_organizationalunit_value))] public msdyn_organizationalunit? msdyn_organizationalunit { get; set; }

    [From(nameof(BookableResource.DefaultRoleId))] public Guid? _msdyn_defaultrole_value { get; set; }
    [ForeignKey(nameof(_msdyn_defaultrole_value))] public bookableresourcecategory? msdyn_defaultrole { get; set; }
}

/// <summary>Role (<c>bookableresourcecategory</c>).</summary>
[FeedEntity("bookableresourcecategories", typeof(Role))]
public sealed class bookableresourcecategory
{
    [Key, From(nameof(Role.Id))] public Guid bookableresourcecategoryid { get; set; }
    [From(nameof(Role.Name))] public string? name { get; set; }
    [From(nameof(Role.BillingType))] public int msdyn_billingtype { get; set; }
    [From(nameof(Role.CreatedOn))] public DateTime createdon { get; set; }
}
