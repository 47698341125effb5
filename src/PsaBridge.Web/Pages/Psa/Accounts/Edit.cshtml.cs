using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using PsaBridge.Finance.Customers;
using PsaBridge.Finance.IntegrationLog;
using PsaBridge.Finance.PaymentTerms;
using PsaBridge.Infrastructure.Paging;
using PsaBridge.Infrastructure.Validation;
using PsaBridge.Integration.CustomerSync;
using PsaBridge.Integration.Log;
using PsaBridge.Psa.Accounts;
using PsaBridge.Web.Infrastructure;
using PsaBridge.Web.Pages.Shared;

namespace PsaBridge.Web.Pages.Psa.Accounts;

/// <summary>
/// Edits a PSA account where an error arose: the page shows what the last runs said about it, and
/// saving takes a new version number, so the next run reads the account again; or the account is synchronized now, alone.
/// </summary>
[Authorize(Policy = Policies.Read)]
public sealed class EditModel(AccountService accounts, IntegrationLogQueries log, CustomerQueries customers, PaymentTermService terms,
    InteractiveRuns runs) : AppPage
{
    public const int RecentLines = 5;

    [FromRoute] public Guid Id { get; set; }
    [BindProperty] public AccountForm Input { get; set; } = new();

    public Account Account { get; private set; } = null!;
    public Customer? Customer { get; private set; }
    public Page<(LogHeaderView Header, LogLineView Line)> Lines { get; private set; } = new([], 0, 1, RecentLines);
    public IReadOnlyList<PaymentTerm> PaymentTerms { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Input = AccountForm.From(Account);
    }

    [HandlerPolicy(Policies.OperateIntegration)]
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var input = Input.ToInput();
        if (ModelState.IsValid)
        {
            try
            {
                // The form holds every field, so the patch sets them all (an empty field clears its value).
                var patch = JsonSerializer.SerializeToNode(input, AccountService.Json)!.AsObject();
                var before = (await accounts.GetAsync(Id, ct)).VersionNumber;
                var saved = await accounts.PatchAsync(Id, patch, ct);
                Notify(saved.VersionNumber == before
                    ? "Nothing changed."
                    : $"Account '{saved.Name}' saved. The next run of the sync reads it again.");
                return Redirect(Links.PsaAccount(Id));
            }
            catch (ValidationFailedException e)
            {
                ModelState.AddFieldErrors(e.Errors, nameof(Input), typeof(AccountForm));
            }
        }
        else ModelState.AddFieldErrors(input.Validate().Errors, nameof(Input), typeof(AccountForm));
        await LoadAsync(ct);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    [HandlerPolicy(Policies.OperateIntegration)]
    public Task<IActionResult> OnPostDeactivateAsync(CancellationToken ct) => SetStateAsync(AccountState.Inactive, ct);

    [HandlerPolicy(Policies.OperateIntegration)]
    public Task<IActionResult> OnPostActivateAsync(CancellationToken ct) => SetStateAsync(AccountState.Active, ct);

    [HandlerPolicy(Policies.OperateIntegration)]
    public async Task<IActionResult> OnPostSynchronizeAsync(CancellationToken ct)
    {
        var account = await accounts.GetAsync(Id, ct);
        try
        {
            var run = await runs.RunAsync(new SyncRequest(Account: Id), ct);
            Notify(SynchronizedText(account.Name, run));
            return Redirect(Links.PsaAccount(Id));
        }
        catch (ConflictException e)
        {
            ModelState.AddModelError("", e.Message);
        }
        await LoadAsync(ct);
        Input = AccountForm.From(Account);
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }

    /// <summary>What a one-account run did, in one sentence.</summary>
    public static string SynchronizedText(string name, LogHeaderView run) => run.Counts switch
    {
        { Failed: > 0 } => $"Account '{name}' was synchronized now and failed again: see the latest line below.",
        { Created: > 0 } => $"Account '{name}' was synchronized now: its finance customer was created.",
        { Updated: > 0 } => $"Account '{name}' was synchronized now: its finance customer was updated.",
        { Unchanged: > 0 } => $"Account '{name}' was synchronized now: its finance customer was already up to date.",
        _ => run.Status == IntegrationStatus.Error
            ? $"The run for account '{name}' stopped: {run.Message}"
            : $"Account '{name}' was not synchronized: the sync takes active accounts only.",
    };

    private async Task<IActionResult> SetStateAsync(AccountState state, CancellationToken ct)
    {
        var account = await accounts.SetStateAsync(Id, state, ct);
        Notify($"Account '{account.Name}' is {(state == AccountState.Active ? "active" : "inactive")}.");
        return Redirect(Links.PsaAccount(Id));
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Account = await accounts.GetAsync(Id, ct);
        Customer = (await customers.ListAsync(new CustomerFilter(PsaAccountId: Id), PageRequest.Of(1, 1), ct)).Items.FirstOrDefault();
        Lines = await log.LinesForAsync(Id, PageRequest.Of(1, RecentLines), ct);
        PaymentTerms = (await terms.ListAsync(PageRequest.Of(1, PageRequest.MaxPageSize), ct)).Items;
    }
}
