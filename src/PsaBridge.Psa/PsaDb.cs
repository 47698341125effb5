using Microsoft.EntityFrameworkCore;
using PsaBridge.Psa.Accounts;

namespace PsaBridge.Psa;

/// <summary>
/// The PSA system of record (the Dataverse side). Entity configurations live beside their entities
/// in the feature folders and are picked up from this assembly.
/// </summary>
public sealed class PsaDb(DbContextOptions<PsaDb> options) : DbContext(options)
{
    public DbSet<Account> Accounts => Set<Account>();

    /// <summary>
    /// A second context on the same database and a connection of its own, for a bulk operation that reads its next
    /// chunk while this context writes the current one. The caller disposes it.
    /// </summary>
    public PsaDb OpenReader() => new(options);

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PsaDb).Assembly);
}
