using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PsaBridge.Psa.Actuals;
using PsaBridge.Psa.Pricing;
using PsaBridge.Psa.Projects;
using PsaBridge.Psa.Resources;

namespace PsaBridge.Psa.Expenses;

/// <summary>Expense <c>msdyn_expensestatus</c>.</summary>
public enum ExpenseStatus
{
    Draft = 192350000,
    Submitted = 192350001,
    Approved = 192350002,
    Rejected = 192350003,
    Posted = 192350004,
    Paid = 192350005,
    RecallRequested = 192350006,
}

/// <summary>
/// An expense entry (<c>msdyn_expense</c>): what was spent, in which category, on which project. Its
/// cost is the amount entered; its sales price comes from the category price on the sales price list.
/// </summary>
public sealed class ExpenseEntry : IApprovableEntry<ExpenseStatus>
{
    public const int DescriptionLength = 500;

    public Guid Id { get; set; }
    public DateOnly TransactionDate { get; set; }
    public Guid TransactionCategoryId { get; set; }
    public Guid ProjectId { get; set; }
    public Guid? TaskId { get; set; }
    public Guid? ResourceId { get; set; }
    public decimal Quantity { get; set; }
    public string? Unit { get; set; }
    public decimal Price { get; set; }
    public decimal Amount { get; set; }
    public required string Currency { get; set; }
    public ExpenseStatus ExpenseStatus { get; set; } = ExpenseStatus.Draft;

    ExpenseStatus IApprovableEntry<ExpenseStatus>.Status { get => ExpenseStatus; set => ExpenseStatus = value; }
    public string? Description { get; set; }

    /// <summary>The approver's comment on the last decision (approved, rejected, recall approved or refused).</summary>
    public string? ApprovalComment { get; set; }

    public DateTime CreatedOn { get; set; }
    public DateTime ModifiedOn { get; set; }
}

internal sealed class ExpenseEntryConfiguration : IEntityTypeConfiguration<ExpenseEntry>
{
    public void Configure(EntityTypeBuilder<ExpenseEntry> b)
    {
        b.ToTable("Expenses");
        b.HasKey(e => e.Id);
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Property(e => e.Quantity).HasPrecision(19, 4);
        b.Property(e => e.Unit).HasMaxLength(Actuals.BusinessTransaction.UnitLength);
        b.Property(e => e.Price).HasPrecision(19, 4);
        b.Property(e => e.Amount).HasPrecision(19, 4);
        b.Property(e => e.Currency).HasMaxLength(3);
        b.Property(e => e.Description).HasMaxLength(ExpenseEntry.DescriptionLength);
        b.Property(e => e.ApprovalComment).HasMaxLength(Actuals.ApprovalDecision.CommentLength);
        b.Property(e => e.ExpenseStatus).IsConcurrencyToken();
        b.HasOne<TransactionCategory>().WithMany().HasForeignKey(e => e.TransactionCategoryId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Project>().WithMany().HasForeignKey(e => e.ProjectId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ProjectTask>().WithMany().HasForeignKey(e => e.TaskId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<BookableResource>().WithMany().HasForeignKey(e => e.ResourceId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(e => e.ExpenseStatus);
    }
}
