using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PsaBridge.Infrastructure.Storage;
using PsaBridge.Psa.Actuals;
using PsaBridge.Psa.Resources;
using PsaBridge.Psa.Tests.Api;
using PsaBridge.Psa.Time;
using PsaBridge.Testing;

namespace PsaBridge.Psa.Tests.Actuals;

/// <summary>
/// The seed's world (<see cref="Alpine"/>) with two identical sets of submitted entries (varied dates and durations),
/// priced by the submission rule and bulk inserted, so a test can post one set one way and its twin the other; with a
/// scope and its context, for the bulk posting tests.
/// </summary>
internal sealed record PostingWorld(PsaBridgeApp App, Alpine Alpine, AsyncServiceScope Scope, PsaDb Db, List<Guid> A, List<Guid> B) : IAsyncDisposable
{
    /// <summary>Both sets, <see cref="A"/> first.</summary>
    public List<Guid> All => [.. A, .. B];

    /// <summary>The world on the run's engine, or on <paramref name="engine"/> when given.</summary>
    public static async Task<PostingWorld> SubmittedAsync(int perSet, DatabaseEngine? engine = null)
    {
        var app = await PsaBridgeApp.StartAsync(engine: engine);
        var alpine = await Alpine.SetUpAsync(app.CreateClient());
        var scope = app.Services.CreateAsyncScope();
        var (a, b) = await SubmittedTwinsAsync(scope.ServiceProvider, alpine, perSet);
        return new PostingWorld(app, alpine, scope, scope.ServiceProvider.GetRequiredService<PsaDb>(), a, b);
    }

    public T Get<T>() where T : notnull => Scope.ServiceProvider.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        await Scope.DisposeAsync();
        await App.DisposeAsync();
    }

    private static async Task<(List<Guid> A, List<Guid> B)> SubmittedTwinsAsync(IServiceProvider services, Alpine alpine, int count)
    {
        var db = services.GetRequiredService<PsaDb>();
        var inputs = await services.GetRequiredService<EntryPostingStore>().PricingInputsAsync(alpine.Project, TransactionClass.Time, default);
        var role = await db.Set<Role>().AsNoTracking().SingleAsync(r => r.Id == alpine.ProjectManager);
        var now = DateTime.UtcNow;
        var entries = new List<TimeEntry>();
        var posting = new Posting();
        foreach (var twin in new[] { 0, 1 })
        for (var i = 0; i < count; i++)
        {
            var entry = new TimeEntry
            {
                Id = Guid.CreateVersion7(), Date = new DateOnly(2018, 1, 1).AddDays(i % 360), Duration = 15 + i * 7 % 1_425, ResourceId = alpine.Ashley,
                ProjectId = alpine.Project, RoleId = role.Id, ResourceOrganizationalUnitId = alpine.Unit, EntryStatus = TimeEntryStatus.Submitted,
                Description = $"Entry {i}", CreatedOn = now, ModifiedOn = now,
            };
            entries.Add(entry);
            TimeEntryPricing.Submit(posting, entry, role, inputs, now);
        }
        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            await BulkInsert.InsertEntitiesAsync(db, entries, default);
            await PostingWriter.WriteAsync(db, posting, default);
            await tx.CommitAsync();
        }
        return (entries.Take(count).Select(e => e.Id).ToList(), entries.Skip(count).Select(e => e.Id).ToList());
    }
}

/// <summary>
/// The tests of the bulk paths that depend on the process-wide reader slots (<see cref="PsaDb.MaxReaders"/>): one runs
/// with every slot taken, the others rely on getting one (planning on the second connection). Nothing runs beside them.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ReaderSlots
{
    public const string Name = "Reader slots";
}
