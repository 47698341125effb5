using System.Globalization;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace PsaBridge.Web.Pages.Shared;

/// <summary>
/// <c>&lt;local-time utc="@value" /&gt;</c>: a stored UTC time as <c>&lt;time&gt;</c>, written in UTC (what a page without
/// script shows); js/local-time.js rewrites it in the browser's time zone and keeps the UTC time on hover (title).
/// <c>date-only</c> shows the day alone, not converted (a date has no time zone).
/// </summary>
[HtmlTargetElement("local-time", TagStructure = TagStructure.WithoutEndTag)]
public sealed class LocalTimeTagHelper : TagHelper
{
    public DateTime? Utc { get; set; }
    public bool DateOnly { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagMode = TagMode.StartTagAndEndTag;
        if (Utc is not { } value)
        {
            output.TagName = "span";
            output.Content.SetContent("—");
            return;
        }
        output.TagName = "time";
        var utc = DateTime.SpecifyKind(value, DateTimeKind.Utc);
        if (DateOnly)
        {
            output.Attributes.SetAttribute("datetime", utc.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            output.Content.SetContent(utc.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            return;
        }
        var text = Ui.When(utc) + " UTC";
        output.Attributes.SetAttribute("datetime", Ui.Iso(utc));
        output.Attributes.SetAttribute("title", text);
        output.Attributes.SetAttribute("data-local", null);
        output.Content.SetContent(text);
    }
}
