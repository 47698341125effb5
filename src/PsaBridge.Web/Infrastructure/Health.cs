using Microsoft.EntityFrameworkCore;
using PsaBridge.Finance;
using PsaBridge.Infrastructure.Storage;
using PsaBridge.Psa;

namespace PsaBridge.Web.Infrastructure;

public static class Health
{
    /// <summary>200 when both databases answer a query and take a write, 503 naming the one that does not.</summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", async (IDbContextFactory<PsaDb> psa, IDbContextFactory<FinanceDb> finance, HttpContext http, CancellationToken ct) =>
        {
            var psaStatus = await Probe(async () =>
            {
                await using var db = await psa.CreateDbContextAsync(ct);
                await StoreHealth.ProbeWriteAsync(db.Database, ct);
                return await db.Accounts.AnyAsync(ct);
            });
            var financeStatus = await Probe(async () =>
            {
                await using var db = await finance.CreateDbContextAsync(ct);
                await StoreHealth.ProbeWriteAsync(db.Database, ct);
                return await db.Countries.AnyAsync(ct);
            });
            var healthy = psaStatus == "Healthy" && financeStatus == "Healthy";
            // A load balancer or orchestrator that honours Retry-After asks again later instead of at once.
            if (!healthy) http.Response.Headers.RetryAfter = DatabaseUnavailable.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Results.Json(new { status = healthy ? "Healthy" : "Unhealthy", psa = psaStatus, finance = financeStatus },
                statusCode: healthy ? 200 : 503);
        }).WithTags("Health").WithName("GetHealth")
            .WithSummary("Whether both databases answer a query and take a write (200), or which one does not (503, with Retry-After)")
            .Produces(StatusCodes.Status200OK).Produces(StatusCodes.Status503ServiceUnavailable).AllowAnonymous();
        return app;
    }

    private static async Task<string> Probe(Func<Task<bool>> query)
    {
        try
        {
            await query();
            return "Healthy";
        }
        catch (Exception e)
        {
            return $"Unhealthy: {e.Message}";
        }
    }
}
