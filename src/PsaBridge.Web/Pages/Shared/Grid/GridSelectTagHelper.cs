using Microsoft.AspNetCore.Razor.TagHelpers;

namespace PsaBridge.Web.Pages.Shared.Grid;

/// <summary>
/// <c>&lt;grid-select key="@row.Id" label="@row.Name" /&gt;</c>: the first cell of a selectable row, a checkbox that
/// belongs to the grid's selection form (<c>Grid/_Selection</c>) wherever that form is on the page.
/// </summary>
[HtmlTargetElement("grid-select", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GridSelectTagHelper : TagHelper
{
    public const string FormId = "grid-selection";

    public string Key { get; set; } = "";
    public string Label { get; set; } = "";

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = "td";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "grid-select");
        var input = new Microsoft.AspNetCore.Mvc.Rendering.TagBuilder("input") { TagRenderMode = Microsoft.AspNetCore.Mvc.Rendering.TagRenderMode.SelfClosing };
        input.Attributes["type"] = "checkbox";
        input.Attributes["name"] = GridQuery.SelectedKey;
        input.Attributes["value"] = Key;
        input.Attributes["form"] = FormId;
        input.Attributes["aria-label"] = $"Select {Label}";
        input.Attributes["data-select-row"] = "";
        output.Content.SetHtmlContent(input);
    }
}

/// <summary>An action on the selected rows: its page handler, its button's words, and whether it asks for confirmation first.</summary>
public sealed record GridAction(string Handler, string Label, bool Destructive = false);

/// <summary>The selection form's model: the grid, and the actions the page offers on its selected rows.</summary>
public sealed record GridSelection(GridView View, IReadOnlyList<GridAction> Actions);

/// <summary>A destructive action waiting for its confirmation: the question, and what to post again to do it.</summary>
public sealed record ConfirmView(string Question, string Detail, string Handler, string Button, IReadOnlyList<string> Selected,
    IReadOnlyDictionary<string, string>? Fields = null);
