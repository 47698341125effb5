using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using PsaBridge.Web.Pages.Shared;

namespace PsaBridge.Web.Pages.Access;

/// <summary>Signing out is a POST (from the top bar's button), so another site cannot sign a person out with a link.</summary>
[AllowAnonymous]
public sealed class SignOutModel(SignInManager<IdentityUser> signIn) : AppPage
{
    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? Page() : Redirect("/account/sign-in");

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return Redirect("/account/sign-in");
    }
}
