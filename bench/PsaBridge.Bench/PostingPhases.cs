using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using PsaBridge.Infrastructure.Storage;
using PsaBridge.Psa;
using PsaBridge.Psa.Accounts;
using PsaBridge.Psa.Actuals;
using PsaBridge.Psa.Invoicing;
using PsaBridge.Psa.Journals;
using PsaBridge.Psa.OrganizationalUnits;
using PsaBridge.Psa.Pricing;
using PsaBridge.Psa.Projects;
using PsaBridge.Psa.Resources;
using PsaBridge.Psa.Sales;
using PsaBridge.Psa.Sales.Estimates;
using PsaBridge.Psa.Time;

namespace PsaBridge.Bench;

/// <summary>
/// The phases of the posting benchmark. Setup builds the seed's world at scale (one contracting unit, two
/// roles, ten resources, cost and sales price lists, customer, time-and-material contract, project) and N
/// submitted time entries with their journals, priced by the same rule submission uses and bulk inserted.
/// </summary>
public static class PostingPhases
{
    private static readonly DateOnly InvoiceDate = new(2018, 12, 31);

    public static async Task<Dictionary<string, object>> RunAsync(PostingOptions o) => o.Phase switch
    {
        "setup" => await SetupAsync(o),
        "approve" => await ApproveAsync(o),
        "baseline" => await BaselineAsync(o),
        "draft" => await DraftAsync(o),
        "confirm-write" => await ConfirmWriteAsync(o),
        "confirm" => await ConfirmAsync(o),
        _ => throw new ArgumentException($"unknown posting phase {o.Phase}"),
    };

    /// <summary>The 1-, 5- and 15-minute load averages: the machine is shared, so every figure carries it.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static DatabaseLocation Location(PostingOptions o, string name) => o.Engine == "postgres"
        ? new DatabaseLocation(DatabaseEngine.PostgreSql, new NpgsqlConnectionStringBuilder(o.Pg) { Database = $"benchpost_{name}" }.ConnectionString)
        : DatabaseLocation.Sqlite(Path.Combine(o.Dir, name + ".db"));

    private static PsaDb Open(PostingOptions o, string name = "psa") => Phases.Open<PsaDb>(Location(o, name), x => new PsaDb(x));

    private static async Task AdminAsync(PostingOptions o, params string[] statements)
    {
        await using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(o.Pg) { Database = "postgres" }.ConnectionString);
        await admin.OpenAsync();
        foreach (var sql in statements)
        {
            await using var command = new NpgsqlCommand(sql, admin);
            await command.ExecuteNonQueryAsync();
        }
    }

    /// <summary>
    /// A copy of the drafted database for the confirm-write phase, made before confirm changes it (not timed): on SQLite
    /// the file, flushed to disk so its writing does not overlap the next phase; on PostgreSQL a database from it as template.
    /// </summary>
    public static async Task CopyDraftedAsync(PostingOptions o)
    {
        if (o.Engine == "postgres")
        {
            await AdminAsync(o, "DROP DATABASE IF EXISTS benchpost_drafted WITH (FORCE)", "CREATE DATABASE benchpost_drafted TEMPLATE benchpost_psa");
            return;
        }
        foreach (var suffix in new[] { "", "-wal" })
        {
            var from = Path.Combine(o.Dir, "psa.db" + suffix);
            var to = Path.Combine(o.Dir, "drafted.db" + suffix);
            File.Delete(to);
            if (!File.Exists(from)) continue;
            File.Copy(from, to);
            await using var copy = new FileStream(to, FileMode.Open, FileAccess.ReadWrite);
            copy.Flush(flushToDisk: true);
        }
    }

    public static async Task DropDraftedAsync(PostingOptions o)
    {
        if (o.Engine == "postgres") await AdminAsync(o, "DROP DATABASE IF EXISTS benchpost_drafted WITH (FORCE)");
        else foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(Path.Combine(o.Dir, "drafted.db" + suffix));
    }

    private static async Task<Dictionary<string, object>> SetupAsync(PostingOptions o)
    {
        if (o.Engine == "postgres")
            foreach (var name in new[] { "psa", "baseline" })
                await AdminAsync(o, $"DROP DATABASE IF EXISTS benchpost_{name} WITH (FORCE)", $"CREATE DATABASE benchpost_{name}");
        else
        {
            if (Directory.Exists(o.Dir)) Directory.Delete(o.Dir, true);
            Directory.CreateDirectory(o.Dir);
        }
        await using (var baseline = Open(o, "baseline")) SchemaMigrator.Upgrade(baseline);

        var watch = Stopwatch.StartNew();
        await using var db = Open(o);
        SchemaMigrator.Upgrade(db);
        var clock = TimeProvider.System;
        var unit = await new OrganizationalUnitService(db, clock).CreateAsync(new OrganizationalUnitInput("Contoso Consulting US", "USD"));
        var resources = new ResourceService(db, clock);
        var manager = await resources.CreateRoleAsync(new RoleInput("Project Manager"));
        var consultant = await resources.CreateRoleAsync(new RoleInput("Consultant"));
        var team = new List<BookableResource>();
        for (var i = 0; i < 10; i++)
            team.Add(await resources.CreateResourceAsync(new ResourceInput($"Resource {i + 1:D2}", ResourceType.User, unit.Id, i % 2 == 0 ? manager.Id : consultant.Id)));
        var customer = await new AccountService(db, clock).CreateAsync(new AccountInput("Alpine Ski House", Currency: "USD"));
        var prices = new PriceListService(db, clock);
        await prices.CreateAsync(new PriceListInput("Contoso US cost 2018", PriceListContext.Cost, "USD", new(2018, 1, 1), new(2018, 12, 31), OrganizationalUnitId: unit.Id,
            RolePrices: [new(manager.Id, 50.00m), new(consultant.Id, 42.50m)]));
        await prices.CreateAsync(new PriceListInput("Alpine Ski House sales 2018", PriceListContext.Sales, "USD", new(2018, 1, 1), new(2018, 12, 31), CustomerId: customer.Id,
            RolePrices: [new(manager.Id, 100.00m), new(consultant.Id, 87.25m)]));
        var project = await new ProjectService(db, clock).CreateAsync(new ProjectInput("Alpine CRM implementation", unit.Id, customer.Id, team[0].Id,
            TeamMembers: team.Select(r => new TeamMemberInput(r.Id, r.DefaultRoleId)).ToList()));
        var contract = await new ContractService(db, clock).CreateAsync(new ContractInput("Alpine CRM", customer.Id, unit.Id,
            Lines: [new SalesLineInput("CRM implementation", BillingMethod.TimeAndMaterial, project.Id, 100_000_000m)]));

        // Submitted entries with their journals, priced by the submission rule itself, bulk inserted in batches.
        var inputs = await new EntryPostingStore(db).PricingInputsAsync(project.Id, TransactionClass.Time, default);
        var roles = (await db.Set<Role>().AsNoTracking().ToListAsync()).ToDictionary(r => r.Id);
        var now = DateTime.UtcNow;
        for (var first = 0; first < o.Entries; first += 10_000)
        {
            var entries = new List<TimeEntry>();
            var posting = new Posting();
            for (var i = first; i < Math.Min(first + 10_000, o.Entries); i++)
            {
                var resource = team[i % team.Count];
                var entry = new TimeEntry
                {
                    Id = Guid.CreateVersion7(), Date = new DateOnly(2018, 1, 1).AddDays(i % 364), Duration = 60 + i % 29 * 15, ResourceId = resource.Id,
                    ProjectId = project.Id, RoleId = resource.DefaultRoleId!.Value, ResourceOrganizationalUnitId = unit.Id, EntryStatus = TimeEntryStatus.Submitted,
                    Description = $"Work item {i + 1}", CreatedOn = now, ModifiedOn = now,
                };
                entries.Add(entry);
                TimeEntryPricing.Submit(posting, entry, roles[entry.RoleId], inputs, now);
            }
            await using var tx = await db.Database.BeginTransactionAsync();
            await BulkInsert.InsertEntitiesAsync(db, entries, default);
            await PostingWriter.WriteAsync(db, posting, default);
            await tx.CommitAsync();
        }
        Console.WriteLine($"set up contract '{contract.Name}' and {o.Entries:N0} submitted time entries in {watch.Elapsed.TotalSeconds:F1}s");
        return new() { ["seconds"] = watch.Elapsed.TotalSeconds };
    }

    /// <summary>Approve-all through the service's bulk method: one transaction per batch (<see cref="EntryPostingStore.ApprovalBatchSize"/>).</summary>
    private static async Task<Dictionary<string, object>> ApproveAsync(PostingOptions o)
    {
        await using var db = Open(o);
        var ids = await db.Set<TimeEntry>().Where(e => e.EntryStatus == TimeEntryStatus.Submitted).OrderBy(e => e.Id).Select(e => e.Id).ToListAsync();
        var service = new TimeEntryService(db, new EntryPostingStore(db), TimeProvider.System);
        var loadBefore = LoadAverage();
        var watch = Stopwatch.StartNew();
        var report = await service.ApproveTimeEntries(ids);
        var seconds = watch.Elapsed.TotalSeconds;
        var load = $"{loadBefore} → {LoadAverage()}";
        var actuals = await db.Set<Actual>().CountAsync();
        var origins = await db.Set<TransactionOrigin>().CountAsync(t => t.TransactionType == TransactionTypes.Actual);
        var connections = await db.Set<TransactionConnection>().CountAsync(c => c.Transaction1Type == TransactionTypes.Actual);
        if (report.Approved != o.Entries || report.Failed != 0) throw new InvalidOperationException($"approved {report.Approved}, failed {report.Failed}");
        return new()
        {
            ["seconds"] = seconds, ["approved"] = report.Approved, ["actuals"] = actuals, ["origins"] = origins, ["connections"] = connections,
            ["rows"] = actuals + origins + connections, ["load"] = load,
        };
    }

    /// <summary>
    /// The raw-insert baseline: the rows approval writes (actuals, origins, connections) plus as many
    /// journal-line rows as it marks posted, built beforehand and bulk inserted in one transaction on an
    /// empty copy of the schema: no reading, no rules, no updates.
    /// </summary>
    private static async Task<Dictionary<string, object>> BaselineAsync(PostingOptions o)
    {
        await using var db = Open(o, "baseline");
        var now = DateTime.UtcNow;
        var journal = new Journal { Id = Guid.CreateVersion7(), Description = "Baseline", CreatedOn = now };
        var lines = new List<JournalLine>(2 * o.Entries);
        var actuals = new List<Actual>(2 * o.Entries);
        var origins = new List<TransactionOrigin>(4 * o.Entries);
        var connections = new List<TransactionConnection>(o.Entries);
        var (project, customer, contract, resource, role) = (Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
        for (var i = 0; i < o.Entries; i++)
        {
            var entry = Guid.CreateVersion7();
            var hours = (60 + i % 29 * 15) / 60m;
            var pair = new List<Actual>(2);
            foreach (var (type, price) in new[] { (TransactionType.Cost, 50.00m), (TransactionType.UnbilledSales, 100.00m) })
            {
                var line = new JournalLine
                {
                    Id = Guid.CreateVersion7(), JournalId = journal.Id, SourceEntryId = entry, TransactionType = type, TransactionClass = TransactionClass.Time,
                    BillingType = BillingType.Chargeable, DocumentDate = new DateOnly(2018, 1, 1).AddDays(i % 364), Quantity = hours, Unit = "Hour", UnitPrice = price,
                    Amount = Money.Round(hours * price), Currency = "USD", ProjectId = project, ResourceId = resource, RoleId = role, CustomerId = customer,
                    ContractId = contract, Description = $"Work item {i + 1}", IsPosted = true,
                };
                line.AccountingDate = line.DocumentDate;
                var actual = new Actual { Id = Guid.CreateVersion7(), Currency = "USD", CreatedOn = now, SourceEntryId = entry };
                actual.CopyFrom(line);
                lines.Add(line);
                actuals.Add(actual);
                pair.Add(actual);
                origins.Add(new TransactionOrigin { Id = Guid.CreateVersion7(), OriginId = line.Id, OriginType = TransactionTypes.JournalLine, TransactionId = actual.Id, TransactionType = TransactionTypes.Actual });
                origins.Add(new TransactionOrigin { Id = Guid.CreateVersion7(), OriginId = entry, OriginType = TransactionTypes.TimeEntry, TransactionId = actual.Id, TransactionType = TransactionTypes.Actual });
            }
            connections.Add(new TransactionConnection
            {
                Id = Guid.CreateVersion7(), Transaction1Id = pair[1].Id, Transaction1Role = ConnectionRoles.UnbilledSales, Transaction1Type = TransactionTypes.Actual,
                Transaction2Id = pair[0].Id, Transaction2Role = ConnectionRoles.Cost, Transaction2Type = TransactionTypes.Actual,
            });
        }
        await db.Database.OpenConnectionAsync();
        await using (var setup = await db.Database.BeginTransactionAsync())
        {
            await BulkInsert.InsertEntitiesAsync(db, [journal], default);
            await setup.CommitAsync();
        }
        var loadBefore = LoadAverage();
        var watch = Stopwatch.StartNew();
        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            await BulkInsert.InsertEntitiesAsync(db, actuals, default);
            await BulkInsert.InsertEntitiesAsync(db, lines, default);
            await BulkInsert.InsertEntitiesAsync(db, origins, default);
            await BulkInsert.InsertEntitiesAsync(db, connections, default);
            await tx.CommitAsync();
        }
        return new()
        {
            ["seconds"] = watch.Elapsed.TotalSeconds, ["rows"] = actuals.Count + lines.Count + origins.Count + connections.Count,
            ["load"] = $"{loadBefore} → {LoadAverage()}",
        };
    }

    private static async Task<Dictionary<string, object>> DraftAsync(PostingOptions o)
    {
        await using var db = Open(o);
        var contract = await db.Set<ProjectContract>().AsNoTracking().SingleAsync();
        var service = new InvoiceService(db, TimeProvider.System);
        var loadBefore = LoadAverage();
        var watch = Stopwatch.StartNew();
        var invoice = await service.CreateDraftAsync(new InvoiceInput(contract.Id, InvoiceDate));
        var seconds = watch.Elapsed.TotalSeconds;
        return new()
        {
            ["seconds"] = seconds, ["details"] = invoice.Lines.Sum(l => l.Details.Count), ["total"] = invoice.TotalAmount, ["load"] = $"{loadBefore} → {LoadAverage()}",
        };
    }

    private static async Task<Dictionary<string, object>> ConfirmAsync(PostingOptions o)
    {
        await using var db = Open(o);
        var id = await db.Set<Invoice>().Where(i => i.Status == InvoiceStatus.Draft).Select(i => i.Id).SingleAsync();
        var service = new InvoiceService(db, TimeProvider.System);
        var loadBefore = LoadAverage();
        var watch = Stopwatch.StartNew();
        var invoice = await service.ConfirmAsync(id);
        var seconds = watch.Elapsed.TotalSeconds;
        var load = $"{loadBefore} → {LoadAverage()}";
        var billed = await db.Set<Actual>().CountAsync(a => a.TransactionType == TransactionType.BilledSales);
        if (billed != invoice.Lines.Sum(l => l.Details.Count)) throw new InvalidOperationException($"{billed} billed sales actuals");
        return new() { ["seconds"] = seconds, ["billed"] = billed, ["actuals"] = await db.Set<Actual>().CountAsync(), ["load"] = load };
    }

    /// <summary>
    /// The confirmation's own baseline: the rows confirming the draft writes (planned beforehand by confirm's own planner,
    /// in the same chunks), written through the same writer in one transaction
    /// into a copy of the drafted database (<see cref="CopyDraftedAsync"/>; it runs after confirm, so confirm finds the
    /// database as the draft left it). No reading, no rules, no updates: what writing these rows costs on this machine.
    /// </summary>
    private static async Task<Dictionary<string, object>> ConfirmWriteAsync(PostingOptions o)
    {
        await using var db = Open(o, "drafted");
        var invoice = await db.Set<Invoice>().AsNoTracking().Include(i => i.Lines).SingleAsync(i => i.Status == InvoiceStatus.Draft);
        var milestones = await db.Set<ContractMilestone>().Where(m => m.InvoiceId == invoice.Id).ToDictionaryAsync(m => m.Id);
        var postings = new List<Posting>();
        await foreach (var posting in InvoiceService.PlanConfirmationAsync(db, invoice, milestones, DateTime.UtcNow, InvoiceService.ConfirmChunkSize, stream: false, default))
            postings.Add(posting);
        var rows = postings.Sum(p => p.Actuals.Count + p.Origins.Count + p.Connections.Count);
        await using var cache = await BulkWriteCache.EnlargeAsync(db.Database, default); // as confirm has it
        var loadBefore = LoadAverage();
        var watch = Stopwatch.StartNew();
        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            foreach (var posting in postings) await PostingWriter.WriteAsync(db, posting, default);
            watch.Stop();
            await tx.RollbackAsync(); // the copy is dropped afterwards
        }
        return new() { ["seconds"] = watch.Elapsed.TotalSeconds, ["rows"] = rows, ["load"] = $"{loadBefore} → {LoadAverage()}" };
    }
}
