using PsaBridge.Finance.AddressSetup;
using PsaBridge.Finance.CustomerGroups;
using PsaBridge.Finance.Customers;
using PsaBridge.Finance.NumberSequences;
using PsaBridge.Finance.PaymentTerms;
using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PsaBridge.Infrastructure.Export;
using PsaBridge.Infrastructure.Paging;
using PsaBridge.Web.Infrastructure;
using PsaBridge.Web.Infrastructure.Auditing;
using CustomersPage = PsaBridge.Web.Pages.Finance.Customers.IndexModel;

namespace PsaBridge.Web.Apis;

/// <summary>The finance side: customers (read; they come from the sync) and the master data around them.</summary>
public static class FinanceApi
{
    public static RouteGroupBuilder MapFinanceApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/finance").WithTags("Finance").WithDocumentedErrors().RequireAuthorization(Policies.Read).Audited();
        var manage = api.MapGroup("").RequireAuthorization(Policies.ManageFinance);
        var administer = api.MapGroup("").RequireAuthorization(Policies.Administer);

        api.MapGet("/customers", ListCustomers).WithName("ListCustomers")
            .WithSummary("Finance customers by customer account; search matches the start of the account, or the name, phone or e-mail")
            .WithDescription("A page as JSON, or with format=csv|xlsx every customer the filters keep as a download, in the columns of the customers page.");
        api.MapGet("/customers/{customerAccount}", (CustomerQueries q, string customerAccount, CancellationToken ct) => q.GetAsync(customerAccount, ct))
            .WithName("GetCustomer").WithSummary("One finance customer");

        api.MapGet("/countries", async (AddressSetupService s, string? search, int? page, int? pageSize, CancellationToken ct) =>
            ListResponse<Country>.From(await s.CountriesAsync(search, PageRequest.Of(page, pageSize), ct)))
            .WithName("ListCountries").WithSummary("Countries/regions of the address setup (ISO 3166-1), by name");
        api.MapGet("/countries/{country}", (AddressSetupService s, string country, CancellationToken ct) => s.GetCountryAsync(country, ct))
            .WithName("GetCountry").WithSummary("One country/region, by ISO alpha-2 or alpha-3 code or name");
        api.MapGet("/countries/{country}/states", async (AddressSetupService s, string country, string? search, int? page, int? pageSize, CancellationToken ct) =>
            ListResponse<State>.From(await s.StatesAsync(country, search, PageRequest.Of(page, pageSize), ct)))
            .WithName("ListStates").WithSummary("The states (ISO 3166-2 subdivisions) of a country");
        api.MapGet("/countries/{country}/states/{state}", async (AddressSetupService s, string country, string state, CancellationToken ct) =>
        {
            var c = await s.GetCountryAsync(country, ct);
            return await s.FindStateAsync(c.Id, state, ct) ?? throw new PsaBridge.Infrastructure.Validation.NotFoundException("State", $"{c.Id}/{state}");
        })
            .WithName("GetState").WithSummary("One state of a country, by code or name");
        api.MapGet("/cities", async (AddressSetupService s, string country, string? state, string? search, int? page, int? pageSize, CancellationToken ct) =>
            ListResponse<City>.From(await s.CitiesAsync(country, state, search, PageRequest.Of(page, pageSize), ct)))
            .WithName("ListCities").WithSummary("The cities of a country (and state), by name");
        manage.MapPost("/cities", async (AddressSetupService s, CityInput input, CancellationToken ct) =>
            TypedResults.Created($"/api/finance/cities?country={Uri.EscapeDataString(input.Country ?? "")}", await s.CreateCityAsync(input, ct)))
            .WithName("CreateCity").WithSummary("Add a city to the address setup");
        api.MapGet("/zip-codes", async (AddressSetupService s, string country, string? state, string? city, string? code, int? page, int? pageSize, CancellationToken ct) =>
            ListResponse<ZipCode>.From(await s.ZipCodesAsync(country, state, city, code, PageRequest.Of(page, pageSize), ct)))
            .WithName("ListZipCodes").WithSummary("The zip codes of a country, each with its state and city");
        manage.MapPost("/zip-codes", async (AddressSetupService s, ZipCodeInput input, CancellationToken ct) =>
        {
            var zip = await s.CreateZipCodeAsync(input, ct);
            return TypedResults.Created($"/api/finance/zip-codes?country={zip.CountryId}&code={zip.Code}", zip);
        })
            .WithName("CreateZipCode").WithSummary("Add a zip code with its state and city");
        manage.MapDelete("/zip-codes/{id:guid}", async (AddressSetupService s, Guid id, CancellationToken ct) =>
        {
            await s.DeleteZipCodeAsync(id, ct);
            return TypedResults.NoContent();
        })
            .WithName("DeleteZipCode").WithSummary("Remove a zip code");
        api.MapGet("/currencies", async (AddressSetupService s, string? search, int? page, int? pageSize, CancellationToken ct) =>
            ListResponse<PsaBridge.Finance.Currencies.Currency>.From(await s.CurrenciesAsync(search, PageRequest.Of(page, pageSize), ct)))
            .WithName("ListCurrencies").WithSummary("Currencies (ISO 4217), by code");

        api.MapGet("/payment-terms", async (PaymentTermService s, int? page, int? pageSize, CancellationToken ct) =>
            ListResponse<PaymentTerm>.From(await s.ListAsync(PageRequest.Of(page, pageSize), ct)))
            .WithName("ListPaymentTerms").WithSummary("Terms of payment, by net days");
        api.MapGet("/payment-terms/{code}", (PaymentTermService s, string code, CancellationToken ct) => s.GetAsync(code, ct))
            .WithName("GetPaymentTerm").WithSummary("One term of payment");
        manage.MapPost("/payment-terms", async (PaymentTermService s, PaymentTermInput input, CancellationToken ct) =>
        {
            var term = await s.CreateAsync(input, ct);
            return TypedResults.Created($"/api/finance/payment-terms/{term.Code}", term);
        })
            .WithName("CreatePaymentTerm").WithSummary("Add a term of payment");
        manage.MapPut("/payment-terms/{code}", (PaymentTermService s, string code, PaymentTermInput input, CancellationToken ct) => s.UpdateAsync(code, input, ct))
            .WithName("UpdatePaymentTerm").WithSummary("Change a term of payment's description or net days");
        manage.MapDelete("/payment-terms/{code}", async (PaymentTermService s, string code, CancellationToken ct) =>
        {
            await s.DeleteAsync(code, ct);
            return TypedResults.NoContent();
        })
            .WithName("DeletePaymentTerm").WithSummary("Remove a term of payment that no customer uses");

        api.MapGet("/customer-groups", async (CustomerGroupService s, int? page, int? pageSize, CancellationToken ct) =>
            ListResponse<CustomerGroup>.From(await s.ListAsync(PageRequest.Of(page, pageSize), ct)))
            .WithName("ListCustomerGroups").WithSummary("Customer groups, by id");
        api.MapGet("/customer-groups/{id}", (CustomerGroupService s, string id, CancellationToken ct) => s.GetAsync(id, ct))
            .WithName("GetCustomerGroup").WithSummary("One customer group");
        manage.MapPost("/customer-groups", async (CustomerGroupService s, CustomerGroupInput input, CancellationToken ct) =>
        {
            var group = await s.CreateAsync(input, ct);
            return TypedResults.Created($"/api/finance/customer-groups/{group.Id}", group);
        })
            .WithName("CreateCustomerGroup").WithSummary("Add a customer group with its default terms of payment");
        manage.MapPut("/customer-groups/{id}", (CustomerGroupService s, string id, CustomerGroupInput input, CancellationToken ct) => s.UpdateAsync(id, input, ct))
            .WithName("UpdateCustomerGroup").WithSummary("Change a customer group's description or default terms of payment");
        manage.MapDelete("/customer-groups/{id}", async (CustomerGroupService s, string id, CancellationToken ct) =>
        {
            await s.DeleteAsync(id, ct);
            return TypedResults.NoContent();
        })
            .WithName("DeleteCustomerGroup").WithSummary("Remove a customer group that no customer uses");

        api.MapGet("/number-sequences", async (NumberSequenceService s, int? page, int? pageSize, CancellationToken ct) =>
            ListResponse<NumberSequence>.From(await s.ListAsync(PageRequest.Of(page, pageSize), ct)))
            .WithName("ListNumberSequences").WithSummary("Number sequences, by code");
        api.MapGet("/number-sequences/{code}", (NumberSequenceService s, string code, CancellationToken ct) => s.GetAsync(code, ct))
            .WithName("GetNumberSequence").WithSummary("One number sequence, with the next number it gives");
        manage.MapPost("/number-sequences", async (NumberSequenceService s, NumberSequenceInput input, CancellationToken ct) =>
        {
            var sequence = await s.CreateAsync(input, ct);
            return TypedResults.Created($"/api/finance/number-sequences/{sequence.Code}", sequence);
        })
            .WithName("CreateNumberSequence").WithSummary("Add a number sequence");
        manage.MapPut("/number-sequences/{code}", (NumberSequenceService s, string code, NumberSequenceInput input, CancellationToken ct) => s.UpdateAsync(code, input, ct))
            .WithName("UpdateNumberSequence").WithSummary("Change a number sequence's name, format, bounds or next number");
        administer.MapPost("/number-sequences/{code}/reserve", async (NumberSequenceAllocator allocator, PsaBridge.Finance.FinanceDb db, string code, int? count, CancellationToken ct) =>
        {
            var block = await allocator.TakeAsync(db, code, NumberSequenceLimits.ReserveCount(count), ct);
            return new { block.SequenceCode, block.First, block.Last, block.Count, Numbers = block.Count <= 1000 ? block.All().ToList() : null };
        })
            .WithName("ReserveNumbers").WithSummary("Reserve up to 10,000 consecutive numbers of a sequence (Administrators)");

        return api;
    }

    public static async Task<Results<Ok<ListResponse<Customer>>, PushStreamHttpResult>> ListCustomers(CustomerQueries q, string? search, Guid? psaAccountId,
        string? customerGroup, int? page, int? pageSize, [Description("csv or xlsx to download every customer the filters keep; a JSON page when not given.")] string? format,
        CancellationToken ct)
    {
        var filter = new CustomerFilter(search, psaAccountId, customerGroup);
        if (format is null) return TypedResults.Ok(ListResponse<Customer>.From(await q.ListAsync(filter, PageRequest.Of(page, pageSize), ct)));
        var export = ExportFormats.Parse(format);
        var rows = q.Query(filter).OrderBy(c => c.CustomerAccount).AsAsyncEnumerable();
        return TypedResults.Stream(output => export.WriteAsync(output, CustomersPage.Grid.ExportColumns, rows, ct), export.ContentType(),
            $"{CustomersPage.Grid.FileName}.{export.Extension()}");
    }
}
