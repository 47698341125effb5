using PsaBridge.Finance.AddressSetup;
using PsaBridge.Finance.Customers;
using PsaBridge.Finance.IntegrationLog;
using PsaBridge.Finance.PaymentTerms;
using PsaBridge.Integration.CustomerSync;
using PsaBridge.Integration.Sources;

namespace PsaBridge.Integration.Tests.CustomerSync;

/// <summary>What a remote target's answers do to a page's outcome, as plain code: the number it gave, the write it refused.</summary>
public sealed class PageOutcomeTests
{
    private static readonly DateTime Now = new(2026, 12, 7, 9, 0, 0, DateTimeKind.Utc);

    private static readonly FinanceReference Reference = new(new AddressLookup(
        [new Country { Id = "USA", Iso2 = "US", Name = "United States" }], [new State { CountryId = "USA", StateId = "WA", Name = "Washington" }]),
        PaymentTerm.Defaults(), ["10"], ["USD"]);

    private static PageOutcome Outcome(IntegrationLogHeader header, params string?[] numbers)
    {
        var mappings = numbers.Select((n, i) => CustomerRules.Map(new PsaAccountRecord(Guid.NewGuid(), i + 1, $"Customer {i}", n, "USD", null, null, null, null, null,
            null, "WA", null, "US", 1000m, null), Reference, "10")).ToList();
        var plan = PagePlanner.Plan(mappings, new Dictionary<Guid, Customer>(), new Dictionary<string, CustomerHolder>(StringComparer.OrdinalIgnoreCase));
        var outcome = PageOutcome.Of(plan.Accounts, header.Id, 1, Now, "10", new HashSet<Guid>(), Reference, 7);
        outcome.Counts.AddTo(header);
        return outcome;
    }

    [Fact]
    public void A_number_the_target_gave_names_the_customer_and_its_log_line()
    {
        var header = new IntegrationLogHeader { JobDescription = "test" };
        var outcome = Outcome(header, [null]);
        var customer = outcome.Created.Single();
        customer.CustomerAccount.ShouldBe("");

        outcome.Numbered(customer, "US-0042");

        customer.CustomerAccount.ShouldBe("US-0042");
        (outcome.Lines[0].CustomerAccount, outcome.Lines[0].Messages).ShouldBe(("US-0042", "Customer US-0042 created."));
    }

    [Fact]
    public void A_write_the_target_refused_fails_its_account_alone_and_moves_the_counts()
    {
        var header = new IntegrationLogHeader { JobDescription = "test" };
        var outcome = Outcome(header, "K1", "K2");
        var (kept, refused) = (outcome.Created[0], outcome.Created[1]);

        outcome.Refused(refused, "Finance and Operations refused the customer: The value 'K2' is taken.", header);

        outcome.Created.ShouldBe([kept]);
        var line = outcome.Lines.Single(l => l.PsaAccountId == refused.PsaAccountId);
        (line.Status, line.Action, line.Messages).ShouldBe((IntegrationStatus.Error, SyncAction.None, "Finance and Operations refused the customer: The value 'K2' is taken."));
        outcome.Failures.Single().ShouldBe(new FailedAttempt(refused.PsaAccountId!.Value, 2, line.Messages, 7, false));
        (outcome.Counts.Created, outcome.Counts.Failed).ShouldBe((1, 1));
        (header.ReadCount, header.CreatedCount, header.FailedCount).ShouldBe((2, 1, 1));
    }
}
