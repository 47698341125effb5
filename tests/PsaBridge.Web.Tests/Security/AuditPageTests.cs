using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using PsaBridge.Testing;
using PsaBridge.Web.Security;

namespace PsaBridge.Web.Tests.Security;

/// <summary>The audit trail page (<c>/audit</c>) lists who changed which record when, filtered by user, record and period (issue 21), and exports what it lists.</summary>
[Trait("Engine", "Both")]
public sealed partial class AuditPageTests
{
    private sealed class Clock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2018, 2, 5, 9, 0, 0, TimeSpan.Zero);
        public override DateTimeOffset GetUtcNow() => Now;
    }

    [Fact]
    public async Task The_page_filters_the_trail_by_user_record_and_period()
    {
        await using var app = await StartWithTrailAsync();
        var (admin, finance, administrator) = (await app.UserAsync(Roles.Administrator), await app.UserAsync(Roles.Finance), app.CreateClient());

        (await RowsAsync(administrator, $"user={Uri.EscapeDataString(finance.Email)}&sort=record&dir=asc"))
            .ShouldBe([(finance.Email, "DeletePaymentTerm", "Net75"), (finance.Email, "CreatePaymentTerm", "Net90")]);
        (await RowsAsync(administrator, "record=Net75&sort=at&dir=asc"))
            .ShouldBe([(admin.Email, "CreatePaymentTerm", "Net75"), (finance.Email, "DeletePaymentTerm", "Net75")]);
        (await RowsAsync(administrator, "record=Net&at-from=2018-02-05&at-to=2018-02-05"))
            .ShouldBe([(admin.Email, "CreatePaymentTerm", "Net75")]);
        (await RowsAsync(administrator, "at-from=2018-02-07")).ShouldBeEmpty();
        // The page is for Administrators and Finance, as the API is.
        (await (await app.CreateClientAsync(Roles.ProjectManager)).GetAsync("/audit")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_csv_export_carries_exactly_the_filtered_lines_with_their_header()
    {
        await using var app = await StartWithTrailAsync();
        var (admin, finance, administrator) = (await app.UserAsync(Roles.Administrator), await app.UserAsync(Roles.Finance), app.CreateClient());

        var rows = await Browser.ListExportTests.CsvAsync(administrator, $"/audit?handler=Export&format=csv&entity=PaymentTerm&user={Uri.EscapeDataString(finance.Email)}&sort=at&dir=asc");

        rows[0].ShouldBe(["When", "User", "Through", "Action", "Record type", "Record id", "Details"]);
        rows.Skip(1).Select(r => (r[0], r[1], r[2], r[3], r[4], r[5])).ShouldBe([
            ("2018-02-06 09:00:00", finance.Email, "API", "CreatePaymentTerm", "PaymentTerm", "Net90"),
            ("2018-02-06 11:00:00", finance.Email, "API", "DeletePaymentTerm", "PaymentTerm", "Net75"),
        ]);
        (await Browser.ListExportTests.CsvAsync(administrator, "/audit?handler=Export&format=csv&record=Net75&at-from=2018-02-05&at-to=2018-02-05"))
            .Skip(1).Select(r => (r[0], r[1], r[3], r[5])).ShouldBe([("2018-02-05 09:00:00", admin.Email, "CreatePaymentTerm", "Net75")]);
        (await Browser.ListExportTests.CsvAsync(administrator, "/audit?handler=Export&format=csv&at-from=2018-02-07")).ShouldBe([rows[0]]);
        // The export is the page's, so it is for Administrators and Finance only.
        (await (await app.CreateClientAsync(Roles.ProjectManager)).GetAsync("/audit?handler=Export&format=csv")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    /// <summary>
    /// The app with a trail to read: the Administrator adds Net75 on 5 February 2018 at 09:00; Finance adds Net90 on
    /// 6 February at 09:00 and deletes Net75 at 11:00, all through the API.
    /// </summary>
    private static async Task<PsaBridgeApp> StartWithTrailAsync()
    {
        var clock = new Clock();
        var app = await PsaBridgeApp.StartAsync(a => a.WithServices(s => s.AddSingleton<TimeProvider>(clock)));
        try
        {
            var accountant = await app.CreateClientAsync(Roles.Finance);
            (await app.CreateClient().PostJsonAsync("/api/finance/payment-terms", new { code = "Net75", description = "Net 75 days", netDays = 75 })).StatusCode.ShouldBe(HttpStatusCode.Created);
            clock.Now = clock.Now.AddDays(1);
            (await accountant.PostJsonAsync("/api/finance/payment-terms", new { code = "Net90", description = "Net 90 days", netDays = 90 })).StatusCode.ShouldBe(HttpStatusCode.Created);
            clock.Now = clock.Now.AddHours(2);
            (await accountant.DeleteAsync("/api/finance/payment-terms/Net75")).IsSuccessStatusCode.ShouldBeTrue();
            return app;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    /// <summary>The page's rows as (user, action, record id); none when the page says it found none.</summary>
    private static async Task<List<(string User, string Action, string Record)>> RowsAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync("/audit?" + query);
        var html = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, html);
        var rows = Row().Matches(html).Select(m => (Cell(m, "user"), Cell(m, "action"), Cell(m, "record"))).ToList();
        if (rows.Count == 0) html.ShouldContain("No audit lines found.");
        return rows;
    }

    private static string Cell(Match row, string name) =>
        WebUtility.HtmlDecode(Regex.Match(row.Value, $"data-cell=\"{name}\">([^<]*)<").Groups[1].Value);

    [GeneratedRegex("<tr data-audit-id=.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex Row();
}
