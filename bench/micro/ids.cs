#:project ../../src/PsaBridge.Infrastructure/PsaBridge.Infrastructure.csproj
// The cost of one row id: dotnet run -c Release bench/micro/ids.cs (BENCHMARKS-posting.md, fifth session of 2026-12-01).
using System.Diagnostics;
using PsaBridge.Infrastructure.Storage;

const int N = 1_000_000;
var distinct = new HashSet<Guid>();
for (var round = 0; round < 3; round++)
{
    distinct.Add(Time("Guid.CreateVersion7()", Guid.CreateVersion7));
    distinct.Add(Time("Guid.NewGuid()", Guid.NewGuid));
    distinct.Add(Time("Ids.New()", Ids.New));
}
Console.WriteLine($"{distinct.Count} distinct last ids of {3 * 3}");

static Guid Time(string name, Func<Guid> make)
{
    var last = Guid.Empty;
    var watch = Stopwatch.StartNew();
    for (var i = 0; i < N; i++) last = make();
    Console.WriteLine($"{name,-22} {watch.Elapsed.TotalMilliseconds * 1000 / N:F3} µs an id");
    return last;
}
