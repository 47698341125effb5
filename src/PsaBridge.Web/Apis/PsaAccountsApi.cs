using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using PsaBridge.Infrastructure.Paging;
using PsaBridge.Infrastructure.Validation;
using PsaBridge.Psa.Accounts;
using PsaBridge.Web.Infrastructure;
using PsaBridge.Web.Infrastructure.Auditing;

namespace PsaBridge.Web.Apis;

/// <summary>PSA accounts (Dataverse's <c>account</c>): the source records of the customer sync.</summary>
public static class PsaAccountsApi
{
    public static RouteGroupBuilder MapPsaAccountsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/psa/accounts").WithTags("PSA accounts").WithDocumentedErrors().RequireAuthorization(Policies.Read).Audited();
        var operate = api.MapGroup("").RequireAuthorization(Policies.OperateIntegration);

        api.MapGet("/", ListAccounts).WithName("ListPsaAccounts").WithSummary("PSA accounts, by name; filtered by a search text and state");
        api.MapGet("/{id:guid}", GetAccount).WithName("GetPsaAccount").WithSummary("One PSA account");
        operate.MapPost("/", CreateAccount).WithName("CreatePsaAccount").WithSummary("Add a PSA account; the next customer sync brings it into finance");
        operate.MapPatch("/{id:guid}", PatchAccount).WithName("PatchPsaAccount")
            .WithSummary("Change some fields of a PSA account (a JSON merge patch); its version number grows");
        operate.MapPost("/{id:guid}/deactivate", (AccountService s, Guid id, CancellationToken ct) => SetState(s, id, AccountState.Inactive, ct))
            .WithName("DeactivatePsaAccount").WithSummary("Deactivate a PSA account");
        operate.MapPost("/{id:guid}/activate", (AccountService s, Guid id, CancellationToken ct) => SetState(s, id, AccountState.Active, ct))
            .WithName("ActivatePsaAccount").WithSummary("Activate a PSA account again");
        operate.MapPost("/import", ImportAccounts).Accepts<string>("text/csv").WithName("ImportPsaAccounts")
            .WithSummary("Import PSA accounts from CSV; each bad row fails alone and is reported with its line");
        return api;
    }

    public static async Task<Ok<ListResponse<Account>>> ListAccounts(AccountService s, string? search, string? state, int? page, int? pageSize,
        CancellationToken ct)
    {
        AccountState? filter = state is null ? null
            : Enum.TryParse<AccountState>(state, ignoreCase: true, out var parsed) ? parsed
            : throw new ValidationFailedException("state", $"State '{state}' is not Active or Inactive.");
        return TypedResults.Ok(ListResponse<Account>.From(await s.ListAsync(new AccountFilter(search, filter), PageRequest.Of(page, pageSize), ct)));
    }

    public static async Task<Ok<Account>> GetAccount(AccountService s, Guid id, CancellationToken ct) => TypedResults.Ok(await s.GetAsync(id, ct));

    public static async Task<Created<Account>> CreateAccount(AccountService s, AccountInput input, CancellationToken ct)
    {
        var account = await s.CreateAsync(input, ct: ct);
        return TypedResults.Created($"/api/psa/accounts/{account.Id}", account);
    }

    public static async Task<Ok<Account>> PatchAccount(AccountService s, Guid id, JsonObject patch, CancellationToken ct) =>
        TypedResults.Ok(await s.PatchAsync(id, patch, ct));

    private static async Task<Ok<Account>> SetState(AccountService s, Guid id, AccountState state, CancellationToken ct) =>
        TypedResults.Ok(await s.SetStateAsync(id, state, ct));

    public static async Task<Ok<ImportReport>> ImportAccounts(ImportAccounts import, HttpRequest request, CancellationToken ct)
    {
        using var reader = new StreamReader(request.Body);
        return TypedResults.Ok(await import.RunAsync(reader, ct: ct));
    }
}
