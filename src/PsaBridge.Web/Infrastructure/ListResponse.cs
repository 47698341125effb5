using PsaBridge.Infrastructure.Paging;

namespace PsaBridge.Web.Infrastructure;

/// <summary>How every list answers: <c>{ "items": [...], "total": N, "page": 1, "pageSize": 50 }</c>.</summary>
public sealed record ListResponse<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize)
{
    public static ListResponse<T> From(Page<T> page) => new(page.Items, page.Total, page.PageNumber, page.PageSize);
}

public static class ListResponse
{
    public static ListResponse<TOut> From<TIn, TOut>(Page<TIn> page, Func<TIn, TOut> map) => ListResponse<TOut>.From(page.Map(map));
}
