using Microsoft.EntityFrameworkCore;
using PsaBridge.Infrastructure.Validation;

namespace PsaBridge.Infrastructure.Paging;

/// <summary>One page of a list, as every list endpoint answers: <c>{ "items": [...], "total": N }</c>.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int Total, int PageNumber, int PageSize)
{
    public int PageCount => PageSize == 0 ? 0 : (Total + PageSize - 1) / PageSize;
    public bool HasNext => PageNumber < PageCount;
    public bool HasPrevious => PageNumber > 1;

    public Page<TOut> Map<TOut>(Func<T, TOut> map) => new(Items.Select(map).ToList(), Total, PageNumber, PageSize);
}

/// <summary>Page number from 1 to <see cref="MaxPageNumber"/>, page size from 1 to <see cref="MaxPageSize"/>.</summary>
public readonly record struct PageRequest(int PageNumber = 1, int PageSize = PageRequest.DefaultPageSize)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;
    /// <summary>Far past any real list, yet small enough that the rows skipped always fit in an int.</summary>
    public const int MaxPageNumber = 1_000_000;

    /// <summary>The request as a caller wrote it; a page number past <see cref="MaxPageNumber"/> is refused, naming <c>page</c>.</summary>
    public static PageRequest Of(int? page, int? pageSize) =>
        page > MaxPageNumber
            ? throw new ValidationFailedException("page", $"The page number must be from 1 to {MaxPageNumber}.")
            : new(Math.Max(1, page ?? 1), Math.Clamp(pageSize ?? DefaultPageSize, 1, MaxPageSize));

    /// <summary>Rows before the page; computed wide so that no page number overflows into a negative offset.</summary>
    public int Skip => (int)Math.Clamp(((long)Math.Max(1, PageNumber) - 1) * Math.Max(0, PageSize), 0, int.MaxValue);
}

public static class PagingExtensions
{
    /// <summary>The one way lists are paged: count, then the ordered slice.</summary>
    public static async Task<Page<T>> ToPageAsync<T>(this IQueryable<T> ordered, PageRequest request, CancellationToken ct = default)
    {
        var total = await ordered.CountAsync(ct);
        var items = await ordered.Skip(request.Skip).Take(request.PageSize).ToListAsync(ct);
        return new Page<T>(items, total, request.PageNumber, request.PageSize);
    }
}
