using PsaBridge.Infrastructure.Paging;

namespace PsaBridge.Web.Pages.Shared;

/// <summary>What the pager under every list shows: where this page is in the list, and the links around it.</summary>
public sealed record PagerModel(int PageNumber, int PageCount, int Total, int PageSize, string Noun)
{
    public static PagerModel Of<T>(Page<T> page, string noun) => new(page.PageNumber, page.PageCount, page.Total, page.PageSize, noun);

    public int First => Total == 0 ? 0 : (PageNumber - 1) * PageSize + 1;
    public int Last => Math.Min(Total, PageNumber * PageSize);
}
