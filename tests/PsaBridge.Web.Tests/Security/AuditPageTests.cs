using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using PsaBridge.Testing;
using PsaBridge.Web.Security;

namespace PsaBridge.Web.Tests.Security;

/// <summary>The audit trail page (<c>/audit</c>) lists who changed which record when, filtered by user, record and period (issue 21).</summary>
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
        var clock = new Clock();
        await using var app = await PsaBridgeApp.StartAsync(a => a.WithServices(s => s.AddSingleton<TimeProvider>(clock)));
        var admin = await app.UserAsync(Roles.Administrator);
        var finance = await app.UserAsync(Roles.Finance);
        var administrator = app.CreateClient();
        var accountant = await app.CreateClientAsync(Roles.Finance);
        (await administrator.PostJsonAsync("/api/finance/payment-terms", new { code = "Net75", description = "Net 75 days", netDays = 75 })).StatusCode.ShouldBe(HttpStatusCode.Created);
        clock.Now = clock.Now.AddDays(1);
        (await accountant.PostJsonAsync("/api/finance/payment-terms", new { code = "Net90", description = "Net 90 days", netDays = 90 })).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await accountant.DeleteAsync("/api/finance/payment-terms/Net75")).IsSuccessStatusCode.ShouldBeTrue();

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
