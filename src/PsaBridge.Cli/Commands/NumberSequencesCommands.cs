using System.CommandLine;
using PsaBridge.Cli.Infrastructure;
using PsaBridge.Finance;
using PsaBridge.Finance.NumberSequences;
using Spectre.Console;

namespace PsaBridge.Cli.Commands;

/// <summary><c>psabridge number-sequences</c>: the sequences that number finance records (customer accounts).</summary>
internal static class NumberSequencesCommands
{
    /// <summary>Up to this many numbers taken by <c>next</c> are listed one by one; a bigger block shows its first and last.</summary>
    private const int ListedNumbers = 100;

    public static Command Create() => new("number-sequences", "Number sequences, e.g. CUST (C######) that numbers customers without a PSA account number.")
    {
        List(),
        Show(),
        Add(),
        Next(),
    };

    private static Argument<string> CodeArgument() => new("CODE") { Description = "The code of the number sequence, e.g. CUST." };

    private static Command List()
    {
        var paging = new PagingOptions();
        return paging.AddTo(new Command("list", "Lists number sequences by code.")).Runs(async ctx =>
        {
            var page = await ctx.Service<NumberSequenceService>().ListAsync(paging.Read(ctx), ctx.Cancellation);
            ctx.Console.WritePage(page, "number sequences",
                ("Code", s => s.Code), ("Name", s => s.Name), ("Format", s => s.Format), ("Next", s => s.Next),
                ("Smallest", s => s.Smallest), ("Largest", s => s.Largest), ("Continuous", s => s.Continuous), ("Left", s => Left(s)));
            return ExitCodes.Ok;
        });
    }

    private static Command Show()
    {
        var code = CodeArgument();
        return new Command("show", "Shows one number sequence.") { code }.Runs(async ctx =>
        {
            var s = await ctx.Service<NumberSequenceService>().GetAsync(ctx.Value(code), ctx.Cancellation);
            ctx.Console.WriteFields($"Number sequence {s.Code}",
                ("Code", s.Code),
                ("Name", s.Name),
                ("Format", s.Format),
                ("Next", s.Next <= s.Largest ? $"{s.Next} ({s.FormatNumber(s.Next)})" : $"{s.Next} (exhausted)"),
                ("Smallest", s.Smallest),
                ("Largest", s.Largest),
                ("Continuous", s.Continuous),
                ("Numbers left", Left(s)));
            return ExitCodes.Ok;
        });
    }

    private static Command Add()
    {
        var code = CodeArgument();
        var name = new Option<string?>("--name") { Description = "What the sequence numbers, e.g. \"Vendor account\".", HelpName = "TEXT" };
        var format = new Option<string?>("--format") { Description = "The format; its run of # takes the number, e.g. V###### or CUST-#####.", HelpName = "FORMAT" };
        var smallest = new Option<long?>("--smallest") { Description = "The smallest number (default 1).", HelpName = "N" };
        var largest = new Option<long?>("--largest") { Description = "The largest number (default: the most the format holds).", HelpName = "N" };
        var next = new Option<long?>("--next") { Description = "The next number to give (default: the smallest).", HelpName = "N" };
        var continuous = new Option<bool>("--continuous") { Description = "Leave no gaps: a number taken in a transaction that rolls back returns." };
        return new Command("add", "Adds a number sequence.") { code, name, format, smallest, largest, next, continuous }.Runs(async ctx =>
        {
            var s = await ctx.Service<NumberSequenceService>().CreateAsync(new NumberSequenceInput(ctx.Value(code), ctx.Value(name), ctx.Value(format),
                ctx.Value(smallest), ctx.Value(largest), ctx.Value(next), ctx.Value(continuous)), ctx.Cancellation);
            await ctx.AuditAsync("CreateNumberSequence", "NumberSequence", s.Code);
            ctx.Console.WriteLine($"Number sequence {s.Code} added: {s.Format}, {s.Smallest} to {s.Largest}, next {s.FormatNumber(s.Next)}" +
                                  (s.Continuous ? ", continuous." : "."));
            return ExitCodes.Ok;
        });
    }

    private static Command Next()
    {
        var code = CodeArgument();
        var count = new Option<int>("--count") { Description = $"How many numbers to take (a block reserved for batch work), at most {NumberSequenceLimits.MaxReservePerCall}.", HelpName = "N", DefaultValueFactory = _ => 1 };
        return new Command("next", "Takes the next number(s) of a sequence and prints one a line (the count goes to stderr, so scripts read only numbers). " +
            "They are used up: the sequence never gives them again.") { code, count }.Runs(async ctx =>
        {
            var block = await ctx.Service<NumberSequenceAllocator>().TakeAsync(ctx.Service<FinanceDb>(), ctx.Value(code),
                NumberSequenceLimits.ReserveCount(ctx.Value(count), "--count"), ctx.Cancellation);
            await ctx.AuditAsync("ReserveNumbers", "NumberSequence", block.SequenceCode, $"{block.Count} number(s): {block.First} to {block.Last}");
            if (block.Count <= ListedNumbers)
                foreach (var number in block.All()) ctx.Console.WriteLine(number);
            else
                ctx.Console.WriteLine($"{block[0]} to {block[block.Count - 1]}");
            ctx.Error.WriteLine($"Took {block.Count} number(s) from {block.SequenceCode}: {block.First} to {block.Last}.");
            return ExitCodes.Ok;
        });
    }

    private static long Left(NumberSequence s) => NumberSequenceLimits.Left(s);
}
