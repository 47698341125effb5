using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PsaBridge.Finance.IntegrationLog;

/// <summary>The seed's log statuses. A header is Running only while its job runs.</summary>
public enum IntegrationStatus { Running = 0, Completed = 1, Error = 2 }

/// <summary>What the sync did with one account.</summary>
public enum SyncAction { None = 0, Created = 1, Updated = 2, Unchanged = 3 }

/// <summary>
/// The PSA integration log header: one per run of a job. Batch job id and job description are set
/// when the job runs in batch (the scheduler); an interactive run leaves the batch job id empty.
/// </summary>
public sealed class IntegrationLogHeader
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public string? BatchJobId { get; set; }
    public required string JobDescription { get; set; }
    public DateTime ExecutionDate { get; set; }
    public DateTime? FinishedAt { get; set; }
    public IntegrationStatus Status { get; set; }
    public bool DryRun { get; set; }
    /// <summary>A full run re-reads every account; an incremental one (the default) reads those changed since the last run.</summary>
    public bool Full { get; set; }
    public int ReadCount { get; set; }
    public int CreatedCount { get; set; }
    public int UpdatedCount { get; set; }
    public int UnchangedCount { get; set; }
    public int FailedCount { get; set; }
    public int ZipCodesCreatedCount { get; set; }
    public long DurationMs { get; set; }
    /// <summary>A note on the run as a whole, e.g. that it was interrupted and resumed by a later run.</summary>
    public string? Message { get; set; }
    /// <summary>Who started an interactive run (null for the schedule's runs, which have a batch job id).</summary>
    public string? StartedBy { get; set; }
}

/// <summary>One line per account processed: Completed or Error, the action taken, and every message.</summary>
public sealed class IntegrationLogLine
{
    public Guid HeaderId { get; set; }
    public int LineNumber { get; set; }
    public Guid PsaAccountId { get; set; }
    public long PsaVersion { get; set; }
    public required string AccountName { get; set; }
    public string? AccountNumber { get; set; }
    public string? CustomerAccount { get; set; }
    public IntegrationStatus Status { get; set; }
    public SyncAction Action { get; set; }
    public bool ZipCodeCreated { get; set; }
    /// <summary>Messages separated by newlines (a message never holds one).</summary>
    public string Messages { get; set; } = "";
}

/// <summary>
/// How far a job has read: the highest PSA version number committed so far and, for a source read by change tracking,
/// the link it gave after the last committed page (a next link mid-read, else a delta link).
/// </summary>
public sealed class SyncWatermark
{
    public required string Job { get; set; }
    public long LastVersion { get; set; }
    public string? Position { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>
/// An account whose last attempt failed. Every run retries it until it succeeds, so fixing the
/// account in PSA (or the reference data in finance) is enough to get it through.
/// </summary>
public sealed class SyncFailure
{
    public required string Job { get; set; }
    public Guid PsaAccountId { get; set; }
    public long PsaVersion { get; set; }
    public int Attempts { get; set; }
    public DateTime FirstFailedAt { get; set; }
    public DateTime LastFailedAt { get; set; }
    public string LastMessages { get; set; } = "";
    /// <summary>The finance setup version the last attempt was validated against (see <c>FinanceSetupVersion</c>).</summary>
    public long SetupVersion { get; set; }
}

/// <summary>
/// A write a page of the sync is about to send to a remote target (Finance and Operations), recorded and committed before
/// it is sent and deleted with the page's commit: one left behind names an account whose customer the remote may hold
/// although no log line says so, and the next run reconciles it by the PSA key the customer carries.
/// </summary>
public sealed class SyncIntent
{
    public required string Job { get; set; }
    public Guid PsaAccountId { get; set; }
    public Guid HeaderId { get; set; }
    public int Page { get; set; }
    public int LineNumber { get; set; }
    public long PsaVersion { get; set; }
    public required string AccountName { get; set; }
    public string? AccountNumber { get; set; }
    /// <summary>The customer account the write asks for; null when the target's number sequence gives it.</summary>
    public string? PlannedAccount { get; set; }
    public SyncAction Action { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>A lease that keeps two runs of one job from overlapping, across processes and machines.</summary>
public sealed class JobLease
{
    public required string Job { get; set; }
    public string? Owner { get; set; }
    public DateTime? AcquiredAt { get; set; }
    public DateTime? ExpiresAt { get; set; }
    public Guid? HeaderId { get; set; }
}

internal sealed class IntegrationLogHeaderConfiguration : IEntityTypeConfiguration<IntegrationLogHeader>
{
    public void Configure(EntityTypeBuilder<IntegrationLogHeader> b)
    {
        b.ToTable("IntegrationLogHeaders");
        b.HasKey(h => h.Id);
        b.Property(h => h.BatchJobId).HasMaxLength(100);
        b.Property(h => h.JobDescription).HasMaxLength(200);
        b.Property(h => h.Message).HasMaxLength(2000);
        b.Property(h => h.StartedBy).HasMaxLength(256);
        b.HasIndex(h => new { h.Status, h.ExecutionDate });
        b.HasIndex(h => h.ExecutionDate);
    }
}

internal sealed class IntegrationLogLineConfiguration : IEntityTypeConfiguration<IntegrationLogLine>
{
    public void Configure(EntityTypeBuilder<IntegrationLogLine> b)
    {
        b.ToTable("IntegrationLogLines");
        b.HasKey(l => new { l.HeaderId, l.LineNumber });
        b.Property(l => l.AccountName).HasMaxLength(200);
        b.Property(l => l.AccountNumber).HasMaxLength(100);
        b.Property(l => l.CustomerAccount).HasMaxLength(20);
        b.HasOne<IntegrationLogHeader>().WithMany().HasForeignKey(l => l.HeaderId).OnDelete(DeleteBehavior.Cascade);
        // A customer's history and a PSA account's are both read by the PSA account (no index by customer account: migration 0005).
        b.HasIndex(l => l.PsaAccountId);
    }
}

internal sealed class SyncWatermarkConfiguration : IEntityTypeConfiguration<SyncWatermark>
{
    public void Configure(EntityTypeBuilder<SyncWatermark> b)
    {
        b.ToTable("SyncWatermarks");
        b.HasKey(w => w.Job);
        b.Property(w => w.Job).HasMaxLength(50);
    }
}

internal sealed class SyncFailureConfiguration : IEntityTypeConfiguration<SyncFailure>
{
    public void Configure(EntityTypeBuilder<SyncFailure> b)
    {
        b.ToTable("SyncFailures");
        b.HasKey(f => new { f.Job, f.PsaAccountId });
        b.Property(f => f.Job).HasMaxLength(50);
    }
}

internal sealed class SyncIntentConfiguration : IEntityTypeConfiguration<SyncIntent>
{
    public void Configure(EntityTypeBuilder<SyncIntent> b)
    {
        b.ToTable("SyncIntents");
        b.HasKey(i => new { i.Job, i.PsaAccountId });
        b.Property(i => i.Job).HasMaxLength(50);
        b.Property(i => i.AccountName).HasMaxLength(200);
        b.Property(i => i.AccountNumber).HasMaxLength(100);
        b.Property(i => i.PlannedAccount).HasMaxLength(20);
    }
}

internal sealed class JobLeaseConfiguration : IEntityTypeConfiguration<JobLease>
{
    public void Configure(EntityTypeBuilder<JobLease> b)
    {
        b.ToTable("JobLeases");
        b.HasKey(l => l.Job);
        b.Property(l => l.Job).HasMaxLength(50);
        b.Property(l => l.Owner).HasMaxLength(200);
    }
}

/// <summary>The recurrence of a periodic batch job, as the administrator set it.</summary>
public sealed class BatchJobSchedule
{
    public required string Job { get; set; }
    public bool Enabled { get; set; }
    public int IntervalMinutes { get; set; }
    public DateTime ModifiedAt { get; set; }
}

internal sealed class BatchJobScheduleConfiguration : IEntityTypeConfiguration<BatchJobSchedule>
{
    public void Configure(EntityTypeBuilder<BatchJobSchedule> b)
    {
        b.ToTable("BatchJobSchedules");
        b.HasKey(s => s.Job);
        b.Property(s => s.Job).HasMaxLength(50);
    }
}
