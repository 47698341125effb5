using Microsoft.EntityFrameworkCore;
using PsaBridge.Finance;
using PsaBridge.Finance.NumberSequences;
using PsaBridge.Infrastructure.Validation;
using PsaBridge.Testing;

namespace PsaBridge.Finance.Tests.NumberSequences;

[Trait("Engine", "Both")]
public sealed class NumberSequenceAllocatorTests
{
    private static async Task<(TestDatabasePair Pair, NumberSequenceAllocator Allocator)> SetUpAsync(NumberSequence sequence)
    {
        var pair = await TestDatabases.CreateAsync();
        await using var db = pair.OpenFinance();
        db.NumberSequences.Add(sequence);
        await db.SaveChangesAsync();
        return (pair, new NumberSequenceAllocator(pair.FinanceContexts()));
    }

    [Fact]
    public async Task Eight_parallel_allocators_get_unique_in_range_numbers()
    {
        var (pair, allocator) = await SetUpAsync(new NumberSequence { Code = "PAR", Name = "Parallel", Format = "P-#####", Next = 100, Smallest = 100, Largest = 99_999 });
        var perWorker = 50;
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            var taken = new List<string>();
            await using var db = pair.OpenFinance();
            for (var i = 0; i < perWorker; i++) taken.Add((await allocator.TakeAsync(db, "PAR"))[0]);
            return taken;
        })));

        var all = results.SelectMany(r => r).ToList();
        all.Count.ShouldBe(8 * perWorker);
        all.Distinct().Count().ShouldBe(all.Count);
        all.ShouldAllBe(n => n.StartsWith("P-") && n.Length == 7);
        var numbers = all.Select(n => int.Parse(n[2..])).Order().ToList();
        numbers.First().ShouldBe(100);
        numbers.Last().ShouldBe(100 + 8 * perWorker - 1);
        await using var check = pair.OpenFinance();
        (await check.NumberSequences.SingleAsync(s => s.Code == "PAR")).Next.ShouldBe(100 + 8 * perWorker);
    }

    [Fact]
    public async Task An_exhausted_sequence_fails_with_a_clear_message()
    {
        var (pair, allocator) = await SetUpAsync(new NumberSequence { Code = "TINY", Name = "Tiny", Format = "T##", Next = 98, Smallest = 1, Largest = 99 });
        await using var db = pair.OpenFinance();
        (await allocator.TakeAsync(db, "TINY"))[0].ShouldBe("T98");
        (await allocator.TakeAsync(db, "TINY"))[0].ShouldBe("T99");
        var error = await Should.ThrowAsync<ConflictException>(() => allocator.TakeAsync(db, "TINY"));
        error.Message.ShouldBe("Number sequence 'TINY' has been exceeded: the highest number allowed is 99 (T99).");
        (await db.NumberSequences.AsNoTracking().SingleAsync(s => s.Code == "TINY")).Next.ShouldBe(100);
    }

    [Fact]
    public async Task A_block_larger_than_what_is_left_is_refused_and_takes_nothing()
    {
        var (pair, allocator) = await SetUpAsync(new NumberSequence { Code = "BLK", Name = "Block", Format = "B###", Next = 990, Smallest = 1, Largest = 999 });
        await using var db = pair.OpenFinance();
        var error = await Should.ThrowAsync<ConflictException>(() => allocator.TakeAsync(db, "BLK", 20));
        error.Message.ShouldBe("Number sequence 'BLK' has 10 numbers left; 20 were asked for (highest number allowed is 999).");
        var block = await allocator.TakeAsync(db, "BLK", 10);
        block.All().ShouldBe(Enumerable.Range(990, 10).Select(n => $"B{n}"));
    }

    [Fact]
    public async Task A_continuous_sequence_leaves_no_gap_when_the_transaction_rolls_back()
    {
        var (pair, allocator) = await SetUpAsync(new NumberSequence { Code = "CONT", Name = "Continuous", Format = "INV-######", Next = 1, Smallest = 1, Largest = 999_999, Continuous = true });
        await using (var db = pair.OpenFinance())
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            (await allocator.TakeAsync(db, "CONT", 3)).All().ShouldBe(["INV-000001", "INV-000002", "INV-000003"]);
            await tx.RollbackAsync();
        }
        await using (var db = pair.OpenFinance())
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            (await allocator.TakeAsync(db, "CONT"))[0].ShouldBe("INV-000001");
            await tx.CommitAsync();
        }
        await using var check = pair.OpenFinance();
        (await check.NumberSequences.AsNoTracking().SingleAsync(s => s.Code == "CONT")).Next.ShouldBe(2);
    }

    [Fact]
    public async Task A_non_continuous_sequence_commits_on_its_own_where_the_engine_allows_and_never_blocks_the_caller()
    {
        var (pair, allocator) = await SetUpAsync(new NumberSequence { Code = "GAP", Name = "Gaps allowed", Format = "G####", Next = 1, Smallest = 1, Largest = 9999 });
        await using (var db = pair.OpenFinance())
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            (await allocator.TakeAsync(db, "GAP", 5)).First.ShouldBe(1);
            await tx.RollbackAsync();
        }
        // PostgreSQL: the block was committed on its own, so the rollback leaves a gap (allowed: not continuous).
        // SQLite: one writer, held by the caller's transaction, so the block went with it and came back.
        var expected = TestDatabases.Engine == PsaBridge.Infrastructure.Storage.DatabaseEngine.PostgreSql ? 6 : 1;
        await using var again = pair.OpenFinance();
        (await allocator.TakeAsync(again, "GAP"))[0].ShouldBe($"G{expected:D4}");
        (await again.NumberSequences.AsNoTracking().SingleAsync(s => s.Code == "GAP")).Next.ShouldBe(expected + 1);
    }

    [Fact]
    public async Task Inside_the_callers_transaction_a_block_is_taken_with_its_format_and_refusals_name_their_reason()
    {
        // On SQLite a caller's transaction takes its numbers by one UPDATE ... RETURNING, without reading the sequence first.
        var (pair, allocator) = await SetUpAsync(new NumberSequence { Code = "TX", Name = "In a transaction", Format = "TX-###", Next = 995, Smallest = 1, Largest = 999 });
        await using (var db = pair.OpenFinance())
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            (await allocator.TakeAsync(db, "TX", 3)).All().ShouldBe(["TX-995", "TX-996", "TX-997"]);
            (await Should.ThrowAsync<ConflictException>(() => allocator.TakeAsync(db, "TX", 5))).Message
                .ShouldBe("Number sequence 'TX' has 2 numbers left; 5 were asked for (highest number allowed is 999).");
            (await Should.ThrowAsync<NotFoundException>(() => allocator.TakeAsync(db, "NOPE"))).Message.ShouldBe("Number sequence 'NOPE' was not found.");
            (await allocator.TakeAsync(db, "TX", 2)).All().ShouldBe(["TX-998", "TX-999"]);
            (await Should.ThrowAsync<ConflictException>(() => allocator.TakeAsync(db, "TX"))).Message
                .ShouldBe("Number sequence 'TX' has been exceeded: the highest number allowed is 999 (TX-999).");
            await tx.CommitAsync();
        }
        await using var check = pair.OpenFinance();
        (await check.NumberSequences.AsNoTracking().SingleAsync(s => s.Code == "TX")).Next.ShouldBe(1000);
    }

    [Fact]
    public async Task An_unknown_sequence_is_not_found()
    {
        var (pair, allocator) = await SetUpAsync(new NumberSequence { Code = "ANY", Name = "Any", Format = "A#", Next = 1, Smallest = 1, Largest = 9 });
        await using var db = pair.OpenFinance();
        (await Should.ThrowAsync<NotFoundException>(() => allocator.TakeAsync(db, "NOPE"))).Message.ShouldBe("Number sequence 'NOPE' was not found.");
    }

    [Theory]
    [InlineData("C######", 42, "C000042")]
    [InlineData("CUST-#####", 7, "CUST-00007")]
    [InlineData("##-X", 5, "05-X")]
    public void Format_puts_the_number_in_place_of_the_hashes(string format, long number, string expected) =>
        NumberFormat.Apply(format, number).ShouldBe(expected);

    [Theory]
    [InlineData("C####", null)]
    [InlineData("NOHASH", "Format 'NOHASH' has no '#' for the number.")]
    [InlineData("A#B#", "Format 'A#B#' must have one run of '#' characters.")]
    public void Format_problems_are_named(string format, string? problem) => NumberFormat.Problem(format).ShouldBe(problem);
}
