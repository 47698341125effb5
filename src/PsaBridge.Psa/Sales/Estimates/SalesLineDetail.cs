using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PsaBridge.Psa.Actuals;

namespace PsaBridge.Psa.Sales.Estimates;

/// <summary>
/// One record of an estimate of a quote or contract line (<c>msdyn_quotelinetransaction</c>,
/// <c>msdyn_orderlinetransaction</c>). An estimate is two records: the sales one (transaction type Project
/// Contract) and its cost twin (type Cost), which share every non-money field; the sales record's
/// <see cref="OriginId"/> points at the twin, as "a revenue entry points to its related cost entry".
/// </summary>
public abstract class SalesLineDetail : BusinessTransaction
{
    /// <summary><c>msdyn_startdatetime</c>; also the document date the prices are looked up on.</summary>
    public DateOnly StartDate { get; set; }

    /// <summary><c>msdyn_enddatetime</c>.</summary>
    public DateOnly EndDate { get; set; }

    /// <summary><c>msdyn_origin</c>: on the sales record, its cost twin.</summary>
    public Guid? OriginId { get; set; }

    public bool IsSales => TransactionType == TransactionType.ProjectContract;

    /// <summary>Copies the estimate's columns (the business-transaction ones and the dates), not the id or origin.</summary>
    public void CopyEstimate(SalesLineDetail other)
    {
        CopyFrom(other);
        StartDate = other.StartDate;
        EndDate = other.EndDate;
    }

    internal static void ConfigureDetail<T>(EntityTypeBuilder<T> b) where T : SalesLineDetail
    {
        BusinessTransaction.Configure(b);
        b.Ignore(d => d.IsSales);
    }
}
