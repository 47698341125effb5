using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PsaBridge.Infrastructure.Storage;
using PsaBridge.Psa.Accounts;
using PsaBridge.Psa.Scheduling;

namespace PsaBridge.Psa;

public static class PsaServices
{
    public const string DatabaseName = "Psa";

    public static IServiceCollection AddPsa(this IServiceCollection services, IConfiguration configuration)
    {
        var location = DatabaseLocation.FromConfiguration(configuration, DatabaseName);
        services.AddKeyedSingleton(DatabaseName, location);
        services.AddPooledDbContextFactory<PsaDb>(location.Configure);
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<PsaDb>>().CreateDbContext());
        services.AddScoped<AccountService>();
        services.AddScoped<ImportAccounts>();
        services.AddScoped<OrganizationalUnits.OrganizationalUnitService>();
        services.AddScoped<Resources.ResourceService>();
        services.AddScoped<Pricing.PriceListService>();
        services.AddScoped<Sales.ContractService>();
        services.AddScoped<Projects.ProjectService>();
        services.AddScoped<Actuals.EntryPostingStore>();
        services.AddScoped<Time.TimeEntryService>();
        services.AddScoped<Time.TimeSheetService>();
        services.AddScoped<Expenses.ExpenseService>();
        services.AddScoped<Expenses.ExpenseQueries>();
        services.AddScoped<Actuals.ActualQueries>();
        services.AddScoped<Actuals.BillingBacklogService>();
        services.AddScoped<Approvals.ApprovalQueue>();
        services.AddScoped<Approvals.ApprovalService>();
        services.AddScoped<Invoicing.InvoiceService>();
        services.AddScoped<Sales.Estimates.DealEstimates>();
        services.AddScoped<Sales.Estimates.PriceListChanges>();
        services.AddScoped<Sales.InvoiceFrequencies.InvoiceFrequencyService>();
        services.AddScoped<Sales.Parameters.ProjectParameterService>();
        services.AddScoped<Sales.Opportunities.OpportunityService>();
        services.AddScoped<Sales.Quotes.QuoteStore>();
        services.AddScoped<Sales.Quotes.QuoteService>();
        services.AddScoped<Sales.Quotes.QuoteLineService>();
        services.AddScoped<Sales.Quotes.QuoteDetailService>();
        services.AddScoped<Sales.Quotes.QuoteClosing>();
        services.AddScoped<Sales.Quotes.QuoteAnalytics>();
        services.AddScoped<Sales.Contracts.ContractStore>();
        services.AddScoped<Sales.Contracts.ContractLineService>();
        services.AddScoped<Sales.Contracts.ContractDetailService>();
        services.AddScoped<Invoicing.InvoiceRuns.CreateProjectInvoices>();
        services.AddScoped<Invoicing.InvoiceRuns.InvoiceRunLog>();
        services.AddScoped<Invoicing.InvoiceCorrectionService>();
        services.AddPlanning();
        services.AddScoped<Invoicing.InvoiceQueries>();
        return services;
    }
}
