using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PsaBridge.Psa.Accounts;

/// <summary>Dataverse statecode of an account.</summary>
public enum AccountState { Active = 0, Inactive = 1 }

/// <summary>
/// A PSA account (Dataverse <c>account</c>). The address is free text, as users type it; the
/// finance side validates it. <see cref="VersionNumber"/> grows on every change, as Dataverse's
/// <c>versionnumber</c>, and is what the customer sync reads changes by.
/// </summary>
public sealed class Account
{
    // Dataverse column lengths.
    public const int NameLength = 160, AccountNumberLength = 20, PhoneLength = 50, EmailLength = 100,
        LineLength = 250, CityLength = 80, StateLength = 50, PostalCodeLength = 20, CountryLength = 80,
        PaymentTermsLength = 20;

    public Guid Id { get; set; }
    public required string Name { get; set; }
    public string? AccountNumber { get; set; }
    public string? Currency { get; set; }
    public string? Telephone1 { get; set; }
    public string? EmailAddress1 { get; set; }
    public Address Address1 { get; set; } = new();
    public decimal? CreditLimit { get; set; }
    public string? PaymentTerms { get; set; }
    public AccountState StateCode { get; set; } = AccountState.Active;
    public DateTime CreatedOn { get; set; }
    public DateTime ModifiedOn { get; set; }
    public long VersionNumber { get; set; }
}

public sealed class Address
{
    public string? Line1 { get; set; }
    public string? Line2 { get; set; }
    public string? Line3 { get; set; }
    public string? City { get; set; }
    public string? StateOrProvince { get; set; }
    public string? PostalCode { get; set; }
    public string? Country { get; set; }
}

internal sealed class AccountConfiguration : IEntityTypeConfiguration<Account>
{
    public void Configure(EntityTypeBuilder<Account> b)
    {
        b.ToTable("Accounts");
        b.HasKey(a => a.Id);
        b.Property(a => a.Id).ValueGeneratedNever();
        b.Property(a => a.Name).HasMaxLength(Account.NameLength);
        b.Property(a => a.AccountNumber).HasMaxLength(Account.AccountNumberLength);
        b.Property(a => a.Currency).HasMaxLength(3);
        b.Property(a => a.Telephone1).HasMaxLength(Account.PhoneLength);
        b.Property(a => a.EmailAddress1).HasMaxLength(Account.EmailLength);
        b.Property(a => a.CreditLimit).HasPrecision(19, 4);
        b.Property(a => a.PaymentTerms).HasMaxLength(Account.PaymentTermsLength);
        b.Property(a => a.StateCode).HasConversion<int>();
        b.OwnsOne(a => a.Address1, x =>
        {
            x.Property(p => p.Line1).HasColumnName("Address1Line1").HasMaxLength(Account.LineLength);
            x.Property(p => p.Line2).HasColumnName("Address1Line2").HasMaxLength(Account.LineLength);
            x.Property(p => p.Line3).HasColumnName("Address1Line3").HasMaxLength(Account.LineLength);
            x.Property(p => p.City).HasColumnName("Address1City").HasMaxLength(Account.CityLength);
            x.Property(p => p.StateOrProvince).HasColumnName("Address1StateOrProvince").HasMaxLength(Account.StateLength);
            x.Property(p => p.PostalCode).HasColumnName("Address1PostalCode").HasMaxLength(Account.PostalCodeLength);
            x.Property(p => p.Country).HasColumnName("Address1Country").HasMaxLength(Account.CountryLength);
        });
        b.Navigation(a => a.Address1).IsRequired();
        b.HasIndex(a => a.VersionNumber).IsUnique();
        b.HasIndex(a => a.Name);
        b.HasIndex(a => a.AccountNumber);
    }
}
