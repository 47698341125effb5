using Microsoft.Extensions.DependencyInjection;
using PsaBridge.Reporting.ActualsByPeriod;
using PsaBridge.Reporting.Backlog;
using PsaBridge.Reporting.Hours;
using PsaBridge.Reporting.Profitability;
using PsaBridge.Reporting.Shared;

namespace PsaBridge.Reporting;

public static class ReportingServices
{
    public static IServiceCollection AddReporting(this IServiceCollection services)
    {
        services.AddScoped<Names>();
        services.AddScoped<ReportFilterCheck>();
        services.AddScoped<Exports.ActualsExport>();
        services.AddScoped<Exports.TimeEntriesExport>();
        services.AddScoped<ProjectProfitability>();
        services.AddScoped<BillingBacklog>();
        services.AddScoped<ActualsByPeriodReport>();
        services.AddScoped<HoursReport>();
        services.AddScoped<Pipeline.SalesPipelineReport>();
        services.AddScoped<Utilization.ResourceUtilizationReport>();
        return services;
    }
}
