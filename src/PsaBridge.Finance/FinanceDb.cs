using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using PsaBridge.Finance.AddressSetup;
using PsaBridge.Finance.Audit;
using PsaBridge.Finance.Currencies;
using PsaBridge.Finance.CustomerGroups;
using PsaBridge.Finance.Identity;
using PsaBridge.Finance.Customers;
using PsaBridge.Finance.IntegrationLog;
using PsaBridge.Finance.NumberSequences;
using PsaBridge.Finance.PaymentTerms;
using PsaBridge.Infrastructure.Storage;

namespace PsaBridge.Finance;

/// <summary>
/// The finance system of record (the F&amp;O side): customers, address setup, number sequences,
/// payment terms, and the integration log that the sync writes in the same transaction as its customers.
/// It also keeps who may sign in (ASP.NET Core Identity's tables, personal access tokens) and the
/// data-protection keys, so every node of a cluster shares them.
/// </summary>
public sealed class FinanceDb(DbContextOptions<FinanceDb> options) : IdentityDbContext<IdentityUser>(options), IDataProtectionKeyContext
{
    public DbSet<Customer> Customers => Set<Customer>();
    public DbSet<Country> Countries => Set<Country>();
    public DbSet<State> States => Set<State>();
    public DbSet<City> Cities => Set<City>();
    public DbSet<ZipCode> ZipCodes => Set<ZipCode>();
    public DbSet<Currency> Currencies => Set<Currency>();
    public DbSet<PaymentTerm> PaymentTerms => Set<PaymentTerm>();
    public DbSet<CustomerGroup> CustomerGroups => Set<CustomerGroup>();
    public DbSet<NumberSequence> NumberSequences => Set<NumberSequence>();
    public DbSet<IntegrationLogHeader> IntegrationLogHeaders => Set<IntegrationLogHeader>();
    public DbSet<IntegrationLogLine> IntegrationLogLines => Set<IntegrationLogLine>();
    public DbSet<SyncWatermark> SyncWatermarks => Set<SyncWatermark>();
    public DbSet<SyncFailure> SyncFailures => Set<SyncFailure>();
    public DbSet<SyncIntent> SyncIntents => Set<SyncIntent>();
    public DbSet<JobLease> JobLeases => Set<JobLease>();
    public DbSet<BatchJobSchedule> BatchJobSchedules => Set<BatchJobSchedule>();
    public DbSet<PersonalAccessToken> PersonalAccessTokens => Set<PersonalAccessToken>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        SqliteGuidConverter.Apply(configurationBuilder, Database);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(FinanceDb).Assembly);
    }
}
