using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PsaBridge.Psa.Resources;

/// <summary><c>characteristic.characteristictype</c>.</summary>
public enum CharacteristicType { Skill = 1, Certification = 2 }

/// <summary>
/// A characteristic (<c>characteristic</c>): a skill rated on a rating model, or a certification a resource has or has not.
/// Dataverse leaves the model to each rating; here a skill names its model, so a rating of another model is refused.
/// </summary>
public sealed class Characteristic
{
    public const int NameLength = 100;

    public Guid Id { get; set; }
    public required string Name { get; set; }
    public CharacteristicType CharacteristicType { get; set; } = CharacteristicType.Skill;

    /// <summary>The rating model a skill is rated on; none for a certification.</summary>
    public Guid? RatingModelId { get; set; }

    public DateTime CreatedOn { get; set; }
}

/// <summary>A resource's characteristic (<c>bookableresourcecharacteristic</c>) with its rating (<c>ratingvalue</c>).</summary>
public sealed class ResourceCharacteristic
{
    public Guid Id { get; set; }
    public Guid ResourceId { get; set; }
    public Guid CharacteristicId { get; set; }
    public Guid? RatingValueId { get; set; }
}

internal sealed class CharacteristicConfiguration : IEntityTypeConfiguration<Characteristic>
{
    public void Configure(EntityTypeBuilder<Characteristic> b)
    {
        b.ToTable("Characteristics");
        b.HasKey(c => c.Id);
        b.Property(c => c.Id).ValueGeneratedNever();
        b.Property(c => c.Name).HasMaxLength(Characteristic.NameLength);
        b.HasOne<RatingModel>().WithMany().HasForeignKey(c => c.RatingModelId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(c => c.Name);
    }
}

internal sealed class ResourceCharacteristicConfiguration : IEntityTypeConfiguration<ResourceCharacteristic>
{
    public void Configure(EntityTypeBuilder<ResourceCharacteristic> b)
    {
        b.ToTable("ResourceCharacteristics");
        b.HasKey(c => c.Id);
        b.Property(c => c.Id).ValueGeneratedNever();
        b.HasOne<BookableResource>().WithMany().HasForeignKey(c => c.ResourceId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Characteristic>().WithMany().HasForeignKey(c => c.CharacteristicId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<RatingValue>().WithMany().HasForeignKey(c => c.RatingValueId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(c => new { c.ResourceId, c.CharacteristicId }).IsUnique();
        b.HasIndex(c => c.CharacteristicId);
        b.HasIndex(c => c.RatingValueId);
    }
}
