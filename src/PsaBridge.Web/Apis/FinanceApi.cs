using PsaBridge.Finance.AddressSetup;
using PsaBridge.Finance.CustomerGroups;
using PsaBridge.Finance.Customers;
using PsaBridge.Finance.NumberSequences;
using PsaBridge.Finance.PaymentTerms;
using PsaBridge.Infrastructure.Paging;
using PsaBridge.Web.Infrastructure;
using PsaBridge.Web.Infrastructure.Auditing;

namespace PsaBridge.Web.Apis;

/// <summary>The finance side: customers (read; they come from the sync) and the master data around them.</summary>
public static class FinanceApi
{
    public static RouteGroupBuilder MapFinanceApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/finance").WithTags("Finance").RequireAuthorization(Policies.Read).Audited();
        var manage = api.MapGroup("").RequireAuthorization(Policies.ManageFinance);
        var administer = api.MapGroup("").RequireAuthorization(Policies.Administer);

        api.MapGet("/customers", async (CustomerQueries q, string? search, Guid? psaAccountId, string? customerGroup, int? page, int? pageSize, CancellationToken ct) =>
            ListResponse<Customer>.From(await q.ListAsync(new CustomerFilter(search, psaAccountId, customerGroup), PageRequest.Of(page, pageSize), ct)));
        api.MapGet("/customers/{customerAccount}", (CustomerQueries q, string customerAccount, CancellationToken ct) => q.GetAsync(customerAccount, ct));

        api.MapGet("/countries", async (AddressSetupService s, string? search, int? page, int? pageSize, CancellationToken ct) =>
            ListResponse<Country>.From(await s.CountriesAsync(search, PageRequest.Of(page, pageSize), ct)));
        api.MapGet("/countries/{country}", (AddressSetupService s, string country, CancellationToken ct) => s.GetCountryAsync(country, ct));
        api.MapGet("/countries/{country}/states", async (AddressSetupService s, string country, string? search, int? page, int? pageSize, CancellationToken ct) =>
            ListResponse<State>.From(await s.StatesAsync(country, search, PageRequest.Of(page, pageSize), ct)));
        api.MapGet("/countries/{country}/states/{state}", async (AddressSetupService s, string country, string state, CancellationToken ct) =>
        {
            var c = await s.GetCountryAsync(country, ct);
            return await s.FindStateAsync(c.Id, state, ct) ?? throw new PsaBridge.Infrastructure.Validation.NotFoundException("State", $"{c.Id}/{state}");
        });
        api.MapGet("/cities", async (AddressSetupService s, string country, string? state, string? search, int? page, int? pageSize, CancellationToken ct) =>
            ListResponse<City>.From(await s.CitiesAsync(country, state, search, PageRequest.Of(page, pageSize), ct)));
        manage.MapPost("/cities", async (AddressSetupService s, CityInput input, CancellationToken ct) =>
            TypedResults.Created($"/api/finance/cities?country={Uri.EscapeDataString(input.Country ?? "")}", await s.CreateCityAsync(input, ct)));
        api.MapGet("/zip-codes", async (AddressSetupService s, string country, string? state, string? city, string? code, int? page, int? pageSize, CancellationToken ct) =>
            ListResponse<ZipCode>.From(await s.ZipCodesAsync(country, state, city, code, PageRequest.Of(page, pageSize), ct)));
        manage.MapPost("/zip-codes", async (AddressSetupService s, ZipCodeInput input, CancellationToken ct) =>
        {
            var zip = await s.CreateZipCodeAsync(input, ct);
            return TypedResults.Created($"/api/finance/zip-codes?country={zip.CountryId}&code={zip.Code}", zip);
        });
        manage.MapDelete("/zip-codes/{id:guid}", async (AddressSetupService s, Guid id, CancellationToken ct) =>
        {
            await s.DeleteZipCodeAsync(id, ct);
            return TypedResults.NoContent();
        });
        api.MapGet("/currencies", async (AddressSetupService s, string? search, int? page, int? pageSize, CancellationToken ct) =>
            ListResponse<PsaBridge.Finance.Currencies.Currency>.From(await s.CurrenciesAsync(search, PageRequest.Of(page, pageSize), ct)));

        api.MapGet("/payment-terms", async (PaymentTermService s, int? page, int? pageSize, CancellationToken ct) =>
            ListResponse<PaymentTerm>.From(await s.ListAsync(PageRequest.Of(page, pageSize), ct)));
        api.MapGet("/payment-terms/{code}", (PaymentTermService s, string code, CancellationToken ct) => s.GetAsync(code, ct));
        manage.MapPost("/payment-terms", async (PaymentTermService s, PaymentTermInput input, CancellationToken ct) =>
        {
            var term = await s.CreateAsync(input, ct);
            return TypedResults.Created($"/api/finance/payment-terms/{term.Code}", term);
        });
        manage.MapPut("/payment-terms/{code}", (PaymentTermService s, string code, PaymentTermInput input, CancellationToken ct) => s.UpdateAsync(code, input, ct));
        manage.MapDelete("/payment-terms/{code}", async (PaymentTermService s, string code, CancellationToken ct) =>
        {
            await s.DeleteAsync(code, ct);
            return TypedResults.NoContent();
        });

        api.MapGet("/customer-groups", async (CustomerGroupService s, int? page, int? pageSize, CancellationToken ct) =>
            ListResponse<CustomerGroup>.From(await s.ListAsync(PageRequest.Of(page, pageSize), ct)));
        api.MapGet("/customer-groups/{id}", (CustomerGroupService s, string id, CancellationToken ct) => s.GetAsync(id, ct));
        manage.MapPost("/customer-groups", async (CustomerGroupService s, CustomerGroupInput input, CancellationToken ct) =>
        {
            var group = await s.CreateAsync(input, ct);
            return TypedResults.Created($"/api/finance/customer-groups/{group.Id}", group);
        });
        manage.MapPut("/customer-groups/{id}", (CustomerGroupService s, string id, CustomerGroupInput input, CancellationToken ct) => s.UpdateAsync(id, input, ct));
        manage.MapDelete("/customer-groups/{id}", async (CustomerGroupService s, string id, CancellationToken ct) =>
        {
            await s.DeleteAsync(id, ct);
            return TypedResults.NoContent();
        });

        api.MapGet("/number-sequences", async (NumberSequenceService s, int? page, int? pageSize, CancellationToken ct) =>
            ListResponse<NumberSequence>.From(await s.ListAsync(PageRequest.Of(page, pageSize), ct)));
        api.MapGet("/number-sequences/{code}", (NumberSequenceService s, string code, CancellationToken ct) => s.GetAsync(code, ct));
        manage.MapPost("/number-sequences", async (NumberSequenceService s, NumberSequenceInput input, CancellationToken ct) =>
        {
            var sequence = await s.CreateAsync(input, ct);
            return TypedResults.Created($"/api/finance/number-sequences/{sequence.Code}", sequence);
        });
        manage.MapPut("/number-sequences/{code}", (NumberSequenceService s, string code, NumberSequenceInput input, CancellationToken ct) => s.UpdateAsync(code, input, ct));
        administer.MapPost("/number-sequences/{code}/reserve", async (NumberSequenceAllocator allocator, PsaBridge.Finance.FinanceDb db, string code, int? count, CancellationToken ct) =>
        {
            var block = await allocator.TakeAsync(db, code, NumberSequenceLimits.ReserveCount(count), ct);
            return new { block.SequenceCode, block.First, block.Last, block.Count, Numbers = block.Count <= 1000 ? block.All().ToList() : null };
        });

        return api;
    }
}
