using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PsaBridge.Finance.Customers;

/// <summary>F&amp;O's party type: the seed's "Relation type".</summary>
public enum RelationType { Organization = 1, Person = 2 }

/// <summary>A finance customer (CustTable with its party and primary postal address), keyed by customer account.</summary>
public sealed class Customer
{
    public const int AccountLength = 20, NameLength = 100, PhoneLength = 255, EmailLength = 255,
        StreetLength = 250, CityLength = 60, StateLength = 10, CountyLength = 10, ZipLength = 10,
        CountryLength = 10, CurrencyLength = 10;

    public required string CustomerAccount { get; set; }
    public required string Name { get; set; }
    public RelationType RelationType { get; set; } = RelationType.Organization;
    public required string CustomerGroupId { get; set; }
    public string? Currency { get; set; }
    public string? PaymentTerms { get; set; }
    public decimal CreditLimit { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public PostalAddress Address { get; set; } = new();
    public Guid? PsaAccountId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ModifiedAt { get; set; }
}

/// <summary>The primary postal address. Street holds the address lines separated by newlines, as F&amp;O does.</summary>
public sealed class PostalAddress
{
    public string? Street { get; set; }
    public string? City { get; set; }
    public string? State { get; set; }
    public string? County { get; set; }
    public string? ZipCode { get; set; }
    public string? CountryRegion { get; set; }

    public bool IsEmpty => Street is null && City is null && State is null && County is null && ZipCode is null && CountryRegion is null;
}

internal sealed class CustomerConfiguration : IEntityTypeConfiguration<Customer>
{
    public void Configure(EntityTypeBuilder<Customer> b)
    {
        b.ToTable("Customers");
        b.HasKey(c => c.CustomerAccount);
        b.Property(c => c.CustomerAccount).HasMaxLength(Customer.AccountLength);
        b.Property(c => c.Name).HasMaxLength(Customer.NameLength);
        b.Property(c => c.RelationType).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.CustomerGroupId).HasMaxLength(10);
        b.Property(c => c.Currency).HasMaxLength(Customer.CurrencyLength);
        b.Property(c => c.PaymentTerms).HasMaxLength(10);
        b.Property(c => c.CreditLimit).HasPrecision(19, 4);
        b.Property(c => c.Phone).HasMaxLength(Customer.PhoneLength);
        b.Property(c => c.Email).HasMaxLength(Customer.EmailLength);
        b.OwnsOne(c => c.Address, a =>
        {
            a.Property(x => x.Street).HasColumnName("AddressStreet").HasMaxLength(Customer.StreetLength);
            a.Property(x => x.City).HasColumnName("AddressCity").HasMaxLength(Customer.CityLength);
            a.Property(x => x.State).HasColumnName("AddressState").HasMaxLength(Customer.StateLength);
            a.Property(x => x.County).HasColumnName("AddressCounty").HasMaxLength(Customer.CountyLength);
            a.Property(x => x.ZipCode).HasColumnName("AddressZipCode").HasMaxLength(Customer.ZipLength);
            a.Property(x => x.CountryRegion).HasColumnName("AddressCountryRegion").HasMaxLength(Customer.CountryLength);
        });
        b.Navigation(c => c.Address).IsRequired();
        b.HasIndex(c => c.PsaAccountId).IsUnique();
        b.HasIndex(c => c.Name);
    }
}
