using Microsoft.OData.Edm;
using Microsoft.OData.ModelBuilder;

namespace PsaBridge.Web.OData;

/// <summary>The feed's EDM model: every <see cref="FeedCatalog"/> set under Dataverse's namespace, paged server-side.</summary>
public static class FeedModel
{
    /// <summary>Dataverse's schema namespace (alias <c>mscrm</c>).</summary>
    public const string Namespace = "Microsoft.Dynamics.CRM";

    public static IEdmModel Build(FeedCatalog catalog, int pageSize)
    {
        var builder = new ODataConventionModelBuilder { Namespace = Namespace, ContainerName = "System" };
        foreach (var set in catalog.Sets)
        {
            var entity = builder.AddEntityType(set.EntityType);
            entity.Namespace = Namespace;
            entity.QueryConfiguration.SetPageSize(pageSize);
            entity.QueryConfiguration.SetMaxTop(null);
            builder.AddEntitySet(set.Name, entity);
        }
        return builder.GetEdmModel();
    }
}
