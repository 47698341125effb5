using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata;

namespace PsaBridge.Infrastructure.Storage.Sqlite;

/// <summary>
/// On SQLite, which keeps decimals as text that EF sums in managed code row by row, a grouped sum of a column of at most four
/// decimals is taken natively as whole ten-thousandths (<see cref="TenThousandths"/>); only each group's total is turned back
/// into a decimal. Invariant: only a sum whose column's scale is 0-4 is rewritten, once, when EF compiles the query.
/// </summary>
internal sealed class SqliteDecimalSums : IQueryExpressionInterceptor
{
    public static readonly SqliteDecimalSums Instance = new();

    public Expression QueryCompilationStarting(Expression queryExpression, QueryExpressionEventData eventData) =>
        eventData.Context is { } db ? new Rewriter(db.Model).Visit(queryExpression) : queryExpression;

    private sealed class Rewriter(IModel model) : ExpressionVisitor
    {
        private static readonly MethodInfo SumOfLongs = typeof(Enumerable).GetMethods()
            .Single(m => m.Name == nameof(Enumerable.Sum) && m.IsGenericMethodDefinition && m.GetParameters() is [_, var selector]
                         && selector.ParameterType.GetGenericArguments()[1] == typeof(long));

        private static readonly MethodInfo Round = typeof(Math).GetMethod(nameof(Math.Round), [typeof(double)])!;

        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            if (node.Method.DeclaringType != typeof(Enumerable) || node.Method.Name != nameof(Enumerable.Sum) || node.Type != typeof(decimal)
                || node.Arguments is not [var source, LambdaExpression { Parameters: [var row] } selector] || !InTenThousandths(selector.Body))
                return base.VisitMethodCall(node);
            var units = Expression.Convert(
                Expression.Call(Round, Expression.Multiply(Expression.Convert(selector.Body, typeof(double)), Expression.Constant(TenThousandths.PerOne))),
                typeof(long));
            var sum = Expression.Call(SumOfLongs.MakeGenericMethod(row.Type), Visit(source), Expression.Lambda(units, row));
            return Expression.Divide(Expression.Convert(sum, typeof(decimal)), Expression.Constant((decimal)TenThousandths.PerOne));
        }

        /// <summary>Whether the summed value is a mapped column whose scale keeps it to whole ten-thousandths.</summary>
        private bool InTenThousandths(Expression body)
        {
            while (body is UnaryExpression { NodeType: ExpressionType.Convert } convert) body = convert.Operand;
            return body is MemberExpression { Expression: { } owner } member
                   && model.FindEntityType(owner.Type)?.FindProperty(member.Member.Name)?.GetScale() is >= 0 and <= 4;
        }
    }
}
