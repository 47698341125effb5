using Microsoft.AspNetCore.OData.Query.Expressions;
using Microsoft.OData.UriParser;
using Microsoft.OData.UriParser.Aggregation;

namespace PsaBridge.Web.OData;

/// <summary>
/// The library's $apply binder, except that an aggregate over the row's own properties is not first copied into a
/// flattening wrapper: the sum then reads the column itself, which the storage layer can then total natively on SQLite
/// (<see cref="PsaBridge.Infrastructure.Storage.DatabaseLocation.ConfigureForReports"/>). Aggregates
/// that reach through a navigation property keep the library's flattening.
/// </summary>
public sealed class FeedAggregationBinder : AggregationBinder
{
    public override AggregationFlatteningResult FlattenReferencedProperties(TransformationNode transformationNode, IQueryable query, QueryBinderContext context)
    {
        var aggregates = transformationNode switch
        {
            GroupByTransformationNode { ChildTransformations: AggregateTransformationNode a } => a.AggregateExpressions,
            AggregateTransformationNode a => a.AggregateExpressions,
            _ => null,
        };
        var ownProperties = aggregates is not null && aggregates.All(a =>
            a is AggregateExpression { Expression: null or SingleValuePropertyAccessNode { Source: ResourceRangeVariableReferenceNode } });
        return ownProperties ? null! : base.FlattenReferencedProperties(transformationNode, query, context);
    }
}
