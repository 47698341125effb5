using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PsaBridge.Infrastructure.Storage;
using PsaBridge.Psa;
using PsaBridge.Psa.Accounts;
using PsaBridge.Psa.Actuals;
using PsaBridge.Psa.Invoicing;
using PsaBridge.Psa.Invoicing.InvoiceRuns;
using PsaBridge.Psa.OrganizationalUnits;
using PsaBridge.Psa.Pricing;
using PsaBridge.Psa.Projects;
using PsaBridge.Psa.Resources;
using PsaBridge.Psa.Sales;
using PsaBridge.Psa.Sales.Contracts;
using PsaBridge.Psa.Sales.Estimates;
using PsaBridge.Psa.Sales.InvoiceFrequencies;
using PsaBridge.Psa.Time;

namespace PsaBridge.Bench;

/// <summary>
/// Issue 22's invoice-run figure on SQLite: the job <i>Create project invoices</i> (<see cref="InvoiceRunLog"/>, what the
/// server's batch job and the run endpoint call) for 2018-01-31 over N contracts with M ready unbilled sales actuals each.
/// <c>invoices --setup --contracts 10000 --actuals 100</c> builds the data in DIR/seed: one contract (a time-and-material
/// line, monthly schedule) with M time entries approved through the services, then bulk-inserted copies of its project,
/// contract, line, schedule rows, cost and unbilled sales actuals with their origins and connections (the copies' origins
/// point at the first contract's entries and journal lines; the job writes the same rows for them).
/// <c>invoices --measure</c> copies DIR/seed to DIR/run and times the run, then the same run again (which must make nothing).
/// Without either flag it does both in one process.
/// </summary>
public static class InvoiceBench
{
    private static readonly DateOnly RunDate = new(2018, 1, 31);
    private const int CopiesPerTransaction = 250;

    public static async Task RunAsync(string[] args)
    {
        var contracts = int.Parse(PlanningBench.Arg(args, "--contracts", "10000"), CultureInfo.InvariantCulture);
        var actuals = int.Parse(PlanningBench.Arg(args, "--actuals", "100"), CultureInfo.InvariantCulture);
        var dir = PlanningBench.Arg(args, "--dir", Path.Combine(Path.GetTempPath(), "psabridge-bench-invoices"));
        var (setup, measure) = (args.Contains("--setup"), args.Contains("--measure"));
        if (setup || !measure) await SetUpAsync(Path.Combine(dir, "seed"), contracts, actuals);
        if (measure || !setup) await MeasureAsync(dir);
    }

    private static async Task SetUpAsync(string seed, int contracts, int actuals)
    {
        var watch = Stopwatch.StartNew();
        await using var services = await PlanningBench.FreshAsync(seed);
        Console.WriteLine($"# Invoice run set-up: {contracts:N0} contracts x {actuals:N0} ready actuals, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, load average {PostingPhases.LoadAverage()}");
        await using var scope = services.CreateAsyncScope();
        T S<T>() where T : notnull => scope.ServiceProvider.GetRequiredService<T>();
        var unit = await S<OrganizationalUnitService>().CreateAsync(new OrganizationalUnitInput("Contoso US", "USD"));
        var role = await S<ResourceService>().CreateRoleAsync(new RoleInput("Project Manager"));
        var resource = await S<ResourceService>().CreateResourceAsync(new ResourceInput("Ashley", ResourceType.User, unit.Id, role.Id));
        var customer = await S<AccountService>().CreateAsync(new AccountInput("Alpine Ski House", Currency: "USD"));
        await S<PriceListService>().CreateAsync(new PriceListInput("Cost", PriceListContext.Cost, "USD", new(2018, 1, 1), new(2018, 12, 31),
            OrganizationalUnitId: unit.Id, RolePrices: [new(role.Id, 50m)]));
        await S<PriceListService>().CreateAsync(new PriceListInput("Sales", PriceListContext.Sales, "USD", new(2018, 1, 1), new(2018, 12, 31),
            CustomerId: customer.Id, RolePrices: [new(role.Id, 100m)]));
        var project = await S<ProjectService>().CreateAsync(new ProjectInput("Project 00001", unit.Id, customer.Id,
            TeamMembers: [new TeamMemberInput(resource.Id, role.Id)]));
        var contract = await S<ContractService>().CreateAsync(new ContractInput("Contract 00001", customer.Id, unit.Id, Lines:
        [
            new SalesLineInput("Implementation", BillingMethod.TimeAndMaterial, project.Id, InvoiceFrequencyId: InvoiceFrequency.MonthlyLastDayId,
                BillingStartDate: new(2018, 1, 1), RequestedDeliveryDate: new(2018, 12, 31)),
        ]));
        var entries = new List<Guid>(actuals);
        for (var i = 0; i < actuals; i++)
        {
            var entry = await S<TimeEntryService>().CreateAsync(new TimeEntryInput(new DateOnly(2018, 1, 1).AddDays(i % 28), 60 + i % 8 * 30, resource.Id, project.Id,
                Description: $"Work item {i + 1}"));
            await S<TimeEntryService>().SubmitAsync(entry.Id);
            entries.Add(entry.Id);
        }
        var approval = await S<TimeEntryService>().ApproveTimeEntries(entries);
        if (approval.Approved != actuals) throw new InvalidOperationException($"approved {approval.Approved} of {actuals}");
        Console.WriteLine($"template: {watch.Elapsed.TotalSeconds:F1} s");

        await CopyAsync(S<PsaDb>(), project.Id, contract.Id, contracts - 1);
        await S<PsaDb>().Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE)");
        Console.WriteLine($"setup: {watch.Elapsed.TotalSeconds:F1} s, {await S<PsaDb>().Set<Actual>().CountAsync():N0} actuals, load average {PostingPhases.LoadAverage()}");
    }

    /// <summary>Bulk-inserted copies of the template's rows, <see cref="CopiesPerTransaction"/> contracts a transaction.</summary>
    private static async Task CopyAsync(PsaDb db, Guid projectId, Guid contractId, int copies)
    {
        db.ChangeTracker.Clear();
        var project = await db.Set<Project>().AsNoTracking().SingleAsync(p => p.Id == projectId);
        var contract = await db.Set<ProjectContract>().AsNoTracking().SingleAsync(c => c.Id == contractId);
        var priceLists = await db.Set<ContractPriceList>().AsNoTracking().Where(p => p.ContractId == contractId).ToListAsync();
        var lines = await db.Set<ContractLine>().AsNoTracking().Where(l => l.ContractId == contractId).ToListAsync();
        var lineIds = lines.Select(l => l.Id).ToList();
        var roles = await db.Set<ContractLineRole>().AsNoTracking().Where(r => lineIds.Contains(r.ContractLineId)).ToListAsync();
        var categories = await db.Set<ContractLineCategory>().AsNoTracking().Where(r => lineIds.Contains(r.ContractLineId)).ToListAsync();
        var linePriceLists = await db.Set<ContractLinePriceList>().AsNoTracking().Where(r => lineIds.Contains(r.ContractLineId)).ToListAsync();
        var schedule = await db.Set<ContractLineInvoiceSchedule>().AsNoTracking().Where(s => s.ContractId == contractId).ToListAsync();
        var actuals = await db.Set<Actual>().AsNoTracking().Where(a => a.ContractId == contractId).ToListAsync();
        var actualIds = actuals.Select(a => a.Id).ToList();
        var origins = await db.Set<TransactionOrigin>().AsNoTracking().Where(o => actualIds.Contains(o.TransactionId)).ToListAsync();
        var connections = await db.Set<TransactionConnection>().AsNoTracking()
            .Where(c => actualIds.Contains(c.Transaction1Id) || actualIds.Contains(c.Transaction2Id)).ToListAsync();

        await db.Database.OpenConnectionAsync();
        for (var first = 1; first <= copies; first += CopiesPerTransaction)
        {
            var rows = new CopyRows();
            for (var n = first; n < Math.Min(first + CopiesPerTransaction, copies + 1); n++)
            {
                var ids = new Dictionary<Guid, Guid>();
                Guid New(Guid old) => ids.TryGetValue(old, out var id) ? id : ids[old] = Ids.New();
                Guid? Map(Guid? old) => old is { } o && ids.TryGetValue(o, out var id) ? id : old;
                var p = Clone(project, x => { x.Id = New(projectId); x.Name = $"Project {n + 1:D5}"; x.ContractId = New(contractId); x.Tasks = []; x.TeamMembers = []; });
                rows.Projects.Add(p);
                rows.Contracts.Add(Clone(contract, x => { x.Id = New(contractId); x.Name = $"Contract {n + 1:D5}"; x.Lines = []; x.PriceLists = []; }));
                rows.PriceLists.AddRange(priceLists.Select(l => Clone(l, x => x.ContractId = New(contractId))));
                rows.Lines.AddRange(lines.Select(l => Clone(l, x =>
                {
                    x.Id = New(l.Id); x.ContractId = New(contractId); x.ProjectId = Map(x.ProjectId);
                    x.Milestones = []; x.Roles = []; x.Categories = []; x.PriceLists = []; x.InvoiceSchedule = [];
                })));
                rows.Roles.AddRange(roles.Select(r => Clone(r, x => x.ContractLineId = New(r.ContractLineId))));
                rows.Categories.AddRange(categories.Select(r => Clone(r, x => x.ContractLineId = New(r.ContractLineId))));
                rows.LinePriceLists.AddRange(linePriceLists.Select(r => Clone(r, x => x.ContractLineId = New(r.ContractLineId))));
                rows.Schedule.AddRange(schedule.Select(s => Clone(s, x => { x.Id = Ids.New(); x.ContractId = New(contractId); x.ContractLineId = New(s.ContractLineId); })));
                rows.Actuals.AddRange(actuals.Select(a => Clone(a, x =>
                {
                    x.Id = New(a.Id); x.ProjectId = Map(x.ProjectId); x.ContractId = Map(x.ContractId); x.ContractLineId = Map(x.ContractLineId);
                })));
                rows.Origins.AddRange(origins.Select(o => Clone(o, x => { x.Id = Ids.New(); x.TransactionId = New(o.TransactionId); })));
                rows.Connections.AddRange(connections.Select(c => Clone(c, x =>
                {
                    x.Id = Ids.New(); x.Transaction1Id = Map(c.Transaction1Id)!.Value; x.Transaction2Id = Map(c.Transaction2Id)!.Value;
                })));
            }
            await using var tx = await db.Database.BeginTransactionAsync();
            await rows.InsertAsync(db);
            await tx.CommitAsync();
        }
    }

    private sealed class CopyRows
    {
        public List<Project> Projects { get; } = [];
        public List<ProjectContract> Contracts { get; } = [];
        public List<ContractPriceList> PriceLists { get; } = [];
        public List<ContractLine> Lines { get; } = [];
        public List<ContractLineRole> Roles { get; } = [];
        public List<ContractLineCategory> Categories { get; } = [];
        public List<ContractLinePriceList> LinePriceLists { get; } = [];
        public List<ContractLineInvoiceSchedule> Schedule { get; } = [];
        public List<Actual> Actuals { get; } = [];
        public List<TransactionOrigin> Origins { get; } = [];
        public List<TransactionConnection> Connections { get; } = [];

        public async Task InsertAsync(PsaDb db)
        {
            await BulkInsert.InsertEntitiesAsync(db, Projects, default);
            await BulkInsert.InsertEntitiesAsync(db, Contracts, default);
            await BulkInsert.InsertEntitiesAsync(db, PriceLists, default);
            await BulkInsert.InsertEntitiesAsync(db, Lines, default);
            await BulkInsert.InsertEntitiesAsync(db, Roles, default);
            await BulkInsert.InsertEntitiesAsync(db, Categories, default);
            await BulkInsert.InsertEntitiesAsync(db, LinePriceLists, default);
            await BulkInsert.InsertEntitiesAsync(db, Schedule, default);
            await BulkInsert.InsertEntitiesAsync(db, Actuals, default);
            await BulkInsert.InsertEntitiesAsync(db, Origins, default);
            await BulkInsert.InsertEntitiesAsync(db, Connections, default);
        }
    }

    private static readonly Func<object, object> ShallowCopy =
        typeof(object).GetMethod("MemberwiseClone", BindingFlags.Instance | BindingFlags.NonPublic)!.CreateDelegate<Func<object, object>>();

    private static T Clone<T>(T row, Action<T> change) where T : class
    {
        var copy = (T)ShallowCopy(row);
        change(copy);
        return copy;
    }

    private static async Task MeasureAsync(string dir)
    {
        var (seed, run) = (Path.Combine(dir, "seed"), Path.Combine(dir, "run"));
        if (!Directory.Exists(seed)) throw new InvalidOperationException($"No data in {seed}: run 'invoices --setup' first.");
        if (Directory.Exists(run)) Directory.Delete(run, recursive: true);
        Directory.CreateDirectory(run);
        foreach (var file in Directory.GetFiles(seed)) File.Copy(file, Path.Combine(run, Path.GetFileName(file)));
        await using var services = await PlanningBench.OpenAsync(run);
        int contracts, ready;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PsaDb>();
            contracts = await db.Set<ProjectContract>().CountAsync();
            ready = await db.Set<Actual>().CountAsync(a => a.TransactionType == TransactionType.UnbilledSales && a.InvoiceId == null);
        }
        Console.WriteLine($"# Invoice run: {contracts:N0} contracts, {ready:N0} ready unbilled sales actuals on SQLite, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        var (first, firstLoad, firstSeconds) = await TimeRunAsync(services);
        var invoices = first.Contracts.Count(c => c.Outcome == ContractRunOutcome.Invoiced);
        var transactions = first.Contracts.Sum(c => c.Transactions);
        Console.WriteLine($"| create project invoices, {contracts:N0} contracts x {ready / Math.Max(contracts, 1):N0} actuals | {firstSeconds:F2} s | {invoices:N0} invoices, " +
                          $"{transactions:N0} transactions, {first.Contracts.Sum(c => c.Amount):N2} USD, {first.Failed} failed | load {firstLoad} |");
        if (invoices != contracts || transactions != ready) throw new InvalidOperationException($"expected {contracts} invoices of {ready} transactions");
        var (again, againLoad, againSeconds) = await TimeRunAsync(services);
        Console.WriteLine($"| the same run again | {againSeconds:F2} s | {again.Contracts.Count} contracts touched | load {againLoad} |");
        if (again.Contracts.Count != 0) throw new InvalidOperationException("the second run touched contracts");
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PsaDb>();
            var stored = await db.Set<Invoice>().CountAsync();
            var details = await db.Set<InvoiceLineDetail>().CountAsync();
            Console.WriteLine($"stored: {stored:N0} draft invoices, {details:N0} invoice line details");
            if (stored != contracts || details != ready) throw new InvalidOperationException("the stored invoices do not match the run");
        }
    }

    private static async Task<(InvoiceRunReport Report, string Load, double Seconds)> TimeRunAsync(ServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var before = PostingPhases.LoadAverage();
        var watch = Stopwatch.StartNew();
        var report = await scope.ServiceProvider.GetRequiredService<InvoiceRunLog>().RunAsync(RunDate);
        var seconds = watch.Elapsed.TotalSeconds;
        return (report, $"{before} → {PostingPhases.LoadAverage()}", seconds);
    }
}
