using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PsaBridge.Infrastructure.Paging;
using PsaBridge.Infrastructure.Storage;
using PsaBridge.Integration.Hosting;
using PsaBridge.Psa;
using PsaBridge.Psa.OrganizationalUnits;
using PsaBridge.Psa.Projects;
using PsaBridge.Psa.Resources;
using PsaBridge.Psa.Scheduling;

namespace PsaBridge.Bench;

/// <summary>
/// Issue 23's speed section on SQLite: find resources over N resources with a year of bookings each, the schedule board
/// for 500 resources x 12 weeks, and utilization by month over a year for an organizational unit of 1,000 resources.
/// Setup bulk-inserts the resources (ten units, five roles, three rated skills each) and, per resource, twelve monthly
/// committed bookings of 80 hours laid over the weekdays; each query then runs once to warm up and five times timed.
/// <c>planning --resources 10000 [--dir DIR] [--reuse]</c>; <c>--reuse</c> times the queries over the data a former run left in DIR,
/// so a change is measured before and after on the same data.
/// </summary>
public static class PlanningBench
{
    private static readonly DateOnly Year = new(2018, 1, 1);

    public static async Task RunAsync(string[] args)
    {
        var resources = int.Parse(Arg(args, "--resources", "10000"), CultureInfo.InvariantCulture);
        var dir = Arg(args, "--dir", Path.Combine(Path.GetTempPath(), "psabridge-bench-planning"));
        var reuse = args.Contains("--reuse") && Directory.Exists(dir);
        await using var services = reuse ? await OpenAsync(dir) : await FreshAsync(dir);
        Console.WriteLine($"# Planning benchmark: {resources:N0} resources on SQLite, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, load average {PostingPhases.LoadAverage()}");

        var clock = Stopwatch.StartNew();
        var world = reuse ? await ExistingAsync(services) : await SetUpAsync(services, resources);
        Console.WriteLine($"{(reuse ? "reused" : "setup")}: {clock.Elapsed.TotalSeconds:F1} s, {world.BookingDays:N0} booked days");

        await TimeAsync("find resources for a requirement", services, async s =>
            (await s.GetRequiredService<ResourceFinder>().FindAsync(world.Requirement, null)).Matches.Count);
        await TimeAsync("schedule board, 500 resources x 12 weeks", services, async s =>
            (await s.GetRequiredService<ScheduleBoardQuery>().GetAsync(new DateOnly(2018, 3, 5), 12, new ResourceSelection(), new PageRequest(1, 500))).Resources.Items.Count);
        await TimeAsync("utilization by month over 2018, a unit of 1,000 resources", services, async s =>
            (await s.GetRequiredService<UtilizationQuery>().RunAsync(new UtilizationRequest(Year, new DateOnly(2018, 12, 31), PeriodLength.Month,
                new ResourceSelection(null, null, world.LargestUnit)), new PageRequest(1, 50))).Totals.Count);
    }

    private static async Task TimeAsync(string name, ServiceProvider services, Func<IServiceProvider, Task<int>> query)
    {
        var runs = new List<double>();
        var result = 0;
        for (var i = 0; i < 6; i++)
        {
            await using var scope = services.CreateAsyncScope();
            var watch = Stopwatch.StartNew();
            result = await query(scope.ServiceProvider);
            if (i > 0) runs.Add(watch.Elapsed.TotalMilliseconds);
        }
        runs.Sort();
        Console.WriteLine($"| {name} | {runs[0]:F0} | {runs[runs.Count / 2]:F0} | {runs[^1]:F0} | {result} |");
    }

    private sealed record World(Guid Requirement, Guid LargestUnit, long BookingDays);

    private static async Task<World> SetUpAsync(ServiceProvider services, int count)
    {
        await using var scope = services.CreateAsyncScope();
        T S<T>() where T : notnull => scope.ServiceProvider.GetRequiredService<T>();
        var units = new List<Guid>();
        for (var u = 0; u < 10; u++) units.Add((await S<OrganizationalUnitService>().CreateAsync(new OrganizationalUnitInput($"Unit {u + 1}", "USD"))).Id);
        var roles = new List<Guid>();
        foreach (var name in new[] { "Solution Architect", "Developer", "Project Manager", "Tester", "Consultant" })
            roles.Add((await S<ResourceService>().CreateRoleAsync(new RoleInput(name))).Id);
        var model = await S<SkillService>().CreateRatingModelAsync(new RatingModelInput("Proficiency",
            [new("Beginner", 1), new("Novice", 2), new("Intermediate", 3), new("Advanced", 4), new("Expert", 5)]));
        var ratings = model.Values.OrderBy(v => v.Value).Select(v => v.Id).ToArray();
        var skills = new List<Guid>();
        foreach (var name in new[] { "C#", "SQL", "Azure" })
            skills.Add((await S<SkillService>().CreateCharacteristicAsync(new CharacteristicInput(name, CharacteristicType.Skill, model.Id))).Id);
        var project = await S<ProjectService>().CreateAsync(new ProjectInput("Bench project", units[0]));

        var db = S<PsaDb>();
        var random = new Random(23);
        var now = DateTime.UtcNow;
        long days = 0;
        // Every tenth resource is in one unit: with 10,000 resources each unit has the 1,000 the utilization figure is for.
        for (var start = 0; start < count; start += 1000)
        {
            var people = Enumerable.Range(start, Math.Min(1000, count - start)).Select(i => new BookableResource
            {
                Id = Ids.New(), Name = $"Resource {i + 1:D5}", OrganizationalUnitId = units[i % 10], DefaultRoleId = roles[i % 5], CreatedOn = now,
            }).ToList();
            var headers = new List<BookingHeader>();
            var lines = new List<Booking>();
            foreach (var person in people)
                for (var month = 0; month < 12; month++)
                {
                    var first = Year.AddMonths(month);
                    var weekdays = Enumerable.Range(0, DateTime.DaysInMonth(first.Year, first.Month)).Select(first.AddDays)
                        .Where(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)).ToList();
                    var hours = random.Next(0, 4) * 40m;
                    if (hours == 0) continue;
                    var header = new BookingHeader
                    {
                        Id = Ids.New(), ProjectId = project.Id, ResourceId = person.Id, RoleId = person.DefaultRoleId, StartDate = first, EndDate = weekdays[^1],
                        Hours = hours, Status = BookingStatus.Committed, AllocationMethod = AllocationMethod.DistributeEvenly, CreatedOn = now, ModifiedOn = now,
                    };
                    headers.Add(header);
                    var each = Math.Round(hours / weekdays.Count, 2);
                    lines.AddRange(weekdays.Select(d => new Booking
                    {
                        Id = Ids.New(), HeaderId = header.Id, ResourceId = person.Id, ProjectId = project.Id, Date = d, Hours = each, Status = BookingStatus.Committed,
                    }));
                }
            days += lines.Count;
            await using var tx = await db.Database.BeginTransactionAsync();
            await BulkInsert.InsertEntitiesAsync(db, people, default);
            await BulkInsert.InsertEntitiesAsync(db, people.Select(p => new ResourceRole { Id = Ids.New(), ResourceId = p.Id, RoleId = p.DefaultRoleId!.Value, IsDefault = true }).ToList(), default);
            await BulkInsert.InsertEntitiesAsync(db, people.SelectMany(p => skills.Select(s => new ResourceCharacteristic
            {
                Id = Ids.New(), ResourceId = p.Id, CharacteristicId = s, RatingValueId = ratings[random.Next(ratings.Length)],
            })).ToList(), default);
            await BulkInsert.InsertEntitiesAsync(db, headers, default);
            await BulkInsert.InsertEntitiesAsync(db, lines, default);
            await tx.CommitAsync();
        }

        var generic = await S<TeamService>().AddAsync(project.Id, new TeamMemberInput(null, roles[0]));
        var requirement = await S<RequirementService>().CreateAsync(project.Id, new RequirementInput(generic.Id, "Architect for June", FromDate: new(2018, 6, 4),
            ToDate: new(2018, 6, 8), Hours: 40m, Characteristics: [new RequirementCharacteristicInput(skills[0], ratings[3])]));
        return new World(requirement.Id, units[0], days);
    }

    /// <summary>The requirement and unit a former run set up in the databases.</summary>
    private static async Task<World> ExistingAsync(ServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PsaDb>();
        var requirement = await db.Set<ResourceRequirement>().Select(r => r.Id).SingleAsync();
        var unit = await db.Set<OrganizationalUnit>().Where(u => u.Name == "Unit 1").Select(u => u.Id).SingleAsync();
        return new World(requirement, unit, await db.Set<Booking>().LongCountAsync());
    }

    /// <summary>The application's services over fresh, migrated SQLite databases in <paramref name="dir"/>.</summary>
    public static async Task<ServiceProvider> FreshAsync(string dir)
    {
        if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        return await OpenAsync(dir);
    }

    /// <summary>The application's services over the SQLite databases in <paramref name="dir"/>, migrated to this build.</summary>
    public static async Task<ServiceProvider> OpenAsync(string dir)
    {
        Directory.CreateDirectory(dir);
        var services = new ServiceCollection()
            .AddLogging()
            .AddPsaBridge(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["PsaBridge:DataDir"] = dir }).Build())
            .BuildServiceProvider();
        await DatabaseSetup.UpgradeAsync(services);
        return services;
    }

    public static string Arg(string[] args, string name, string fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
    }
}
