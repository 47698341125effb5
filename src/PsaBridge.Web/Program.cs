using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Json;
using PsaBridge.Integration.Hosting;
using PsaBridge.Reporting;
using PsaBridge.Web;
using PsaBridge.Web.Apis;
using PsaBridge.Web.Dataverse;
using PsaBridge.Web.Dynamics;
using PsaBridge.Web.FinanceOData;
using PsaBridge.Web.Infrastructure;
using PsaBridge.Web.Jobs;
using PsaBridge.Web.OData;
using PsaBridge.Web.Pages.Shared;

var builder = WebApplication.CreateBuilder(HostSetup.WithDemoSwitch(args));
builder.WebHost.UseLoopbackUnlessConfigured(builder.Configuration);

builder.Services.AddPsaBridge(builder.Configuration);
builder.Services.AddPsaBridgeScheduler(builder.Configuration);
builder.Services.AddInvoiceRunSchedule();
builder.Services.AddSingleton<InteractiveRuns>();
builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<ProblemDetailsHandler>();
builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
builder.Services.Configure<JsonOptions>(o =>
{
    o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
    o.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
});
builder.Services.AddOpenApi();
builder.Services.AddPsaBridgeSecurity(builder.Configuration);
builder.Services.AddPsaBridgeHardening(builder.Configuration);
builder.Services.AddRazorPages();
builder.Services.AddPsaFeed(builder.Configuration);
builder.Services.AddReporting();
builder.Services.AddScoped<PsaBridge.Web.Pages.Psa.Choices>();
builder.Services.AddCompatibleEndpoints(builder.Configuration);

var app = builder.Build();

app.UsePsaBridgeHardening();
app.UseExceptionHandler();
app.UseStatusCodePagesForBrowsersAndProblemDetailsForPrograms();
app.UseStaticFiles();
app.UseAuthentication();
app.UseAntiforgeryOnCookieApiChanges();
app.UsePasswordChangeWhenRequired();
app.UseAuthorization();
app.MapOpenApi().RequireAuthorization(Policies.Read);
app.MapHealth();
app.MapFinanceApi();
app.MapPsaAccountsApi();
app.MapProjectAccountingApi();
app.MapSalesApi();
app.MapApprovalsApi();
app.MapEntryRecallsApi();
app.MapInvoiceCorrectionsApi();
app.MapBillingBacklogApi();
app.MapTimeSheetsApi();
app.MapIntegrationApi();
app.MapSyncRunsApi();
app.MapReportsApi();
app.MapPlanningApi();
app.MapResourcingApi();
app.MapSchedulingApi();
app.MapDataverseApi();
app.MapFinanceODataApi();
app.MapAuditApi();
app.MapRazorPages();
app.MapControllers().RequireAuthorization(Policies.Read);

await DatabaseSetup.UpgradeAsync(app.Services);
if (app.Configuration.GetValue<bool>("PsaBridge:DemoData"))
    await DemoData.SeedAsync(app.Services);
await FirstRun.PrepareAsync(app.Services, app.Configuration.GetValue<bool>("PsaBridge:DemoData"), Console.Out);

app.Run();

public partial class Program;
