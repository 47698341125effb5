using PsaBridge.Infrastructure.Validation;
using PsaBridge.Psa.Actuals;
using PsaBridge.Psa.Pricing;
using PsaBridge.Psa.Resources;
using PsaBridge.Psa.Sales;
using PsaBridge.Psa.Sales.Estimates;
using PsaBridge.Psa.Sales.Quotes;

namespace PsaBridge.Psa.Tests.Sales;

public sealed class DetailPricingTests
{
    private static readonly Role ProjectManager = new() { Id = Guid.NewGuid(), Name = "Project Manager" };
    private static readonly TransactionCategory Hotel = new() { Id = Guid.NewGuid(), Name = "Hotel", DefaultUnit = "Night" };
    private static readonly Guid Unit = Guid.NewGuid(), Customer = Guid.NewGuid();

    private static PriceList List(PriceListContext context, string name, decimal rolePrice, params TransactionCategoryPrice[] categories)
    {
        var list = new PriceList { Id = Guid.NewGuid(), Name = name, Context = context, Currency = "USD", BeginDate = new(2018, 1, 1), EndDate = new(2018, 12, 31) };
        list.RolePrices.Add(new RolePrice { Id = Guid.NewGuid(), PriceListId = list.Id, RoleId = ProjectManager.Id, Price = rolePrice });
        list.CategoryPrices.AddRange(categories);
        return list;
    }

    private static EstimatePricing Pricing(params PriceList[] sales) =>
        new("USD", Customer, Unit, "Contoso US", [List(PriceListContext.Cost, "Cost 2018", 50m)], "quote 'Alpine CRM'", sales, null);

    private static EstimateFacts Time(decimal hours, DateOnly start, BillingType billing = BillingType.Chargeable) =>
        new(TransactionClass.Time, hours, start, start.AddDays(27), billing, ProjectManager, null, null, null, null, null, "PM");

    private static QuoteLineDetail New() => new() { Currency = "" };

    [Fact]
    public void Time_is_priced_into_a_sales_record_and_its_cost_twin_the_sales_one_pointing_at_the_cost_one()
    {
        var (sales, cost) = DetailPricing.Price(Time(100m, new(2018, 2, 1)), Pricing(List(PriceListContext.Sales, "Sales 2018", 100m)), "", New);

        (sales.TransactionType, sales.Quantity, sales.UnitPrice, sales.Amount, sales.OriginId).ShouldBe((TransactionType.ProjectContract, 100m, 100m, 10_000m, (Guid?)cost.Id));
        (cost.TransactionType, cost.Quantity, cost.UnitPrice, cost.Amount, cost.OriginId).ShouldBe((TransactionType.Cost, 100m, 50m, 5_000m, (Guid?)null));
        foreach (var record in new[] { sales, cost })
            (record.RoleId, record.StartDate, record.EndDate, record.BillingType, record.CustomerId, record.ContractOrganizationalUnitId, record.Description)
                .ShouldBe(((Guid?)ProjectManager.Id, new DateOnly(2018, 2, 1), new DateOnly(2018, 2, 28), (BillingType?)BillingType.Chargeable, (Guid?)Customer, (Guid?)Unit, "PM"));
    }

    [Fact]
    public void A_price_that_cannot_be_found_names_the_dimension_that_failed()
    {
        var sales = List(PriceListContext.Sales, "Sales 2018", 100m);
        Should.Throw<ValidationFailedException>(() => DetailPricing.Price(Time(1m, new(2019, 1, 2)), Pricing(sales), "details[0].", New))
            .Errors.Single().ShouldBe(new FieldError("details[0].startDate",
                "No cost price list of organizational unit 'Contoso US' is effective on 2019-01-02, so no price can be set: add a price list whose begin and end dates include 2019-01-02."));

        sales.RolePrices.Clear();
        var role = Should.Throw<ValidationFailedException>(() => DetailPricing.Price(Time(1m, new(2018, 2, 1)), Pricing(sales), "", New)).Errors.Single();
        (role.Field, role.Message).ShouldBe(("roleId", "Price list 'Sales 2018' has no price for role 'Project Manager': add a role price for it (for all units or for this resource's unit)."));
    }

    [Fact]
    public void An_expense_costs_what_is_entered_and_sells_with_the_categorys_markup()
    {
        var markup = new TransactionCategoryPrice { TransactionCategoryId = Hotel.Id, PriceCalculation = PriceCalculation.MarkupPercentage, Percent = 10m };
        var facts = new EstimateFacts(TransactionClass.Expense, 3m, new(2018, 2, 5), new(2018, 2, 7), BillingType.Chargeable, null, null, null, Hotel, null, 120m, null);

        var (sales, cost) = DetailPricing.Price(facts, Pricing(List(PriceListContext.Sales, "Sales 2018", 100m, markup)), "", New);

        (cost.UnitPrice, cost.Amount, cost.Unit, cost.PriceListId).ShouldBe((120m, 360m, "Night", (Guid?)null));
        (sales.UnitPrice, sales.Amount).ShouldBe((132m, 396m));
        Should.Throw<ValidationFailedException>(() => DetailPricing.Price(facts with { UnitCost = null }, Pricing(List(PriceListContext.Sales, "S", 1m)), "", New))
            .Errors.Single().Field.ShouldBe("unitCost");
    }

    [Fact]
    public void The_billing_type_comes_from_the_entry_then_the_lines_role_then_the_role()
    {
        var line = new QuoteLine { Name = "CRM" };
        DetailPricing.BillingType(null, line, ProjectManager, null).ShouldBe(BillingType.Chargeable);
        line.Roles.Add(new QuoteLineRole { RoleId = ProjectManager.Id, BillingType = BillingType.NonChargeable });
        DetailPricing.BillingType(null, line, ProjectManager, null).ShouldBe(BillingType.NonChargeable);
        DetailPricing.BillingType(BillingType.Complimentary, line, ProjectManager, null).ShouldBe(BillingType.Complimentary);

        var rules = new Rules();
        DetailPricing.CheckLineTakes(rules, "", new QuoteLine { Name = "CRM", IncludeTime = false }, TransactionClass.Time, ProjectManager, null);
        rules.Errors.Single().ShouldBe(new FieldError("transactionClass", "Line 'CRM' does not include Time; include it on the line or estimate it on another."));
    }

    [Fact]
    public void Material_and_milestones_are_not_estimated()
    {
        var facts = Time(1m, new(2018, 2, 1)) with { TransactionClass = TransactionClass.Material };
        Should.Throw<ValidationFailedException>(() => DetailPricing.Price(facts, Pricing(List(PriceListContext.Sales, "S", 1m)), "", New))
            .Errors.Single().Field.ShouldBe("transactionClass");
    }
}
