using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PsaBridge.Finance.Identity;

/// <summary>
/// A token a program sends as <c>Authorization: Bearer</c>: only its SHA-256 hash is kept (the token is
/// shown once, when it is made), it acts in one role of its user, and it stops at its expiry or when revoked.
/// </summary>
public sealed class PersonalAccessToken
{
    public const int NameLength = 100, HashLength = 64, PrefixLength = 12, RoleLength = 50;

    public Guid Id { get; set; }
    public required string UserId { get; set; }
    public required string Name { get; set; }
    /// <summary>Lower-case hex SHA-256 of the whole token.</summary>
    public required string TokenHash { get; set; }
    /// <summary>The token's first characters, so a person can tell their tokens apart.</summary>
    public required string Prefix { get; set; }
    public required string Role { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? RevokedAt { get; set; }
    public DateTime? LastUsedAt { get; set; }

    public IdentityUser? User { get; set; }

    public bool IsActiveAt(DateTime now) => RevokedAt is null && ExpiresAt > now;
}

internal sealed class PersonalAccessTokenConfiguration : IEntityTypeConfiguration<PersonalAccessToken>
{
    public void Configure(EntityTypeBuilder<PersonalAccessToken> b)
    {
        b.ToTable("PersonalAccessTokens");
        b.HasKey(t => t.Id);
        b.Property(t => t.UserId).HasMaxLength(450);
        b.Property(t => t.Name).HasMaxLength(PersonalAccessToken.NameLength);
        b.Property(t => t.TokenHash).HasMaxLength(PersonalAccessToken.HashLength);
        b.Property(t => t.Prefix).HasMaxLength(PersonalAccessToken.PrefixLength);
        b.Property(t => t.Role).HasMaxLength(PersonalAccessToken.RoleLength);
        b.HasIndex(t => t.TokenHash).IsUnique();
        b.HasIndex(t => t.UserId);
        b.HasOne(t => t.User).WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
