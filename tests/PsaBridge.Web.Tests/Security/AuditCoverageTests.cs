using System.Net;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.EntityFrameworkCore;
using PsaBridge.Testing;
using PsaBridge.Web.Infrastructure.Auditing;

namespace PsaBridge.Web.Tests.Security;

/// <summary>Every API endpoint that changes data is audited, and the trail names records in the users' words.</summary>
public sealed class AuditCoverageTests
{
    [Fact]
    public async Task Every_api_endpoint_that_changes_data_carries_the_audit_filter()
    {
        await using var app = await PsaBridgeApp.StartAsync();
        var changing = app.Service<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is null) // pages: the global page filter records every form post
            .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Any(m => m is "POST" or "PUT" or "PATCH" or "DELETE") == true)
            .ToList();
        changing.Count.ShouldBeGreaterThan(60);
        changing.Where(e => e.Metadata.GetMetadata<AuditedMetadata>() is null).Select(e => e.DisplayName).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("time-entries", "TimeEntry")]
    [InlineData("payment-terms", "PaymentTerm")]
    [InlineData("opportunities", "Opportunity")]
    [InlineData("number-sequences", "NumberSequence")]
    [InlineData("addresses", "Address")]
    [InlineData("log", "Log")]
    public void A_route_segment_names_its_kind_of_record_in_the_singular(string segment, string entity) =>
        AuditNames.Entity(segment).ShouldBe(entity);

    [Theory]
    [InlineData("/api/psa/invoices/{id:guid}/confirm", "Invoice", "id")]
    [InlineData("/api/psa/quotes/{id:guid}/lines/{lineId:guid}", "Quote", "id")]
    [InlineData("/api/finance/payment-terms/{code}", "PaymentTerm", "code")]
    [InlineData("/api/psa/actuals/ready-to-invoice", "Actual", null)]
    [InlineData("/api/finance/payment-terms", "PaymentTerm", null)]
    public void A_route_names_the_record_it_acts_on_and_the_parameter_that_holds_its_id(string route, string entity, string? parameter) =>
        AuditNames.Record(RoutePatternFactory.Parse(route)).ShouldBe((entity, parameter));

    [Fact]
    public async Task A_record_made_on_a_create_page_is_named_by_its_new_id_in_the_trail()
    {
        await using var app = await PsaBridgeApp.StartAsync();
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var token = await SignInForm.AntiforgeryTokenAsync(client, "/psa/accounts/new");

        var created = await client.PostAsync("/psa/accounts/new", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Name"] = "Audited Coffee", ["Input.Address1.Country"] = "US", ["__RequestVerificationToken"] = token,
        }));

        created.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await using var psa = app.Databases.OpenPsa();
        var id = (await psa.Accounts.AsNoTracking().SingleAsync(a => a.Name == "Audited Coffee")).Id;
        created.Headers.Location!.ToString().ShouldEndWith(id.ToString());
        await using var finance = app.Databases.OpenFinance();
        var line = await finance.AuditEntries.AsNoTracking().SingleAsync(e => e.Action == "/Psa/Accounts/New");
        (line.Entity, line.RecordId).ShouldBe(("Account", id.ToString()));
    }
}
