using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using PsaBridge.Finance.Audit;
using PsaBridge.Finance.Identity;
using PsaBridge.Infrastructure.Validation;
using PsaBridge.Web.Pages.Shared;
using PsaBridge.Web.Pages.Shared.Grid;

namespace PsaBridge.Web.Pages.Access;

/// <summary>What a person fills in to make a token.</summary>
public sealed class TokenForm
{
    [Display(Name = "Name")] public string? Name { get; set; }
    [Display(Name = "Role")] public string? Role { get; set; }
    [Display(Name = "Valid for (days)")] public int? Days { get; set; } = 90;
}

/// <summary>
/// A person's own personal access tokens: make one (its secret is shown once, on the answer to the post), see them
/// (prefix, role, expiry, last use) and revoke one after confirming. Every role may do this for themselves.
/// </summary>
[Authorize(Policy = Policies.Read)]
public sealed class TokensModel(PersonalAccessTokens tokens, UserManager<IdentityUser> users, AuditTrail audit, TimeProvider clock) : AppPage
{
    [BindProperty] public TokenForm Form { get; set; } = new();
    [BindProperty] public Guid? TokenId { get; set; }
    [BindProperty] public bool Confirmed { get; set; }

    public IReadOnlyList<PersonalAccessToken> Tokens { get; private set; } = [];
    public IReadOnlyList<string> RolesHeld { get; private set; } = [];
    public DateTime Now { get; private set; }
    /// <summary>The token just made: its secret is on this answer only, never stored or redirected.</summary>
    public IssuedToken? Issued { get; private set; }
    public ConfirmView? Confirm { get; private set; }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    [HandlerPolicy(Policies.Read)]
    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        try
        {
            Issued = await tokens.CreateAsync(UserId, Form.Name, Form.Role, Form.Days, ct);
            await audit.RecordAsync(new AuditRecord("CreateToken", Entity, Issued.Token.Id.ToString(),
                $"{Issued.Token.Name}: {Issued.Token.Prefix}…, role {Issued.Token.Role}, until {Issued.Token.ExpiresAt:yyyy-MM-dd}"), ct);
            Response.Headers.CacheControl = "no-store";
            Form = new TokenForm();
            ModelState.Clear();
        }
        catch (ValidationFailedException e)
        {
            ModelState.AddFieldErrors(e.Errors, nameof(Form), typeof(TokenForm));
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        await LoadAsync(ct);
        return Page();
    }

    [HandlerPolicy(Policies.Read)]
    public async Task<IActionResult> OnPostRevokeAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var token = Tokens.FirstOrDefault(t => t.Id == TokenId) ?? throw new NotFoundException("Token", TokenId?.ToString() ?? "");
        if (!Confirmed)
        {
            Confirm = new ConfirmView($"Revoke the token '{token.Name}'?", $"Programs that send {token.Prefix}… are refused from now on. This cannot be undone.",
                "Revoke", "Revoke token", [], new Dictionary<string, string> { [nameof(TokenId)] = token.Id.ToString() });
            return Page();
        }
        await tokens.RevokeAsync(UserId, token.Id, ct);
        await audit.RecordAsync(new AuditRecord("RevokeToken", Entity, token.Id.ToString(), $"{token.Name}: {token.Prefix}…"), ct);
        Notify($"Token '{token.Name}' revoked.");
        return Redirect("/account/tokens");
    }

    private const string Entity = "PersonalAccessToken";

    public static string State(PersonalAccessToken token, DateTime now) =>
        token.RevokedAt is not null ? "Revoked" : token.ExpiresAt <= now ? "Expired" : "Active";

    private string UserId => users.GetUserId(User) ?? throw new InvalidOperationException("A signed-in user has an id.");

    private async Task LoadAsync(CancellationToken ct)
    {
        Now = clock.GetUtcNow().UtcDateTime;
        Tokens = await tokens.ListAsync(UserId, ct);
        RolesHeld = await users.FindByIdAsync(UserId) is { } user ? [.. await users.GetRolesAsync(user)] : [];
    }
}
