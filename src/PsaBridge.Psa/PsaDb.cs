using Microsoft.EntityFrameworkCore;
using PsaBridge.Infrastructure.Storage;
using PsaBridge.Psa.Accounts;

namespace PsaBridge.Psa;

/// <summary>
/// The PSA system of record (the Dataverse side). Entity configurations live beside their entities
/// in the feature folders and are picked up from this assembly.
/// </summary>
public sealed class PsaDb(DbContextOptions<PsaDb> options) : DbContext(options)
{
    /// <summary>
    /// How many bulk operations in this process may hold a second connection at once. A bulk operation holds its own
    /// connection (in a transaction) while it opens the reader's; were every pooled connection held by one waiting for
    /// a second, none would come back. Kept far below any pool size (Npgsql's default is 100).
    /// </summary>
    public const int MaxReaders = 4;

    private static readonly SemaphoreSlim ReaderSlots = new(MaxReaders, MaxReaders);
    private int _holdsReaderSlot;

    // Readers are made here, never by EF's context pool (which uses the public constructor only): a pooled context holds no slot.
    private PsaDb(DbContextOptions<PsaDb> options, bool holdsReaderSlot) : this(options) => _holdsReaderSlot = holdsReaderSlot ? 1 : 0;

    public DbSet<Account> Accounts => Set<Account>();

    /// <summary>
    /// A second context on the same database and a connection of its own, for a bulk operation that reads its next
    /// chunk while this context writes the current one; null when <see cref="MaxReaders"/> are already open, and the
    /// operation then reads on its own context between writes. The caller disposes it, which gives the slot back.
    /// </summary>
    public PsaDb? TryOpenReader() => ReaderSlots.Wait(0) ? new PsaDb(options, holdsReaderSlot: true) : null;

    public override void Dispose()
    {
        try { base.Dispose(); }
        finally { ReleaseReaderSlot(); }
    }

    public override async ValueTask DisposeAsync()
    {
        try { await base.DisposeAsync(); }
        finally { ReleaseReaderSlot(); }
    }

    private void ReleaseReaderSlot()
    {
        if (Interlocked.Exchange(ref _holdsReaderSlot, 0) == 1) ReaderSlots.Release();
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        SqliteGuidConverter.Apply(configurationBuilder, Database);

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PsaDb).Assembly);
}
