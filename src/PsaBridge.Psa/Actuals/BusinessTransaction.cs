using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PsaBridge.Psa.Actuals;

/// <summary>
/// The business-transaction columns Dataverse shares between journal lines, actuals and invoice line
/// details. A transaction is priced once (on the journal line, at submission) and copied forward,
/// so the amount of an actual is frozen when it is posted.
/// </summary>
public abstract class BusinessTransaction
{
    public const int UnitLength = 20, DescriptionLength = 500;

    public Guid Id { get; set; }
    public TransactionType TransactionType { get; set; }
    public TransactionClass TransactionClass { get; set; }
    public BillingType? BillingType { get; set; }
    public DateOnly DocumentDate { get; set; }
    public DateOnly? AccountingDate { get; set; }
    public decimal Quantity { get; set; }
    public string? Unit { get; set; }
    public decimal UnitPrice { get; set; }
    public decimal Amount { get; set; }
    public required string Currency { get; set; }
    public AmountMethod AmountMethod { get; set; } = AmountMethod.MultiplyQuantityByPrice;
    public Guid? PriceListId { get; set; }
    public Guid? ProjectId { get; set; }
    public Guid? TaskId { get; set; }
    public Guid? ResourceId { get; set; }
    public Guid? RoleId { get; set; }
    public Guid? ResourceOrganizationalUnitId { get; set; }
    public Guid? ContractOrganizationalUnitId { get; set; }
    public Guid? TransactionCategoryId { get; set; }
    public Guid? CustomerId { get; set; }
    public Guid? ContractId { get; set; }
    public Guid? ContractLineId { get; set; }
    public string? Description { get; set; }

    /// <summary>Copies every business-transaction column except the id.</summary>
    public void CopyFrom(BusinessTransaction other)
    {
        TransactionType = other.TransactionType;
        TransactionClass = other.TransactionClass;
        BillingType = other.BillingType;
        DocumentDate = other.DocumentDate;
        AccountingDate = other.AccountingDate;
        Quantity = other.Quantity;
        Unit = other.Unit;
        UnitPrice = other.UnitPrice;
        Amount = other.Amount;
        Currency = other.Currency;
        AmountMethod = other.AmountMethod;
        PriceListId = other.PriceListId;
        ProjectId = other.ProjectId;
        TaskId = other.TaskId;
        ResourceId = other.ResourceId;
        RoleId = other.RoleId;
        ResourceOrganizationalUnitId = other.ResourceOrganizationalUnitId;
        ContractOrganizationalUnitId = other.ContractOrganizationalUnitId;
        TransactionCategoryId = other.TransactionCategoryId;
        CustomerId = other.CustomerId;
        ContractId = other.ContractId;
        ContractLineId = other.ContractLineId;
        Description = other.Description;
    }

    internal static void Configure<T>(EntityTypeBuilder<T> b) where T : BusinessTransaction
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Quantity).HasPrecision(19, 4);
        b.Property(x => x.UnitPrice).HasPrecision(19, 4);
        b.Property(x => x.Amount).HasPrecision(19, 4);
        b.Property(x => x.Currency).HasMaxLength(3);
        b.Property(x => x.Unit).HasMaxLength(UnitLength);
        b.Property(x => x.Description).HasMaxLength(DescriptionLength);
    }
}
