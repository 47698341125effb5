using Microsoft.EntityFrameworkCore;
using PsaBridge.Infrastructure.Paging;
using PsaBridge.Infrastructure.Validation;

namespace PsaBridge.Finance.NumberSequences;

public sealed record NumberSequenceInput(string? Code, string? Name, string? Format, long? Smallest, long? Largest, long? Next, bool? Continuous);

public sealed class NumberSequenceService(FinanceDb db)
{
    public Task<Page<NumberSequence>> ListAsync(PageRequest page, CancellationToken ct = default) =>
        db.NumberSequences.AsNoTracking().OrderBy(s => s.Code).ToPageAsync(page, ct);

    public async Task<NumberSequence> GetAsync(string code, CancellationToken ct = default) =>
        await db.NumberSequences.AsNoTracking().SingleOrDefaultAsync(s => s.Code == code, ct)
        ?? throw new NotFoundException("Number sequence", code);

    /// <summary>The sequences at or past the warning share, most used first (a finance database holds a handful of sequences).</summary>
    public async Task<List<NumberSequence>> NearExhaustionAsync(CancellationToken ct = default) =>
        (await db.NumberSequences.AsNoTracking().ToListAsync(ct)).Where(NumberSequenceLimits.NearExhaustion)
        .OrderByDescending(NumberSequenceLimits.UsedShare).ThenBy(s => s.Code).ToList();

    public async Task<NumberSequence> CreateAsync(NumberSequenceInput input, CancellationToken ct = default)
    {
        var rules = new Rules().Required("code", input.Code, NumberSequence.CodeLength);
        var sequence = new NumberSequence { Code = input.Code?.Trim() ?? "", Name = "", Format = "" };
        Apply(sequence, input, rules, creating: true);
        if (rules.Ok && await db.NumberSequences.AnyAsync(s => s.Code == sequence.Code, ct))
            rules.Add("code", $"Number sequence '{sequence.Code}' already exists.");
        rules.ThrowIfAny();
        db.NumberSequences.Add(sequence);
        await db.SaveChangesAsync(ct);
        return sequence;
    }

    public async Task<NumberSequence> UpdateAsync(string code, NumberSequenceInput input, CancellationToken ct = default)
    {
        var sequence = await db.NumberSequences.SingleOrDefaultAsync(s => s.Code == code, ct)
            ?? throw new NotFoundException("Number sequence", code);
        var rules = new Rules();
        if (input.Code is not null && input.Code != code) rules.Add("code", $"The code of number sequence '{code}' cannot be changed.");
        Apply(sequence, input, rules, creating: false);
        rules.ThrowIfAny();
        await db.SaveChangesAsync(ct);
        return sequence;
    }

    private static void Apply(NumberSequence s, NumberSequenceInput input, Rules rules, bool creating)
    {
        if (creating || input.Name is not null) { rules.Required("name", input.Name, NumberSequence.NameLength); s.Name = input.Name?.Trim() ?? ""; }
        if (creating || input.Format is not null)
        {
            rules.Required("format", input.Format, NumberSequence.FormatLength);
            if (!string.IsNullOrWhiteSpace(input.Format) && NumberFormat.Problem(input.Format) is { } problem) rules.Add("format", problem);
            s.Format = input.Format?.Trim() ?? "";
        }
        if (creating) { s.Smallest = input.Smallest ?? 1; s.Next = input.Next ?? s.Smallest; }
        else { s.Smallest = input.Smallest ?? s.Smallest; s.Next = input.Next ?? s.Next; }
        if (input.Largest is { } largest) s.Largest = largest;
        else if (creating && rules.Ok) s.Largest = NumberFormat.MaxFor(s.Format);
        if (input.Continuous is { } continuous) s.Continuous = continuous;
        if (!rules.Ok) return;

        if (s.Smallest < 0) rules.Add("smallest", $"'smallest' is {s.Smallest}; it cannot be negative.");
        if (s.Largest < s.Smallest) rules.Add("largest", $"'largest' is {s.Largest}; it must be at least 'smallest' ({s.Smallest}).");
        if (s.Largest > NumberFormat.MaxFor(s.Format))
            rules.Add("largest", $"'largest' is {s.Largest}; format '{s.Format}' holds at most {NumberFormat.MaxFor(s.Format)}.");
        if (s.Next < s.Smallest || s.Next > s.Largest + 1)
            rules.Add("next", $"'next' is {s.Next}; it must be between {s.Smallest} and {s.Largest}.");
    }
}
