using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PsaBridge.Web.OData;

/// <summary>
/// The OData library groups $apply rows by an object that holds each grouped property's name beside its value; SQL then
/// groups by those constant names too, and no index can serve the grouping. When EF compiles such a query, the key keeps only
/// the values and the names are put back where the groups are selected, so the database groups along an index.
/// </summary>
public sealed class GroupingKeyValues : ExpressionVisitor, IQueryExpressionInterceptor
{
    public static readonly GroupingKeyValues Instance = new();

    public Expression QueryCompilationStarting(Expression queryExpression, QueryExpressionEventData eventData) => Visit(queryExpression);

    protected override Expression VisitMethodCall(MethodCallExpression node)
    {
        // source.GroupBy(row => new GroupByWrapper { ... }).Select(group => ... group.Key ...)
        if (node.Method.DeclaringType != typeof(Queryable) || node.Method.Name != nameof(Queryable.Select)
            || node.Arguments is not [MethodCallExpression { Method.Name: nameof(Queryable.GroupBy), Arguments: [var source, UnaryExpression { Operand: LambdaExpression key }] } groupBy,
                UnaryExpression { Operand: LambdaExpression select }]
            || groupBy.Method.DeclaringType != typeof(Queryable) || key.Body is not MemberInitExpression named || !HasConstants(named))
            return base.VisitMethodCall(node);

        var newKey = Expression.Lambda(WithoutConstants(named), key.Parameters);
        var grouped = Expression.Call(groupBy.Method, Visit(source), Expression.Quote(newKey));
        var group = select.Parameters.Single();
        var keyOf = Expression.Property(group, nameof(IGrouping<object, object>.Key));
        var body = new Replacer(keyOf, FromKey(named, keyOf)).Visit(select.Body);
        return Expression.Call(node.Method, grouped, Expression.Quote(Expression.Lambda(body, group)));
    }

    private static bool HasConstants(MemberInitExpression init) => init.Bindings.OfType<MemberAssignment>()
        .Any(b => b.Expression is ConstantExpression || b.Expression is MemberInitExpression nested && HasConstants(nested));

    /// <summary>The key's object without its constant members, nested objects alike.</summary>
    private static MemberInitExpression WithoutConstants(MemberInitExpression init) => init.Update(init.NewExpression, init.Bindings
        .OfType<MemberAssignment>()
        .Where(b => b.Expression is not ConstantExpression)
        .Select(b => b.Update(b.Expression is MemberInitExpression nested ? WithoutConstants(nested) : b.Expression)));

    /// <summary>The key's object as the library built it: its constants as they were, its values read from the group's key.</summary>
    private static MemberInitExpression FromKey(MemberInitExpression named, Expression key) => named.Update(named.NewExpression, named.Bindings
        .OfType<MemberAssignment>()
        .Select(b => b.Update(b.Expression switch
        {
            ConstantExpression constant => constant,
            MemberInitExpression nested => FromKey(nested, Read(key, b.Member)),
            _ => Read(key, b.Member),
        })));

    /// <summary>A member of the key's object; one of a subclass (the library's nested containers) through a cast.</summary>
    private static MemberExpression Read(Expression owner, MemberInfo member) =>
        Expression.MakeMemberAccess(member.DeclaringType!.IsAssignableFrom(owner.Type) ? owner : Expression.Convert(owner, member.DeclaringType), member);

    private sealed class Replacer(MemberExpression key, Expression rebuilt) : ExpressionVisitor
    {
        protected override Expression VisitMember(MemberExpression node) =>
            node.Member == key.Member && node.Expression == key.Expression ? rebuilt : base.VisitMember(node);
    }
}
