using Microsoft.Extensions.DependencyInjection;
using PsaBridge.Psa.Accounts;
using PsaBridge.Psa.OrganizationalUnits;
using PsaBridge.Psa.Pricing;
using PsaBridge.Psa.Projects;
using PsaBridge.Psa.Resources;
using PsaBridge.Psa.Sales;
using PsaBridge.Psa.Sales.Estimates;

namespace PsaBridge.Web.Tests.Browser;

/// <summary>
/// The seed's world (seeds/003) put in PSA through its services, for the project-accounting pages: Ashley Chinn, Project
/// Manager at 50.00 cost and 100.00 sales an hour, customer Alpine Ski House, contract Alpine CRM, time and material.
/// </summary>
public sealed record AccountingWorld(Guid Unit, Guid ProjectManager, Guid Ashley, Guid Customer, Guid Project, Guid Contract, Guid ContractLine)
{
    public static async Task<AccountingWorld> ArrangeAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        T Get<T>() where T : notnull => scope.ServiceProvider.GetRequiredService<T>();
        var unit = await Get<OrganizationalUnitService>().CreateAsync(new OrganizationalUnitInput("Contoso Consulting US", "USD"));
        var role = await Get<ResourceService>().CreateRoleAsync(new RoleInput("Project Manager"));
        var ashley = await Get<ResourceService>().CreateResourceAsync(new ResourceInput("Ashley Chinn", ResourceType.User, unit.Id, role.Id));
        var customer = await Get<AccountService>().CreateAsync(new AccountInput("Alpine Ski House", Currency: "USD"));
        var prices = Get<PriceListService>();
        await prices.CreateAsync(new PriceListInput("Contoso US cost 2018", PriceListContext.Cost, "USD", new DateOnly(2018, 1, 1), new DateOnly(2018, 12, 31), unit.Id,
            RolePrices: [new RolePriceInput(role.Id, 50m)]));
        await prices.CreateAsync(new PriceListInput("Alpine Ski House sales 2018", PriceListContext.Sales, "USD", new DateOnly(2018, 1, 1), new DateOnly(2018, 12, 31),
            CustomerId: customer.Id, RolePrices: [new RolePriceInput(role.Id, 100m)]));
        var project = await Get<ProjectService>().CreateAsync(new ProjectInput("Alpine CRM implementation", unit.Id, customer.Id, ashley.Id,
            Tasks: [new ProjectTaskInput("Requirements")], TeamMembers: [new TeamMemberInput(ashley.Id, role.Id)]));
        var contract = await Get<ContractService>().CreateAsync(new ContractInput("Alpine CRM", customer.Id, unit.Id,
            Lines: [new SalesLineInput("CRM implementation", BillingMethod.TimeAndMaterial, project.Id, 10_000m)]));
        return new AccountingWorld(unit.Id, role.Id, ashley.Id, customer.Id, project.Id, contract.Id, contract.Lines[0].Id);
    }
}
