using Microsoft.AspNetCore.OData;
using Microsoft.AspNetCore.OData.Formatter.Serialization;
using Microsoft.AspNetCore.OData.Query.Expressions;
using Microsoft.EntityFrameworkCore;
using ODataMessageQuotas = Microsoft.OData.ODataMessageQuotas;
using ODataMessageWriterSettings = Microsoft.OData.ODataMessageWriterSettings;
using ValidationKinds = Microsoft.OData.ValidationKinds;
using Microsoft.OData.Json;
using PsaBridge.Infrastructure.Storage;
using PsaBridge.Psa;

namespace PsaBridge.Web.OData;

public static class FeedServices
{
    /// <summary>The feed's route prefix: <c>/odata</c> is the service root Power BI and Excel are given.</summary>
    public const string RoutePrefix = "odata";

    /// <summary>The read-only OData v4 feed over the PSA data model at <c>/odata</c>.</summary>
    public static IServiceCollection AddPsaFeed(this IServiceCollection services, IConfiguration configuration)
    {
        var feed = configuration.GetSection(FeedOptions.Section).Get<FeedOptions>() ?? new FeedOptions();
        System.ComponentModel.DataAnnotations.Validator.ValidateObject(feed, new(feed), validateAllProperties: true);
        services.AddDbContext<FeedDb>((sp, o) =>
        {
            var location = sp.GetRequiredKeyedService<DatabaseLocation>(PsaServices.DatabaseName);
            location.ConfigureForReports(o);
            o.AddInterceptors(GroupingKeyValues.Instance);
        }, ServiceLifetime.Scoped, ServiceLifetime.Singleton);
        services.AddControllers().AddOData(o =>
        {
            o.Select().Filter().OrderBy().Expand().Count().SkipToken().SetMaxTop(null);
            o.TimeZone = TimeZoneInfo.Utc;
            o.AddRouteComponents(RoutePrefix, FeedModel.Build(FeedCatalog.Instance, feed.PageSize),
                s => s.AddSingleton<ODataResourceSerializer, FormattedValueSerializer>()
                    .AddSingleton<IAggregationBinder, FeedAggregationBinder>()
                    // The rows are typed by the model they are written from: no per-property validation, and the UTF-8 JSON writer.
                    .AddScoped(_ => new ODataMessageWriterSettings
                    {
                        EnableMessageStreamDisposal = false, Validations = ValidationKinds.None,
                        MessageQuotas = new ODataMessageQuotas { MaxReceivedMessageSize = long.MaxValue },
                    })
                    .AddSingleton<IJsonWriterFactory>(ODataUtf8JsonWriterFactory.Default));
        });
        return services;
    }
}
