using Microsoft.EntityFrameworkCore;
using System.Net;
using System.Net.Http.Json;
using PsaBridge.Finance.Customers;
using PsaBridge.Testing;

namespace PsaBridge.Integration.Tests.CustomerSync;

/// <summary>
/// The seed's process end to end through the HTTP API: accounts made in PSA, the job run, the
/// customers in finance and the integration log, rule by rule.
/// </summary>
[Trait("Engine", "Both")]
public sealed class CustomerSyncTests
{
    [Fact]
    public async Task A_run_maps_every_account_by_the_seeds_rules_and_logs_each_one()
    {
        await using var app = await PsaBridgeApp.StartAsync();
        var client = app.CreateClient();
        var fourthCoffee = await client.CreateAccountAsync("Fourth Coffee", accountNumber: "FOURTH");
        var noNumber = await client.CreateAccountAsync("Adventure Works", accountNumber: null, state: "Washington", country: "United States");
        var badCountry = await client.CreateAccountAsync("Margie's Travel", country: "Atlantis");
        var badState = await client.CreateAccountAsync("Blue Yonder", state: "Washingtn");
        var badCity = await client.CreateAccountAsync("Coho Winery", city: "Seatle");
        var newZip = await client.CreateAccountAsync("Tailspin Toys", zip: "98101-0001");
        var badTerms = await client.CreateAccountAsync("Trey Research", paymentTerms: "Net90");
        var manyErrors = await client.CreateAccountAsync("Lamna Healthcare", state: "Nowhere", paymentTerms: "Whenever");
        var duplicate = await client.CreateAccountAsync("Litware", accountNumber: "FOURTH");

        var header = await client.RunSyncAsync();

        header.GetProperty("status").GetString().ShouldBe("Error");
        header.GetProperty("batchJobId").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null); // run interactively
        header.GetProperty("jobDescription").GetString().ShouldBe("Synchronize master data from PSA - Customers");
        header.Count("read").ShouldBe(9);
        header.Count("created").ShouldBe(3);
        header.Count("failed").ShouldBe(6);
        header.Count("zipCodesCreated").ShouldBe(1);
        var lines = await client.LinesAsync(header.GetProperty("id").GetGuid());
        lines.Count.ShouldBe(9);

        var fourth = lines.LineFor(fourthCoffee);
        fourth.GetProperty("status").GetString().ShouldBe("Completed");
        fourth.GetProperty("action").GetString().ShouldBe("Created");
        fourth.GetProperty("customerAccount").GetString().ShouldBe("FOURTH");
        fourth.GetProperty("accountName").GetString().ShouldBe("Fourth Coffee");
        fourth.GetProperty("accountNumber").GetString().ShouldBe("FOURTH");
        var customer = (await client.CustomerForAsync(fourthCoffee))!.Value;
        customer.GetProperty("customerAccount").GetString().ShouldBe("FOURTH");
        customer.GetProperty("name").GetString().ShouldBe("Fourth Coffee");
        customer.GetProperty("relationType").GetString().ShouldBe("Organization");
        customer.GetProperty("customerGroupId").GetString().ShouldBe("10");
        customer.GetProperty("currency").GetString().ShouldBe("USD");
        customer.GetProperty("phone").GetString().ShouldBe("+1 425 555 0100");
        customer.GetProperty("email").GetString().ShouldBe("ap@fourthcoffee.com");
        customer.GetProperty("creditLimit").GetDecimal().ShouldBe(50_000m);
        customer.GetProperty("paymentTerms").GetString().ShouldBe("Net30");
        customer.GetProperty("psaAccountId").GetGuid().ShouldBe(fourthCoffee);
        var address = customer.GetProperty("address");
        address.GetProperty("street").GetString().ShouldBe("1 Main St");
        address.GetProperty("city").GetString().ShouldBe("Seattle");
        address.GetProperty("state").GetString().ShouldBe("WA");
        address.GetProperty("zipCode").GetString().ShouldBe("98101");
        address.GetProperty("countryRegion").GetString().ShouldBe("USA");

        // No account number: the customer number sequence gives the customer account.
        var numbered = lines.LineFor(noNumber);
        numbered.GetProperty("status").GetString().ShouldBe("Completed");
        numbered.GetProperty("customerAccount").GetString().ShouldBe("C000001");
        (await client.CustomerForAsync(noNumber))!.Value.GetProperty("address").GetProperty("state").GetString().ShouldBe("WA");

        var zipLine = lines.LineFor(newZip);
        zipLine.GetProperty("status").GetString().ShouldBe("Completed");
        zipLine.GetProperty("zipCodeCreated").GetBoolean().ShouldBeTrue();
        zipLine.Messages().ShouldContain("Zip code 98101-0001 created for Seattle, WA, USA.");
        var zips = await (await client.GetAsync("/api/finance/zip-codes?country=US&code=98101-0001")).JsonAsync();
        zips.GetProperty("total").GetInt32().ShouldBe(1);
        zips.GetProperty("items")[0].GetProperty("city").GetString().ShouldBe("Seattle");
        zips.GetProperty("items")[0].GetProperty("stateId").GetString().ShouldBe("WA");

        ShouldFailWith(lines.LineFor(badCountry), "Country: 'Atlantis' does not exist in finance");
        ShouldFailWith(lines.LineFor(badState), "State: 'Washingtn' does not exist in finance for United States (USA).");
        ShouldFailWith(lines.LineFor(badCity), "City: 'Seatle' does not exist in finance for state WA of United States (USA).");
        ShouldFailWith(lines.LineFor(badTerms), "Payment term: 'Net90' does not exist in finance");
        var many = lines.LineFor(manyErrors);
        ShouldFailWith(many, "State: 'Nowhere' does not exist in finance");
        ShouldFailWith(many, "Payment term: 'Whenever' does not exist in finance");
        many.Messages().Count.ShouldBe(2);
        // Fourth Coffee claimed the number earlier in the same page: the message names it and its PSA account.
        ShouldFailWith(lines.LineFor(duplicate),
            $"Account number: 'FOURTH' is already the customer account of 'Fourth Coffee', created from PSA account {fourthCoffee} in this run; nothing was overwritten.");

        foreach (var failed in new[] { badCountry, badState, badCity, badTerms, manyErrors, duplicate })
            (await client.CustomerForAsync(failed)).ShouldBeNull();
        // The duplicate did not overwrite Fourth Coffee.
        (await client.CustomerForAsync(fourthCoffee))!.Value.GetProperty("name").GetString().ShouldBe("Fourth Coffee");
    }

    [Fact]
    public async Task A_number_format_longer_than_a_customer_account_stops_the_run_before_it_writes()
    {
        await using var app = await PsaBridgeApp.StartAsync();
        var client = app.CreateClient();
        // 23 characters: the sequence itself allows formats of up to 30, a customer account holds 20.
        (await client.PutAsJsonAsync("/api/finance/number-sequences/CUST", new { format = "CUSTOMER-ACCOUNT-######" })).EnsureSuccessStatusCode();
        await client.CreateAccountAsync("Numbered", accountNumber: "N1");
        await client.CreateAccountAsync("Unnumbered", accountNumber: null);

        var header = await client.RunSyncAsync();

        header.GetProperty("status").GetString().ShouldBe("Error");
        header.GetProperty("message").GetString()!.ShouldContain(
            "Number sequence 'CUST' gives customer accounts of 23 characters (format 'CUSTOMER-ACCOUNT-######'); a customer account holds at most 20.");
        header.Count("created").ShouldBe(0);
        await using var finance = app.Databases.OpenFinance();
        (await finance.Customers.CountAsync()).ShouldBe(0);
        (await finance.NumberSequences.AsNoTracking().SingleAsync(n => n.Code == "CUST")).Next.ShouldBe(1); // no number taken
    }

    [Fact]
    public async Task The_number_sequence_skips_numbers_a_customer_already_holds_made_in_finance_or_typed_in_PSA()
    {
        await using var app = await PsaBridgeApp.StartAsync();
        var client = app.CreateClient();
        await using (var finance = app.Databases.OpenFinance())
        {
            // Made by hand in finance with the shape the sequence gives: the first and the last number of the first block the
            // run takes (C000001-C000003), and a key between two numbers that is none.
            finance.Customers.Add(new Customer { CustomerAccount = "C000001", Name = "Made in finance", CustomerGroupId = "10" });
            finance.Customers.Add(new Customer { CustomerAccount = "C000003", Name = "Made in finance too", CustomerGroupId = "10" });
            finance.Customers.Add(new Customer { CustomerAccount = "C000001-OLD", Name = "Between two numbers", CustomerGroupId = "10" });
            await finance.SaveChangesAsync();
        }
        var first = await client.CreateAccountAsync("First", accountNumber: null);
        var typed = await client.CreateAccountAsync("Typed", accountNumber: "C000002");
        var second = await client.CreateAccountAsync("Second", accountNumber: null);
        var third = await client.CreateAccountAsync("Third", accountNumber: null);

        var header = await client.RunSyncAsync();

        header.Count("created").ShouldBe(4);
        var lines = await client.LinesAsync(header.GetProperty("id").GetGuid());
        // The first block gives nobody a number: C000001 and C000003 are held in finance, C000002 by an account of the same
        // page. The next block gives the three theirs; no number is given twice.
        foreach (var (account, expected) in new[] { (first, "C000004"), (typed, "C000002"), (second, "C000005"), (third, "C000006") })
            lines.LineFor(account).GetProperty("customerAccount").GetString().ShouldBe(expected);
    }

    [Fact]
    public async Task A_second_run_creates_no_duplicates_and_an_update_changes_the_same_customer()
    {
        await using var app = await PsaBridgeApp.StartAsync();
        var client = app.CreateClient();
        var a = await client.CreateAccountAsync("Fourth Coffee", accountNumber: "FOURTH");
        var b = await client.CreateAccountAsync("Adventure Works");
        var first = await client.RunSyncAsync();
        first.GetProperty("status").GetString().ShouldBe("Completed");
        first.Count("created").ShouldBe(2);

        var second = await client.RunSyncAsync();
        second.GetProperty("status").GetString().ShouldBe("Completed");
        second.Count("read").ShouldBe(0);

        await client.PatchAccountAsync(b, new { creditLimit = 99_000, address1 = new { line2 = "Suite 400" } });
        var third = await client.RunSyncAsync();
        third.Count("read").ShouldBe(1);
        third.Count("updated").ShouldBe(1);
        third.Count("created").ShouldBe(0);
        var line = (await client.LinesAsync(third.GetProperty("id").GetGuid())).LineFor(b);
        line.GetProperty("action").GetString().ShouldBe("Updated");
        line.GetProperty("customerAccount").GetString().ShouldBe("C000001");
        var customer = (await client.CustomerForAsync(b))!.Value;
        customer.GetProperty("creditLimit").GetDecimal().ShouldBe(99_000m);
        customer.GetProperty("address").GetProperty("street").GetString().ShouldBe("1 Main St\nSuite 400");

        var full = await client.RunSyncAsync("?full=true");
        full.Count("read").ShouldBe(2);
        full.Count("unchanged").ShouldBe(2);
        var all = await (await client.GetAsync("/api/finance/customers")).JsonAsync();
        all.GetProperty("total").GetInt32().ShouldBe(2);
        (await client.CustomerForAsync(a))!.Value.GetProperty("customerAccount").GetString().ShouldBe("FOURTH");

        // A new account number is never a rename: the line says so after its outcome, and before the zip code it created.
        await client.PatchAccountAsync(a, new { accountNumber = "FOURTH-2", address1 = new { postalCode = "98101-0002" } });
        var renamed = await client.RunSyncAsync();
        renamed.Count("updated").ShouldBe(1);
        (await client.LinesAsync(renamed.GetProperty("id").GetGuid())).LineFor(a).Messages().ShouldBe([
            "Customer FOURTH updated.",
            "Account number: 'FOURTH-2' differs from customer account 'FOURTH'; a customer account is never renamed, so 'FOURTH' was kept.",
            "Zip code 98101-0002 created for Seattle, WA, USA.",
        ]);
        (await client.CustomerForAsync(a))!.Value.GetProperty("customerAccount").GetString().ShouldBe("FOURTH");
    }

    [Fact]
    public async Task Fixing_an_account_in_PSA_lets_the_next_run_complete_it()
    {
        await using var app = await PsaBridgeApp.StartAsync();
        var client = app.CreateClient();
        var good = await client.CreateAccountAsync("Fourth Coffee");
        var broken = await client.CreateAccountAsync("Blue Yonder", state: "Washingtn");
        var first = await client.RunSyncAsync();
        first.GetProperty("status").GetString().ShouldBe("Error");

        // Unchanged, and nothing it is validated against changed in finance: it would fail the same way,
        // so it is not tried again; the header says it is waiting.
        var quiet = await client.RunSyncAsync();
        quiet.Count("read").ShouldBe(0);
        quiet.GetProperty("status").GetString().ShouldBe("Completed");
        quiet.GetProperty("message").GetString()!.ShouldStartWith("1 account whose last attempt failed was not tried again");

        await client.PatchAccountAsync(broken, new { address1 = new { stateOrProvince = "WA" } });
        var fixedRun = await client.RunSyncAsync();
        fixedRun.GetProperty("status").GetString().ShouldBe("Completed");
        fixedRun.Count("read").ShouldBe(1);
        fixedRun.Count("created").ShouldBe(1);
        var line = (await client.LinesAsync(fixedRun.GetProperty("id").GetGuid())).LineFor(broken);
        line.GetProperty("status").GetString().ShouldBe("Completed");
        line.GetProperty("action").GetString().ShouldBe("Created");
        (await client.CustomerForAsync(broken)).ShouldNotBeNull();
        (await client.CustomerForAsync(good)).ShouldNotBeNull();

        // Once through, it is no longer retried.
        (await client.RunSyncAsync()).Count("read").ShouldBe(0);
    }

    [Fact]
    public async Task Fixing_the_finance_setup_lets_the_next_run_retry_and_complete_an_unchanged_account()
    {
        await using var app = await PsaBridgeApp.StartAsync();
        var client = app.CreateClient();
        var broken = await client.CreateAccountAsync("Trey Research", paymentTerms: "Net75");
        var first = await client.RunSyncAsync();
        first.GetProperty("status").GetString().ShouldBe("Error");
        (await client.LinesAsync(first.GetProperty("id").GetGuid())).LineFor(broken).Messages()
            .ShouldContain(m => m.StartsWith("Payment term: 'Net75' does not exist in finance"));
        (await client.RunSyncAsync()).Count("read").ShouldBe(0);

        var added = await client.PostAsJsonAsync("/api/finance/payment-terms", new { code = "Net75", description = "Net 75 days", netDays = 75 });
        added.StatusCode.ShouldBe(HttpStatusCode.Created, await added.Content.ReadAsStringAsync());

        var retried = await client.RunSyncAsync();
        retried.GetProperty("status").GetString().ShouldBe("Completed");
        retried.Count("read").ShouldBe(1);
        retried.Count("created").ShouldBe(1);
        (await client.CustomerForAsync(broken))!.Value.GetProperty("paymentTerms").GetString().ShouldBe("Net75");
        (await client.RunSyncAsync()).Count("read").ShouldBe(0);
    }

    [Fact]
    public async Task With_RetryFailures_EveryRun_an_unchanged_failed_account_is_tried_by_every_run()
    {
        await using var app = await PsaBridgeApp.StartAsync(a => a.WithSetting("PsaBridge:CustomerSync:RetryFailures", "EveryRun"));
        var client = app.CreateClient();
        var broken = await client.CreateAccountAsync("Blue Yonder", state: "Washingtn");
        var first = await client.RunSyncAsync();
        first.GetProperty("status").GetString().ShouldBe("Error");

        var retry = await client.RunSyncAsync();
        retry.Count("read").ShouldBe(1);
        retry.Count("failed").ShouldBe(1);
        retry.GetProperty("status").GetString().ShouldBe("Error");
        (await client.LinesAsync(retry.GetProperty("id").GetGuid())).LineFor(broken).GetProperty("status").GetString().ShouldBe("Error");

        // One failure row for the account, counting both attempts: the first attempt's time kept, the last one's messages.
        await using var finance = app.Databases.OpenFinance();
        var failure = (await finance.SyncFailures.AsNoTracking().ToListAsync()).ShouldHaveSingleItem();
        failure.PsaAccountId.ShouldBe(broken);
        failure.Attempts.ShouldBe(2);
        // Each attempt's time is its page's, within its run: from the run's start to the next run's.
        var (firstStart, retryStart) = (first.GetProperty("executionDate").GetDateTime(), retry.GetProperty("executionDate").GetDateTime());
        failure.FirstFailedAt.ShouldBeInRange(firstStart, retryStart);
        failure.LastFailedAt.ShouldBeInRange(retryStart, retry.GetProperty("finishedAt").GetDateTime());
        failure.LastMessages.ShouldContain("Washingtn");
        // The version the last attempt read: the account's own, unchanged since it was created.
        await using var psa = app.Databases.OpenPsa();
        failure.PsaVersion.ShouldBeGreaterThan(0);
        failure.PsaVersion.ShouldBe((await psa.Accounts.AsNoTracking().SingleAsync(a => a.Id == broken)).VersionNumber);
    }

    [Fact]
    public async Task An_account_in_error_does_not_hold_its_account_number_against_a_valid_one_in_the_same_page()
    {
        await using var app = await PsaBridgeApp.StartAsync();
        var client = app.CreateClient();
        var broken = await client.CreateAccountAsync("Wingtip Toys", accountNumber: "WINGTIP", state: "Nowhere");
        var valid = await client.CreateAccountAsync("Wingtip Toys Europe", accountNumber: "WINGTIP");

        var run = await client.RunSyncAsync();
        run.Count("created").ShouldBe(1);
        run.Count("failed").ShouldBe(1);
        var lines = await client.LinesAsync(run.GetProperty("id").GetGuid());
        var created = lines.LineFor(valid);
        created.GetProperty("status").GetString().ShouldBe("Completed");
        created.GetProperty("customerAccount").GetString().ShouldBe("WINGTIP");
        var failed = lines.LineFor(broken);
        failed.GetProperty("status").GetString().ShouldBe("Error");
        failed.Messages().ShouldBe(["State: 'Nowhere' does not exist in finance for United States (USA)."]);
        (await client.CustomerForAsync(valid))!.Value.GetProperty("name").GetString().ShouldBe("Wingtip Toys Europe");
        (await client.CustomerForAsync(broken)).ShouldBeNull();
    }

    [Fact]
    public async Task The_log_shows_Error_headers_by_default_newest_first()
    {
        await using var app = await PsaBridgeApp.StartAsync();
        var client = app.CreateClient();
        await client.CreateAccountAsync("Blue Yonder", state: "Washingtn");
        var error1 = await client.RunSyncAsync();
        await client.CreateAccountAsync("Lamna Healthcare", paymentTerms: "Whenever");
        var error2 = await client.RunSyncAsync();
        await client.PatchAccountAsync((await client.LinesAsync(error1.GetProperty("id").GetGuid()))[0].GetProperty("psaAccountId").GetGuid(),
            new { address1 = new { stateOrProvince = "WA" } });
        var completed = await client.RunSyncAsync();

        var byDefault = await (await client.GetAsync("/api/integration/log")).JsonAsync();
        byDefault.GetProperty("items").EnumerateArray().Select(h => h.GetProperty("id").GetGuid())
            .ShouldBe([error2.GetProperty("id").GetGuid(), error1.GetProperty("id").GetGuid()]);
        var onlyCompleted = await (await client.GetAsync("/api/integration/log?status=Completed")).JsonAsync();
        onlyCompleted.GetProperty("items").EnumerateArray().Select(h => h.GetProperty("id").GetGuid()).ShouldBe([completed.GetProperty("id").GetGuid()]);
        var all = await (await client.GetAsync("/api/integration/log?status=All")).JsonAsync();
        all.GetProperty("total").GetInt32().ShouldBe(3);
        all.GetProperty("items")[0].GetProperty("id").GetGuid().ShouldBe(completed.GetProperty("id").GetGuid());

        var errorLines = await client.LinesAsync(error1.GetProperty("id").GetGuid(), "Error");
        errorLines.Count.ShouldBe(1);
        (await client.LinesAsync(error1.GetProperty("id").GetGuid(), "Completed")).ShouldBeEmpty();

        var bad = await client.GetAsync("/api/integration/log?status=Sometimes");
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.JsonAsync()).GetProperty("errors").GetProperty("status")[0].GetString()!.ShouldContain("'Sometimes'");
        (await client.GetAsync($"/api/integration/log/{Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private static void ShouldFailWith(System.Text.Json.JsonElement line, string message)
    {
        line.GetProperty("status").GetString().ShouldBe("Error");
        line.GetProperty("action").GetString().ShouldBe("None");
        line.Messages().ShouldContain(m => m.StartsWith(message), $"expected a message starting '{message}' in: {string.Join(" | ", line.Messages())}");
    }
}
