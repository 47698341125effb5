using System.ComponentModel.DataAnnotations;
using System.ComponentModel.DataAnnotations.Schema;
using PsaBridge.Psa.Resources;
using PsaBridge.Psa.Scheduling;

namespace PsaBridge.Web.OData.Entities;

// Bookings keep days and hours here, where Dataverse keeps start and end times and a duration in minutes: the days are
// starttime/endtime (dates) and the hours msdyn_hours. The booking status is the value of the status record Dataverse
// looks up (bookingstatus.status: 1 Proposed, 2 Committed, 3 Canceled).

/// <summary>Booking (<c>bookableresourcebookingheader</c>): a resource booked on a project for a window and hours.</summary>
[FeedEntity("bookableresourcebookingheaders", typeof(BookingHeader))]
public sealed class bookableresourcebookingheader
{
    [Key, From(nameof(BookingHeader.Id))] public Guid bookableresourcebookingheaderid { get; set; }
    [From(nameof(BookingHeader.StartDate))] public DateOnly starttime { get; set; }
    [From(nameof(BookingHeader.EndDate))] public DateOnly endtime { get; set; }
    [From(nameof(BookingHeader.Hours))] public decimal msdyn_hours { get; set; }
    [From(nameof(BookingHeader.Status))] public int bookingstatus { get; set; }
    [From(nameof(BookingHeader.AllocationMethod))] public int msdyn_allocationmethod { get; set; }
    [From(nameof(BookingHeader.Percentage))] public decimal? msdyn_percentage { get; set; }
    [From(nameof(BookingHeader.OverbookedHours))] public decimal msdyn_overbookedhours { get; set; }
    [From(nameof(BookingHeader.CreatedOn))] public DateTime createdon { get; set; }

    [From(nameof(BookingHeader.ProjectId))] public Guid _msdyn_projectid_value { get; set; }
    [ForeignKey(nameof(_msdyn_projectid_value))] public msdyn_project? msdyn_projectid { get; set; }

    [From(nameof(BookingHeader.TeamMemberId))] public Guid? _msdyn_projectteamid_value { get; set; }
    [ForeignKey(nameof(_msdyn_projectteamid_value))] public msdyn_projectteam? msdyn_projectteamid { get; set; }

    [From(nameof(BookingHeader.ResourceId))] public Guid _msdyn_bookableresourceid_value { get; set; }
    [ForeignKey(nameof(_msdyn_bookableresourceid_value))] public bookableresource? msdyn_bookableresourceid { get; set; }

    [From(nameof(BookingHeader.RequirementId))] public Guid? _msdyn_resourcerequirement_value { get; set; }
    [ForeignKey(nameof(_msdyn_resourcerequirement_value))] public msdyn_resourcerequirement? msdyn_resourcerequirement { get; set; }

    [From(nameof(BookingHeader.RoleId))] public Guid? _msdyn_resourcecategoryid_value { get; set; }
    [ForeignKey(nameof(_msdyn_resourcecategoryid_value))] public bookableresourcecategory? msdyn_resourcecategoryid { get; set; }
}

/// <summary>One day of a booking (<c>bookableresourcebooking</c>).</summary>
[FeedEntity("bookableresourcebookings", typeof(Booking))]
public sealed class bookableresourcebooking
{
    [Key, From(nameof(Booking.Id))] public Guid bookableresourcebookingid { get; set; }
    [From(nameof(Booking.Date))] public DateOnly starttime { get; set; }
    [From(nameof(Booking.Hours))] public decimal msdyn_hours { get; set; }
    [From(nameof(Booking.Status))] public int bookingstatus { get; set; }

    [From(nameof(Booking.HeaderId))] public Guid _header_value { get; set; }
    [ForeignKey(nameof(_header_value))] public bookableresourcebookingheader? header { get; set; }

    [From(nameof(Booking.ResourceId))] public Guid _resource_value { get; set; }
    [ForeignKey(nameof(_resource_value))] public bookableresource? resource { get; set; }

    [From(nameof(Booking.ProjectId))] public Guid _msdyn_projectid_value { get; set; }
    [ForeignKey(nameof(_msdyn_projectid_value))] public msdyn_project? msdyn_projectid { get; set; }
}

/// <summary>Characteristic (<c>characteristic</c>): a skill or certification.</summary>
[FeedEntity("characteristics", typeof(Characteristic))]
public sealed class characteristic
{
    [Key, From(nameof(Characteristic.Id))] public Guid characteristicid { get; set; }
    [From(nameof(Characteristic.Name))] public string? name { get; set; }
    [From(nameof(Characteristic.CharacteristicType))] public int characteristictype { get; set; }
    [From(nameof(Characteristic.RatingModelId))] public Guid? _ratingmodel_value { get; set; }
    [From(nameof(Characteristic.CreatedOn))] public DateTime createdon { get; set; }
}

/// <summary>A resource's characteristic (<c>bookableresourcecharacteristic</c>) and its rating value.</summary>
[FeedEntity("bookableresourcecharacteristics", typeof(ResourceCharacteristic))]
public sealed class bookableresourcecharacteristic
{
    [Key, From(nameof(ResourceCharacteristic.Id))] public Guid bookableresourcecharacteristicid { get; set; }
    [From(nameof(ResourceCharacteristic.RatingValueId))] public Guid? _ratingvalue_value { get; set; }

    [From(nameof(ResourceCharacteristic.ResourceId))] public Guid _resource_value { get; set; }
    [ForeignKey(nameof(_resource_value))] public bookableresource? resource { get; set; }

    [From(nameof(ResourceCharacteristic.CharacteristicId))] public Guid _characteristic_value { get; set; }
    [ForeignKey(nameof(_characteristic_value))] public characteristic? characteristic { get; set; }
}

/// <summary>A resource's role (<c>bookableresourcecategoryassn</c>); <c>msdyn_isdefault</c> marks the default one.</summary>
[FeedEntity("bookableresourcecategoryassns", typeof(ResourceRole))]
public sealed class bookableresourcecategoryassn
{
    [Key, From(nameof(ResourceRole.Id))] public Guid bookableresourcecategoryassnid { get; set; }
    [From(nameof(ResourceRole.IsDefault))] public bool msdyn_isdefault { get; set; }

    [From(nameof(ResourceRole.ResourceId))] public Guid _resource_value { get; set; }
    [ForeignKey(nameof(_resource_value))] public bookableresource? resource { get; set; }

    [From(nameof(ResourceRole.RoleId))] public Guid _resourcecategory_value { get; set; }
    [ForeignKey(nameof(_resourcecategory_value))] public bookableresourcecategory? resourcecategory { get; set; }
}
