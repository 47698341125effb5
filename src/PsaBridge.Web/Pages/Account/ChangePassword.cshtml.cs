using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using PsaBridge.Finance.Audit;
using PsaBridge.Finance.Identity;
using PsaBridge.Infrastructure.Validation;
using PsaBridge.Web.Pages.Shared;

namespace PsaBridge.Web.Pages.Access;

/// <summary>What a person fills in to change their password.</summary>
public sealed class PasswordForm
{
    [Display(Name = "Current password"), DataType(DataType.Password)] public string? CurrentPassword { get; set; }
    [Display(Name = "New password"), DataType(DataType.Password)] public string? NewPassword { get; set; }
    [Display(Name = "New password again"), DataType(DataType.Password)] public string? ConfirmPassword { get; set; }
}

/// <summary>
/// A person changes their own password; one who signed in with a one-time password is sent here first and may do nothing
/// else until they have. People signed in by the identity provider have no password here.
/// </summary>
[Authorize(Policy = Policies.Read)]
public sealed class ChangePasswordModel(UserAccounts accounts, UserManager<IdentityUser> users, SignInManager<IdentityUser> signIn, AuditTrail audit) : AppPage
{
    [BindProperty] public PasswordForm Form { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public bool Required => PasswordChangeRequired.Applies(User);
    public bool LocalAccount => users.GetUserId(User) is not null && !User.HasClaim(System.Security.Claims.ClaimTypes.AuthenticationMethod, SingleSignOn.OidcMethod);

    public void OnGet() { }

    [HandlerPolicy(Policies.Read)]
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!LocalAccount) return BadRequest();
        try
        {
            if (Form.NewPassword != Form.ConfirmPassword)
                throw new ValidationFailedException("confirmPassword", "The two new passwords differ.");
            var userId = users.GetUserId(User)!;
            await accounts.ChangePasswordAsync(userId, Form.CurrentPassword, Form.NewPassword, ct);
            // The new cookie carries the new security stamp and no longer holds the person to the change.
            await signIn.RefreshSignInAsync((await users.FindByIdAsync(userId))!);
            await audit.RecordAsync(new AuditRecord("ChangePassword", "User", userId, User.Identity?.Name), ct);
            Notify("Your password is changed.");
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        }
        catch (ValidationFailedException e)
        {
            ModelState.AddFieldErrors(e.Errors, nameof(Form), typeof(PasswordForm));
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
