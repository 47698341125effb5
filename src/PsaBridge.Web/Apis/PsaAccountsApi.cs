using System.Text.Json.Nodes;
using PsaBridge.Infrastructure.Paging;
using PsaBridge.Infrastructure.Validation;
using PsaBridge.Psa.Accounts;
using PsaBridge.Web.Infrastructure;
using PsaBridge.Web.Infrastructure.Auditing;

namespace PsaBridge.Web.Apis;

public static class PsaAccountsApi
{
    public static RouteGroupBuilder MapPsaAccountsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/psa/accounts").WithTags("PSA accounts").RequireAuthorization(Policies.Read).Audited();
        var operate = api.MapGroup("").RequireAuthorization(Policies.OperateIntegration);

        api.MapGet("/", async (AccountService s, string? search, string? state, int? page, int? pageSize, CancellationToken ct) =>
        {
            AccountState? filter = state is null ? null
                : Enum.TryParse<AccountState>(state, ignoreCase: true, out var parsed) ? parsed
                : throw new ValidationFailedException("state", $"State '{state}' is not Active or Inactive.");
            return ListResponse<Account>.From(await s.ListAsync(new AccountFilter(search, filter), PageRequest.Of(page, pageSize), ct));
        });
        api.MapGet("/{id:guid}", (AccountService s, Guid id, CancellationToken ct) => s.GetAsync(id, ct));
        operate.MapPost("/", async (AccountService s, AccountInput input, CancellationToken ct) =>
        {
            var account = await s.CreateAsync(input, ct: ct);
            return TypedResults.Created($"/api/psa/accounts/{account.Id}", account);
        });
        operate.MapPatch("/{id:guid}", (AccountService s, Guid id, JsonObject patch, CancellationToken ct) => s.PatchAsync(id, patch, ct));
        operate.MapPost("/{id:guid}/deactivate", (AccountService s, Guid id, CancellationToken ct) => s.SetStateAsync(id, AccountState.Inactive, ct));
        operate.MapPost("/{id:guid}/activate", (AccountService s, Guid id, CancellationToken ct) => s.SetStateAsync(id, AccountState.Active, ct));
        operate.MapPost("/import", async (ImportAccounts import, HttpRequest request, CancellationToken ct) =>
        {
            using var reader = new StreamReader(request.Body);
            return await import.RunAsync(reader, ct: ct);
        }).Accepts<string>("text/csv");
        return api;
    }
}
