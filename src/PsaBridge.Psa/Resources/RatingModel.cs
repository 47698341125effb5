using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PsaBridge.Psa.Resources;

/// <summary>
/// A rating model (<c>ratingmodel</c>): the ordered values a skill is rated with, such as 1 Beginner to 5 Expert;
/// a higher value is better (as Project Service's Default Rating Model: Familiar 1, Good 2, Proficient 3).
/// </summary>
public sealed class RatingModel
{
    public const int NameLength = 100;

    /// <summary>The range Dataverse allows for <c>minratingvalue</c> and <c>maxratingvalue</c>.</summary>
    public const int Lowest = -200, Highest = 200;

    public Guid Id { get; set; }
    public required string Name { get; set; }
    public int MinRatingValue { get; set; }
    public int MaxRatingValue { get; set; }
    public DateTime CreatedOn { get; set; }
    public List<RatingValue> Values { get; set; } = [];
}

/// <summary>One value of a rating model (<c>ratingvalue</c>); its <see cref="Value"/> is unique within the model and inside its range.</summary>
public sealed class RatingValue
{
    public const int NameLength = 100;

    public Guid Id { get; set; }
    public Guid RatingModelId { get; set; }
    public required string Name { get; set; }
    public int Value { get; set; }
    public bool IsDefault { get; set; }
}

internal sealed class RatingModelConfiguration : IEntityTypeConfiguration<RatingModel>
{
    public void Configure(EntityTypeBuilder<RatingModel> b)
    {
        b.ToTable("RatingModels");
        b.HasKey(m => m.Id);
        b.Property(m => m.Id).ValueGeneratedNever();
        b.Property(m => m.Name).HasMaxLength(RatingModel.NameLength);
        b.HasMany(m => m.Values).WithOne().HasForeignKey(v => v.RatingModelId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RatingValueConfiguration : IEntityTypeConfiguration<RatingValue>
{
    public void Configure(EntityTypeBuilder<RatingValue> b)
    {
        b.ToTable("RatingValues");
        b.HasKey(v => v.Id);
        b.Property(v => v.Id).ValueGeneratedNever();
        b.Property(v => v.Name).HasMaxLength(RatingValue.NameLength);
        b.HasIndex(v => new { v.RatingModelId, v.Value }).IsUnique();
    }
}
