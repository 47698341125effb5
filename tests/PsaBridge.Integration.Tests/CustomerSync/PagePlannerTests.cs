using PsaBridge.Finance.AddressSetup;
using PsaBridge.Finance.Customers;
using PsaBridge.Finance.IntegrationLog;
using PsaBridge.Finance.PaymentTerms;
using PsaBridge.Integration.CustomerSync;
using PsaBridge.Integration.Sources;

namespace PsaBridge.Integration.Tests.CustomerSync;

/// <summary>A page's decisions as plain code over what finance held for it, without a database.</summary>
public sealed class PagePlannerTests
{
    private static readonly DateTime Now = new(2026, 12, 7, 9, 0, 0, DateTimeKind.Utc);

    private static FinanceReference Reference()
    {
        var reference = new FinanceReference(new AddressLookup(
            [new Country { Id = "USA", Iso2 = "US", Name = "United States" }], [new State { CountryId = "USA", StateId = "WA", Name = "Washington" }]),
            PaymentTerm.Defaults(), ["10"], ["USD", "EUR", "CAD"]);
        reference.AddCity(new City { CountryId = "USA", StateId = "WA", Name = "Seattle" });
        reference.AddZip("USA", "98101", "WA", "Seattle");
        return reference;
    }

    private static CustomerMapping Map(string name, string? number = null, string? zip = "98101", string? state = "WA", long version = 1) =>
        CustomerRules.Map(new PsaAccountRecord(Guid.NewGuid(), version, name, number, "USD", "+1 425 555 0100", "ap@example.com", "1 Main St", null, null,
            "Seattle", state, zip, "US", 1000m, "Net30"), Reference(), "10");

    private static Customer Existing(CustomerMapping m, string account) => new()
    {
        CustomerAccount = account, Name = m.Name, CustomerGroupId = "10", Currency = m.Currency, PaymentTerms = m.PaymentTerms, CreditLimit = m.CreditLimit,
        Phone = m.Phone, Email = m.Email, Address = m.Address, PsaAccountId = m.Account.Id, CreatedAt = Now.AddDays(-3), ModifiedAt = Now.AddDays(-3),
    };

    private static readonly Dictionary<Guid, Customer> NoCustomers = [];
    private static readonly Dictionary<string, CustomerHolder> NoHolders = new(StringComparer.OrdinalIgnoreCase);

    [Fact]
    public void An_account_with_a_customer_keeps_its_customer_account_and_a_changed_number_is_noted()
    {
        var m = Map("Fourth Coffee", number: "NEWNUM");
        var plan = PagePlanner.Plan([m], new Dictionary<Guid, Customer> { [m.Account.Id] = Existing(m, "FOURTH") }, NoHolders);

        var account = plan.Accounts.ShouldHaveSingleItem();
        (account.CustomerAccount, account.Fails, account.NeedsNumber).ShouldBe(("FOURTH", false, false));
        account.Note.ShouldBe("Account number: 'NEWNUM' differs from customer account 'FOURTH'; a customer account is never renamed, so 'FOURTH' was kept.");
        plan.Claimed.ShouldBeEmpty();
    }

    [Fact]
    public void A_number_another_customer_holds_fails_the_account_naming_the_holder_whatever_the_case()
    {
        var synced = Map("Litware", number: "fourth");
        var handMade = Map("Contoso", number: "MANUAL");
        var holders = new Dictionary<string, CustomerHolder>(StringComparer.OrdinalIgnoreCase)
        {
            ["FOURTH"] = new("Fourth Coffee", Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e")),
            ["MANUAL"] = new("Made in finance", null),
        };

        var plan = PagePlanner.Plan([synced, handMade], NoCustomers, holders);

        plan.Accounts[0].Errors.ShouldBe(["Account number: 'fourth' is already the customer account of 'Fourth Coffee', synchronized from PSA account 0f8fad5b-d9cb-469f-a165-70867728950e; nothing was overwritten."]);
        plan.Accounts[1].Errors.ShouldBe(["Account number: 'MANUAL' is already the customer account of 'Made in finance', which was not created from PSA; nothing was overwritten."]);
        plan.Accounts.ShouldAllBe(a => a.Fails && a.CustomerAccount == null);
        plan.Claimed.ShouldBeEmpty();
    }

    [Fact]
    public void The_first_valid_account_of_a_page_holds_its_number_and_an_invalid_one_holds_none()
    {
        var invalid = Map("Blue Yonder", number: "DUP", state: "Washingtn");
        var first = Map("Alpha", number: "DUP");
        var second = Map("Beta", number: "dup");

        var plan = PagePlanner.Plan([invalid, first, second], NoCustomers, NoHolders);

        plan.Accounts[0].Errors.ShouldBe(["State: 'Washingtn' does not exist in finance for United States (USA)."]);
        (plan.Accounts[1].CustomerAccount, plan.Accounts[1].Fails).ShouldBe(("DUP", false));
        plan.Accounts[2].Errors.ShouldBe([$"Account number: 'dup' is already the customer account of 'Alpha', created from PSA account {first.Account.Id} in this run; nothing was overwritten."]);
        plan.Claimed.Keys.ShouldBe(["DUP"]);
        plan.Claimed["dup"].Id.ShouldBe(first.Account.Id);
    }

    [Fact]
    public void Accounts_without_a_number_take_the_blocks_numbers_in_order_skipping_those_held_or_claimed()
    {
        var claimer = Map("Alpha", number: "C000002");
        var (a, b, c) = (Map("Beta"), Map("Gamma"), Map("Delta"));
        var plan = PagePlanner.Plan([claimer, a, b, c], NoCustomers, NoHolders);
        plan.NeedingNumbers.Select(p => p.Mapping.Name).ShouldBe(["Beta", "Gamma", "Delta"]);
        var waiting = new Queue<AccountPlan>(plan.NeedingNumbers);

        // C000001 held by a customer made by hand (any case), C000002 claimed by the page: both skipped, never reused.
        PagePlanner.Number(waiting, ["C000001", "C000002", "C000003"], new HashSet<string>(["c000001"], StringComparer.OrdinalIgnoreCase), plan.Claimed);
        waiting.Count.ShouldBe(2);
        PagePlanner.Number(waiting, ["C000004", "C000005"], new HashSet<string>(StringComparer.OrdinalIgnoreCase), plan.Claimed);

        waiting.ShouldBeEmpty();
        plan.Accounts.Select(p => p.CustomerAccount).ShouldBe(["C000002", "C000003", "C000004", "C000005"]);
        plan.Claimed["C000005"].Id.ShouldBe(c.Account.Id);
    }

    [Fact]
    public void The_outcome_writes_what_each_account_does_and_logs_one_line_an_account()
    {
        var reference = Reference();
        var created = Map("Created Co", number: "NEW1", zip: "98101-0001");
        var sameZip = Map("Same Zip Co", number: "NEW2", zip: "98101-0001");
        var unchanged = Map("Unchanged Co");
        var updated = Map("Updated Co");
        var retried = Map("Retried Co", state: "Nowhere", version: 7);
        var existing = new Dictionary<Guid, Customer>
        {
            [unchanged.Account.Id] = Existing(unchanged, "C000010"),
            [updated.Account.Id] = Existing(updated with { Name = "Old name" }, "C000011"),
        };
        var plan = PagePlanner.Plan([created, sameZip, unchanged, updated, retried], existing, NoHolders);
        var header = Guid.NewGuid();
        var failedBefore = new HashSet<Guid> { retried.Account.Id, updated.Account.Id };

        var outcome = PageOutcome.Of(plan.Accounts, header, 41, Now, "10", failedBefore, reference, setupVersion: 5);

        outcome.Counts.ShouldBe(new PageCounts(Read: 5, Created: 2, Updated: 1, Unchanged: 1, Failed: 1, ZipCodesCreated: 1));
        outcome.Lines.Select(l => (l.LineNumber, l.Status, l.Action, l.CustomerAccount)).ShouldBe([
            (41, IntegrationStatus.Completed, SyncAction.Created, "NEW1"), (42, IntegrationStatus.Completed, SyncAction.Created, "NEW2"),
            (43, IntegrationStatus.Completed, SyncAction.Unchanged, "C000010"), (44, IntegrationStatus.Completed, SyncAction.Updated, "C000011"),
            (45, IntegrationStatus.Error, SyncAction.None, null)]);
        outcome.Lines.ShouldAllBe(l => l.HeaderId == header);
        outcome.Lines[0].Messages.ShouldBe("Customer NEW1 created.\nZip code 98101-0001 created for Seattle, WA, USA.");
        (outcome.Lines[0].ZipCodeCreated, outcome.Lines[1].ZipCodeCreated).ShouldBe((true, false)); // one zip code created once a page
        outcome.ZipCodes.ShouldBe([new NewZipCode("USA", "98101-0001", "WA", "Seattle")]);
        outcome.Created.Select(c => (c.CustomerAccount, c.PsaAccountId, c.CreatedAt, c.ModifiedAt)).ShouldBe([
            ("NEW1", created.Account.Id, Now, Now), ("NEW2", sameZip.Account.Id, Now, Now)]);
        var changed = outcome.Updated.ShouldHaveSingleItem();
        (changed.CustomerAccount, changed.Name, changed.CreatedAt, changed.ModifiedAt).ShouldBe(("C000011", "Updated Co", Now.AddDays(-3), Now));
        outcome.Failures.ShouldBe([new FailedAttempt(retried.Account.Id, 7, "State: 'Nowhere' does not exist in finance for United States (USA).", 5, RecordedBefore: true)]);
        outcome.Cleared.ShouldBe([updated.Account.Id]);
    }

    [Fact]
    public void Log_text_shows_control_characters_as_replacement_characters_and_keeps_the_line_breaks_between_messages()
    {
        LogText.Printable("Fourth\u0000Coffee\tLtd\nsecond message").ShouldBe("Fourth\uFFFDCoffee\uFFFDLtd\nsecond message");
        LogText.Fit("Nul\u0000at four", 4).ShouldBe("Nul\uFFFD");
        var plain = "Fourth Coffee";
        LogText.Printable(plain).ShouldBeSameAs(plain);
    }
}
