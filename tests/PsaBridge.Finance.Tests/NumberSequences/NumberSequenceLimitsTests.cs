using PsaBridge.Finance.NumberSequences;
using PsaBridge.Infrastructure.Validation;

namespace PsaBridge.Finance.Tests.NumberSequences;

public sealed class NumberSequenceLimitsTests
{
    private static NumberSequence Sequence(long next, long smallest = 1, long largest = 1_000) =>
        new() { Code = "S", Name = "S", Format = "####", Next = next, Smallest = smallest, Largest = largest };

    [Fact]
    public void A_reservation_takes_one_number_unless_told_and_at_most_10000()
    {
        NumberSequenceLimits.ReserveCount(null).ShouldBe(1);
        NumberSequenceLimits.ReserveCount(10_000).ShouldBe(10_000);
        Should.Throw<ValidationFailedException>(() => NumberSequenceLimits.ReserveCount(10_001)).Errors
            .ShouldBe([new FieldError("count", "'count' is 10001; at most 10000 numbers are reserved in one call.")]);
        Should.Throw<ValidationFailedException>(() => NumberSequenceLimits.ReserveCount(0, "--count")).Errors
            .ShouldBe([new FieldError("--count", "'--count' is 0; at least 1 number must be taken.")]);
    }

    [Theory]
    [InlineData(1, 0, false)]
    [InlineData(900, 0.899, false)]
    [InlineData(901, 0.9, true)]
    [InlineData(1_001, 1, true)]
    public void A_sequence_is_near_exhaustion_once_90_percent_of_its_numbers_are_given(long next, double used, bool near)
    {
        var sequence = Sequence(next);
        NumberSequenceLimits.UsedShare(sequence).ShouldBe((decimal)used);
        NumberSequenceLimits.NearExhaustion(sequence).ShouldBe(near);
        NumberSequenceLimits.Left(sequence).ShouldBe(1_001 - next);
    }
}
