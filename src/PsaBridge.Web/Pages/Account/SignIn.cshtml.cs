using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using PsaBridge.Finance.Identity;
using PsaBridge.Web.Pages.Shared;

namespace PsaBridge.Web.Pages.Access;

/// <summary>
/// Sign in with a local account (repeated wrong passwords lock the account for a while), or, when configured, through the
/// organisation's identity provider.
/// </summary>
[AllowAnonymous]
public sealed class SignInModel(SignInManager<IdentityUser> signIn, UserManager<IdentityUser> users, IConfiguration configuration) : AppPage
{
    /// <summary>The identity provider's name on its button, or null when single sign-on is off.</summary>
    public string? Provider { get; } = SingleSignOn.Settings(configuration) is { Enabled: true } sso ? sso.DisplayName : null;

    [BindProperty, Display(Name = "E-mail")] public string? Email { get; set; }
    [BindProperty, Display(Name = "Password"), DataType(DataType.Password)] public string? Password { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    /// <summary>Set by the single sign-on callback when the provider's answer did not sign the person in.</summary>
    [BindProperty(SupportsGet = true)] public string? Failed { get; set; }

    public void OnGet()
    {
        if (Failed == SingleSignOn.FailedNoRole)
            ModelState.AddModelError("", $"{Provider ?? "The identity provider"} signed you in, but gave you no group or app role that PsaBridge knows. Ask an administrator to give you one.");
        else if (Failed is not null)
            ModelState.AddModelError("", $"Signing in with {Provider ?? "the identity provider"} did not work: it was cancelled, took too long or was refused. Try again.");
    }

    /// <summary>Sends the browser to the identity provider, which sends it back signed in to where it was going.</summary>
    public IActionResult OnGetExternal() => Provider is null
        ? NotFound()
        : Challenge(new AuthenticationProperties { RedirectUri = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/" }, SingleSignOn.Scheme);

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Email)) ModelState.AddModelError(nameof(Email), "Enter your e-mail.");
        if (string.IsNullOrEmpty(Password)) ModelState.AddModelError(nameof(Password), "Enter your password.");
        if (ModelState.IsValid)
        {
            var result = await signIn.PasswordSignInAsync(Email!.Trim(), Password!, isPersistent: false, lockoutOnFailure: true);
            if (result.Succeeded)
            {
                var target = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/";
                var user = await users.FindByNameAsync(Email.Trim());
                var mustChange = user is not null && (await users.GetClaimsAsync(user)).Any(c => c.Type == UserAccounts.MustChangePasswordClaim);
                return LocalRedirect(mustChange ? $"{PasswordChangeRequired.Page}?returnUrl={Uri.EscapeDataString(target)}" : target);
            }
            ModelState.AddModelError("", result.IsLockedOut
                ? "This account is locked after repeated failed sign-ins. Try again in 15 minutes, or ask an administrator."
                : "The e-mail or the password is not right.");
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
