using Microsoft.AspNetCore.OData.Formatter;
using Microsoft.AspNetCore.OData.Formatter.Serialization;
using Microsoft.OData;
using Microsoft.OData.Edm;

namespace PsaBridge.Web.OData;

/// <summary>
/// Writes each option-set value with its label as <c>property@OData.Community.Display.V1.FormattedValue</c>, the way
/// Dataverse does. Like Dataverse, the writer sends the annotation only to a client whose
/// <c>Prefer: odata.include-annotations</c> asks for it.
/// </summary>
public sealed class FormattedValueSerializer(IODataSerializerProvider serializerProvider) : ODataResourceSerializer(serializerProvider)
{
    public const string FormattedValue = "OData.Community.Display.V1.FormattedValue";

    public override ODataProperty CreateStructuralProperty(IEdmStructuralProperty structuralProperty, ResourceContext resourceContext)
    {
        var property = base.CreateStructuralProperty(structuralProperty, resourceContext);
        var value = property.Value is ODataPrimitiveValue primitive ? primitive.Value : property.Value;
        if (value is not null and not ODataNullValue
            && resourceContext.StructuredType is IEdmEntityType entity
            && FeedCatalog.Instance.OptionSetOf(entity.Name, structuralProperty.Name) is { } optionSet
            && Asked(resourceContext.Request))
        {
            property.InstanceAnnotations.Add(new ODataInstanceAnnotation(FormattedValue, new ODataPrimitiveValue(OptionSetLabels.Label(optionSet, value))));
        }
        return property;
    }

    /// <summary>Whether the client asked for the labels: the writer would drop them otherwise, after they were spelled.</summary>
    private static bool Asked(HttpRequest? request) =>
        request?.Headers["Prefer"].Any(p => p is not null && p.Contains("odata.include-annotations", StringComparison.OrdinalIgnoreCase)) ?? true;
}
