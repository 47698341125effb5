using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PsaBridge.Psa.Pricing;
using PsaBridge.Psa.Sales.InvoiceFrequencies;

namespace PsaBridge.Psa.Sales.Parameters;

/// <summary>
/// The PSA parameters (<c>msdyn_projectparameter</c>), one row: the last place a deal's sales price lists
/// default from (<c>msdyn_projectparameterpricelist</c>) and the default invoice frequency of new lines.
/// </summary>
public sealed class ProjectParameter
{
    public static readonly Guid SingletonId = new("5a1e5000-0000-4000-8000-0000000000a0");

    public Guid Id { get; set; }
    public Guid? InvoiceFrequencyId { get; set; }
    public DateTime ModifiedOn { get; set; }
    public List<ProjectParameterPriceList> PriceLists { get; set; } = [];
}

/// <summary>A sales price list of the PSA parameters (<c>msdyn_projectparameterpricelist</c>).</summary>
public sealed class ProjectParameterPriceList
{
    public Guid ProjectParameterId { get; set; }
    public Guid PriceListId { get; set; }
}

internal sealed class ProjectParameterConfiguration : IEntityTypeConfiguration<ProjectParameter>
{
    public void Configure(EntityTypeBuilder<ProjectParameter> b)
    {
        b.ToTable("ProjectParameters");
        b.HasKey(p => p.Id);
        b.Property(p => p.Id).ValueGeneratedNever();
        b.HasOne<InvoiceFrequency>().WithMany().HasForeignKey(p => p.InvoiceFrequencyId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(p => p.PriceLists).WithOne().HasForeignKey(p => p.ProjectParameterId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ProjectParameterPriceListConfiguration : IEntityTypeConfiguration<ProjectParameterPriceList>
{
    public void Configure(EntityTypeBuilder<ProjectParameterPriceList> b) =>
        PriceListLinks.Configure(b, "ProjectParameterPriceLists", p => new { p.ProjectParameterId, p.PriceListId }, p => p.PriceListId);
}
