using Microsoft.Extensions.DependencyInjection;
using PsaBridge.Psa.Accounts;
using PsaBridge.Psa.OrganizationalUnits;
using PsaBridge.Psa.Pricing;
using PsaBridge.Psa.Resources;
using PsaBridge.Testing;

namespace PsaBridge.Cli.Tests;

/// <summary>
/// The services the CLI runs on, over the test databases, for arranging a test's world; and the world every PSA example of
/// the seeds starts from: a contracting unit, one role, the customer Alpine Ski House and the 2018 cost and sales lists.
/// </summary>
internal sealed class PricedWorld : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly AsyncServiceScope _scope;

    private PricedWorld(TestDatabasePair databases)
    {
        _services = CliRun.Services(databases);
        _scope = _services.CreateAsyncScope();
    }

    public OrganizationalUnit Unit { get; private set; } = null!;
    public Role Role { get; private set; } = null!;
    public Account Customer { get; private set; } = null!;

    public T Get<T>() where T : notnull => _scope.ServiceProvider.GetRequiredService<T>();

    public static async Task<PricedWorld> ArrangeAsync(TestDatabasePair databases, string unit, string role, decimal costRate, decimal salesRate)
    {
        var world = new PricedWorld(databases);
        world.Unit = await world.Get<OrganizationalUnitService>().CreateAsync(new OrganizationalUnitInput(unit, "USD"));
        world.Role = await world.Get<ResourceService>().CreateRoleAsync(new RoleInput(role));
        world.Customer = await world.Get<AccountService>().CreateAsync(new AccountInput("Alpine Ski House", Currency: "USD"));
        var prices = world.Get<PriceListService>();
        await prices.CreateAsync(new PriceListInput("Contoso US cost 2018", PriceListContext.Cost, "USD", new(2018, 1, 1), new(2018, 12, 31),
            OrganizationalUnitId: world.Unit.Id, RolePrices: [new(world.Role.Id, costRate)]));
        await prices.CreateAsync(new PriceListInput("Alpine Ski House sales 2018", PriceListContext.Sales, "USD", new(2018, 1, 1), new(2018, 12, 31),
            CustomerId: world.Customer.Id, RolePrices: [new(world.Role.Id, salesRate)]));
        return world;
    }

    public async ValueTask DisposeAsync()
    {
        await _scope.DisposeAsync();
        await _services.DisposeAsync();
    }
}
