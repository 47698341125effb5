using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using PsaBridge.Testing;
using PsaBridge.Web.Security;

namespace PsaBridge.Web.Tests.Security;

/// <summary>Every endpoint and page of the app, enumerated from its routing: each declares a policy and refuses an anonymous caller.</summary>
public sealed partial class EndpointAuthorizationTests
{
    /// <summary>The only routes anyone may reach: the health probe, the pages that sign a person in and out, and the error status page.</summary>
    private static readonly string[] Open = ["/health", "/account/sign-in", "/account/sign-out", "/account/access-denied", "/status/{code:int}"];

    [Fact]
    public async Task Every_endpoint_declares_one_of_the_policies_and_only_the_sign_in_pages_and_health_are_open()
    {
        await using var app = await PsaBridgeApp.StartAsync();
        var endpoints = Endpoints(app);
        endpoints.Count.ShouldBeGreaterThan(80); // the APIs' operations and the pages are all seen
        var problems = new List<string>();
        foreach (var endpoint in endpoints)
        {
            var route = Route(endpoint);
            if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            {
                if (!Open.Contains(route, StringComparer.OrdinalIgnoreCase)) problems.Add($"{route} allows anonymous callers");
                continue;
            }
            var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).Where(p => p is not null).ToList();
            if (policies.Count == 0 || policies.Any(p => !Policies.RolesOf.ContainsKey(p!)))
                problems.Add($"{route} ({endpoint.DisplayName}) declares no known policy: [{string.Join(", ", policies)}]");
        }
        problems.ShouldBeEmpty();
    }

    /// <summary>A page anyone may read changes nothing through a POST handler unless the handler names the policy of its change.</summary>
    [Fact]
    public void Every_page_post_handler_that_changes_data_on_a_read_page_declares_its_own_policy()
    {
        var unguarded = typeof(PsaBridge.Web.Pages.Shared.AppPage).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(PsaBridge.Web.Pages.Shared.AppPage))
                        && t.GetCustomAttributes(typeof(AuthorizeAttribute), true).Cast<AuthorizeAttribute>().Any(a => a.Policy == Policies.Read))
            .SelectMany(t => t.GetMethods().Where(m => m.DeclaringType == t && m.Name.StartsWith("OnPost", StringComparison.Ordinal)
                                                        && !m.Name.StartsWith("OnPostExport", StringComparison.Ordinal)
                                                        && m.GetCustomAttributes(typeof(HandlerPolicyAttribute), true).Length == 0)
                .Select(m => $"{t.Name}.{m.Name}"))
            .ToList();
        unguarded.ShouldBeEmpty();
    }

    [Fact]
    public async Task Every_endpoint_refuses_an_anonymous_caller()
    {
        await using var app = await PsaBridgeApp.StartAsync();
        var client = app.CreateAnonymousClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var answered = new List<string>();
        var calls = 0;
        foreach (var endpoint in Endpoints(app))
        {
            var route = Route(endpoint);
            if (Open.Contains(route, StringComparer.OrdinalIgnoreCase)) continue;
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET", "POST"];
            foreach (var method in methods)
            {
                foreach (var accept in new[] { "application/json", "text/html" })
                {
                    using var request = new HttpRequestMessage(new HttpMethod(method), Sample(route));
                    request.Headers.Accept.ParseAdd(accept);
                    if (method is "POST" or "PUT" or "PATCH") request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
                    using var response = await client.SendAsync(request);
                    calls++;
                    var refused = response.StatusCode == HttpStatusCode.Unauthorized
                                  || (response.StatusCode == HttpStatusCode.Redirect && accept == "text/html"
                                      && response.Headers.Location?.OriginalString.Contains("/account/sign-in", StringComparison.Ordinal) == true);
                    if (!refused) answered.Add($"{method} {Sample(route)} ({accept}) answered {(int)response.StatusCode}");
                }
            }
        }
        calls.ShouldBeGreaterThan(160);
        answered.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_open_routes_answer_an_anonymous_caller()
    {
        await using var app = await PsaBridgeApp.StartAsync();
        var client = app.CreateAnonymousClient();
        (await client.GetAsync("/health")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var signIn = await client.GetAsync("/account/sign-in");
        signIn.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await signIn.Content.ReadAsStringAsync()).ShouldContain("Sign in");
    }

    private static List<RouteEndpoint> Endpoints(PsaBridgeApp app) =>
        app.Service<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();

    private static string Route(RouteEndpoint endpoint) => "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');

    /// <summary>The route with a value in each parameter: a GUID where the route wants one, else a word.</summary>
    private static string Sample(string route) =>
        Parameter().Replace(route, m => m.Groups["constraint"].Value.Contains("guid") ? Guid.NewGuid().ToString() : m.Groups["name"].Value == "documentName" ? "v1" : "x");

    [GeneratedRegex(@"\{\*{0,2}(?<name>[^}:=?]+)(?<constraint>:[^}=?]*)?[^}]*\}")]
    private static partial Regex Parameter();
}
