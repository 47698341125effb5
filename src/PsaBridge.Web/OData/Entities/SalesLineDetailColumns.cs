using PsaBridge.Psa.Sales.Estimates;

namespace PsaBridge.Web.OData.Entities;

/// <summary>
/// The columns quote and contract line details add to the business-transaction ones: the estimate's window and its origin
/// (a sales estimate points to its cost twin). The window is a pair of dates here; Dataverse keeps date-times.
/// </summary>
public abstract class SalesLineDetailColumns : BusinessTransactionColumns
{
    [From(nameof(SalesLineDetail.StartDate))] public DateOnly msdyn_startdatetime { get; set; }
    [From(nameof(SalesLineDetail.EndDate))] public DateOnly msdyn_enddatetime { get; set; }
    [From(nameof(SalesLineDetail.OriginId))] public Guid? _msdyn_origin_value { get; set; }
}
