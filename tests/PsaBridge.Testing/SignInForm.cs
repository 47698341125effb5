using System.Net;
using System.Text.RegularExpressions;

namespace PsaBridge.Testing;

/// <summary>Signs in through the sign-in page's form, as a browser does: the page's antiforgery token, then the post.</summary>
public static partial class SignInForm
{
    /// <summary>Posts the form; the client keeps the cookie. Answers the form's response (302 to the home page when signed in).</summary>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string email, string password)
    {
        var token = await AntiforgeryTokenAsync(client, "/account/sign-in");
        return await client.PostAsync("/account/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email, ["Password"] = password, ["__RequestVerificationToken"] = token,
        }));
    }

    /// <summary>The antiforgery token a page's form carries (the client gets its cookie with it).</summary>
    public static async Task<string> AntiforgeryTokenAsync(HttpClient client, string page)
    {
        var html = await client.GetStringAsync(page);
        return WebUtility.HtmlDecode(Token().Match(html) is { Success: true } m ? m.Groups[1].Value
            : throw new InvalidOperationException($"{page} has no antiforgery token."));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
