using System.Linq.Expressions;

namespace PsaBridge.Psa.Scheduling;

/// <summary>A row tagged with the index of the period its date falls in (-1: in none).</summary>
public sealed class InPeriod<T>
{
    public required T Row { get; init; }
    public int Period { get; init; }
}

/// <summary>
/// Tags rows with their period inside the query (a CASE over the periods' dates), so booked and actual hours are summed
/// by period in the database, on both engines, instead of every row being read to be summed here.
/// </summary>
public static class PeriodGrouping
{
    public static IQueryable<InPeriod<T>> WithPeriod<T>(this IQueryable<T> rows, Expression<Func<T, DateOnly>> date, IReadOnlyList<DateWindow> periods)
    {
        var row = date.Parameters[0];
        Expression index = Expression.Constant(-1);
        for (var i = periods.Count - 1; i >= 0; i--)
        {
            var inside = Expression.AndAlso(
                Expression.GreaterThanOrEqual(date.Body, Expression.Constant(periods[i].Start)),
                Expression.LessThanOrEqual(date.Body, Expression.Constant(periods[i].End)));
            index = Expression.Condition(inside, Expression.Constant(i), index);
        }
        var tagged = Expression.MemberInit(Expression.New(typeof(InPeriod<T>)),
            Expression.Bind(typeof(InPeriod<T>).GetProperty(nameof(InPeriod<T>.Row))!, row),
            Expression.Bind(typeof(InPeriod<T>).GetProperty(nameof(InPeriod<T>.Period))!, index));
        return rows.Select(Expression.Lambda<Func<T, InPeriod<T>>>(tagged, row));
    }
}
