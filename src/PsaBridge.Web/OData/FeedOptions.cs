using System.ComponentModel.DataAnnotations;

namespace PsaBridge.Web.OData;

/// <summary>Settings of the OData feed (<c>PsaBridge:OData</c>).</summary>
public sealed class FeedOptions
{
    public const string Section = "PsaBridge:OData";

    /// <summary>Rows a page before <c>@odata.nextLink</c>; Dataverse's own limit is 5,000.</summary>
    [Range(1, 50_000)]
    public int PageSize { get; set; } = 5_000;
}
