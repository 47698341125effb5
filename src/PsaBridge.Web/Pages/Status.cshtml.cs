using Microsoft.AspNetCore.Diagnostics;
using PsaBridge.Web.Pages.Shared;

namespace PsaBridge.Web.Pages;

/// <summary>The page a browser sees for an error status that has no page of its own, e.g. an address that does not exist.</summary>
[AllowAnonymous]
public sealed class StatusModel : AppPage
{
    public int Code { get; private set; }
    public string Title { get; private set; } = "";
    public string Explanation { get; private set; } = "";

    public void OnGet(int code)
    {
        Code = code;
        var asked = HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath;
        (Title, Explanation) = code switch
        {
            404 => ("Page not found", $"There is no page at {asked ?? "this address"}. Check the address, or start again from the menu."),
            405 => ("Not allowed", "This page cannot be used that way."),
            _ when code >= 500 => ("Something went wrong", "The request failed; the server log has the details."),
            _ => ($"Error {code}", "The request could not be answered."),
        };
        // The original status stays (a 404 is still a 404); asked for directly, the page answers its code too.
        Response.StatusCode = code is >= 400 and <= 599 ? code : StatusCodes.Status404NotFound;
    }
}
