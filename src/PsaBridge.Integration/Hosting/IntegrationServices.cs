using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PsaBridge.Finance;
using PsaBridge.Integration.CustomerSync;
using PsaBridge.Integration.Log;
using PsaBridge.Integration.Scheduling;
using PsaBridge.Integration.Sources;
using PsaBridge.Integration.Targets;
using PsaBridge.Infrastructure.Storage.Sqlite;
using Microsoft.Extensions.Logging;
using PsaBridge.Psa;
using Quartz;

namespace PsaBridge.Integration.Hosting;

public static class IntegrationServices
{
    /// <summary>Both systems of record and the integration between them (no scheduler).</summary>
    public static IServiceCollection AddPsaBridge(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddPsa(configuration);
        services.AddFinance(configuration);
        services.AddSingleton(TimeProvider.System);
        services.AddOptions<CustomerSyncOptions>().Bind(configuration.GetSection(CustomerSyncOptions.Section))
            .Validate(o => o.PageSize is >= 1 and <= CustomerSyncOptions.MaxPageSize,
                $"{CustomerSyncOptions.Section}:PageSize must be between 1 and {CustomerSyncOptions.MaxPageSize:N0} accounts.")
            .ValidateOnStart();
        services.Configure<ScheduleOptions>(configuration.GetSection(ScheduleOptions.Section));
        services.AddSingleton<IPsaAccountSource, PsaDbAccountSource>();
        services.AddSingleton<JobLeases>();
        services.AddSingleton<FinanceReferenceCache>();
        services.AddScoped<FinanceCustomerTarget>();
        services.AddScoped<ICustomerTarget>(sp => sp.GetRequiredService<FinanceCustomerTarget>());
        services.AddScoped<SynchronizeCustomers>();
        services.AddSingleton<RunningSyncs>();
        services.AddSingleton<UnfinishedRuns>();
        services.AddScoped<IntegrationLogQueries>();
        services.AddScoped<FailingAccounts>();
        services.Configure<IntegrationLogOptions>(configuration.GetSection(IntegrationLogOptions.Section));
        services.AddScoped<LogCleanup>();
        services.AddScoped<RunProgress>();
        services.AddDynamicsConnectors(configuration);
        return services;
    }

    /// <summary>
    /// The Quartz scheduler that runs the job in batch: an in-memory store by default; with
    /// <c>PsaBridge:Scheduler:Clustered=true</c> and a PostgreSQL finance database, Quartz's
    /// clustered PostgreSQL job store, so several nodes run each firing once.
    /// </summary>
    public static IServiceCollection AddPsaBridgeScheduler(this IServiceCollection services, IConfiguration configuration)
    {
        var clustered = configuration.GetValue<bool>("PsaBridge:Scheduler:Clustered");
        var financeConnection = configuration.GetConnectionString(FinanceServices.DatabaseName);
        services.AddQuartz(q =>
        {
            if (clustered && !string.IsNullOrWhiteSpace(financeConnection))
            {
                q.UsePersistentStore(store =>
                {
                    store.ProvisionSchema();
                    store.UsePostgres(financeConnection);
                    store.UseSystemTextJsonSerializer();
                    store.UseClustering(c => c.CheckinInterval = TimeSpan.FromSeconds(5));
                });
            }
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        services.AddSingleton<CustomerSyncSchedule>();
        services.AddHostedService<ScheduleStartup>();
        return services;
    }

    /// <summary>
    /// At start: the SQLite library checked, the leases this node's dead processes held released (their runs marked
    /// interrupted), then the schedule applied.
    /// </summary>
    private sealed class ScheduleStartup(CustomerSyncSchedule schedule, JobLeases leases, ILogger<ScheduleStartup> log) : IHostedService
    {
        public async Task StartAsync(CancellationToken cancellationToken)
        {
            var (same, sqlite) = SqliteLibrary.Check();
            if (same) log.LogInformation("{Sqlite}", sqlite);
            else log.LogError("{Sqlite}", sqlite);
            var released = await leases.ReleaseDeadOfThisNodeAsync(cancellationToken);
            if (released > 0) log.LogWarning("Released {Count} job lease(s) held by processes of this node that died; their runs are marked interrupted", released);
            await schedule.ApplyAsync(cancellationToken);
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
