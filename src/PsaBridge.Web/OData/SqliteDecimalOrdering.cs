using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PsaBridge.Web.OData;

/// <summary>
/// SQLite keeps decimals as text and EF refuses to order by them there, so a feed <c>$orderby</c> on a decimal (a column, or an
/// <c>$apply</c> total) orders by its value as a double instead: exact for the four-decimal amounts below 900 billion the model
/// holds (<see cref="PsaBridge.Infrastructure.Storage.TenThousandths"/>). The query is rewritten once, when EF compiles it.
/// </summary>
public sealed class SqliteDecimalOrdering : ExpressionVisitor, IQueryExpressionInterceptor
{
    public static readonly SqliteDecimalOrdering Instance = new();

    private static readonly HashSet<string> Orderings =
        [nameof(Queryable.OrderBy), nameof(Queryable.OrderByDescending), nameof(Queryable.ThenBy), nameof(Queryable.ThenByDescending)];

    public Expression QueryCompilationStarting(Expression queryExpression, QueryExpressionEventData eventData) => Visit(queryExpression);

    protected override Expression VisitMethodCall(MethodCallExpression node)
    {
        if (node.Method.DeclaringType != typeof(Queryable) || !Orderings.Contains(node.Method.Name)
            || node.Arguments is not [var source, UnaryExpression { Operand: LambdaExpression key }]
            || (key.ReturnType != typeof(decimal) && key.ReturnType != typeof(decimal?)))
            return base.VisitMethodCall(node);
        var asDouble = Expression.Lambda(Expression.Convert(key.Body, key.ReturnType == typeof(decimal) ? typeof(double) : typeof(double?)), key.Parameters);
        var method = node.Method.GetGenericMethodDefinition().MakeGenericMethod(node.Method.GetGenericArguments()[0], asDouble.ReturnType);
        return Expression.Call(method, Visit(source), Expression.Quote(asDouble));
    }
}
