using PsaBridge.Infrastructure.Validation;
using PsaBridge.Psa.Pricing;

namespace PsaBridge.Psa.Tests.Pricing;

public sealed class PriceResolutionTests
{
    private static readonly Guid ProjectManager = Guid.NewGuid(), Developer = Guid.NewGuid(), Seattle = Guid.NewGuid(), London = Guid.NewGuid();

    private static PriceList List(string name, string? begin, string? end, params RolePrice[] prices) => new()
    {
        Id = Guid.NewGuid(), Name = name, Context = PriceListContext.Cost, Currency = "USD",
        BeginDate = begin is null ? null : DateOnly.Parse(begin), EndDate = end is null ? null : DateOnly.Parse(end), RolePrices = [.. prices],
    };

    private static RolePrice Price(Guid role, decimal price, Guid? unit = null) => new() { Id = Guid.NewGuid(), RoleId = role, Price = price, OrganizationalUnitId = unit };

    [Theory]
    [InlineData("2018-01-01")]
    [InlineData("2018-06-15")]
    [InlineData("2018-12-31")]
    public void A_list_is_effective_from_its_begin_to_its_end_date_inclusive(string date)
    {
        var list = List("2018", "2018-01-01", "2018-12-31");
        PriceResolution.EffectiveList([list, List("2019", "2019-01-01", null)], DateOnly.Parse(date), "cost price list", "date").ShouldBeSameAs(list);
    }

    [Fact]
    public void An_open_ended_list_is_effective_forever()
    {
        var list = List("open", null, null);
        PriceResolution.EffectiveList([list], new DateOnly(2031, 1, 1), "cost price list", "date").ShouldBeSameAs(list);
    }

    [Fact]
    public void No_effective_list_is_an_error_naming_the_date_never_a_zero_price()
    {
        var e = Should.Throw<ValidationFailedException>(() =>
            PriceResolution.EffectiveList([List("2018", "2018-01-01", "2018-12-31")], new DateOnly(2017, 12, 31), "sales price list of contract 'Alpine CRM'", "date"));
        e.Errors.ShouldHaveSingleItem().ShouldBe(new FieldError("date",
            "No sales price list of contract 'Alpine CRM' is effective on 2017-12-31, so no price can be set: add a price list whose begin and end dates include 2017-12-31."));
    }

    [Fact]
    public void Two_effective_lists_are_an_error_naming_both()
    {
        var e = Should.Throw<ValidationFailedException>(() =>
            PriceResolution.EffectiveList([List("B", "2018-01-01", null), List("A", null, "2018-03-31")], new DateOnly(2018, 2, 3), "cost price list", "date"));
        e.Errors.Single().Message.ShouldBe("More than one cost price list is effective on 2018-02-03 ('A', 'B'); exactly one must be, so end one of them before the other begins.");
    }

    [Fact]
    public void A_role_price_for_the_resourcing_unit_wins_over_the_price_for_all_units()
    {
        var list = List("cost", null, null, Price(ProjectManager, 50m), Price(ProjectManager, 65m, London));
        PriceResolution.RolePrice(list, ProjectManager, "Project Manager", London, "roleId").UnitPrice.ShouldBe(65m);
        PriceResolution.RolePrice(list, ProjectManager, "Project Manager", Seattle, "roleId").UnitPrice.ShouldBe(50m);
        PriceResolution.RolePrice(list, ProjectManager, "Project Manager", null, "roleId")
            .ShouldBe(new PriceQuote(list.Id, "USD", 50m, "Hour"));
    }

    [Fact]
    public void A_role_without_a_price_is_an_error()
    {
        var list = List("Contoso cost", null, null, Price(ProjectManager, 50m), Price(Developer, 40m, London));
        Should.Throw<ValidationFailedException>(() => PriceResolution.RolePrice(list, Developer, "Developer", Seattle, "roleId"))
            .Errors.Single().ShouldBe(new FieldError("roleId",
                "Price list 'Contoso cost' has no price for role 'Developer': add a role price for it (for all units or for this resource's unit)."));
    }

    [Theory]
    [InlineData(PriceCalculation.AtCost, null, null, 189.50)]
    [InlineData(PriceCalculation.MarkupPercentage, null, 15.0, 217.925)]
    [InlineData(PriceCalculation.PricePerUnit, 150.0, null, 150.00)]
    public void An_expense_sells_per_its_category_price(PriceCalculation calculation, double? price, double? percent, double expected)
    {
        var category = Guid.NewGuid();
        var list = List("sales", null, null);
        list.CategoryPrices.Add(new TransactionCategoryPrice
        {
            TransactionCategoryId = category, PriceCalculation = calculation, Price = (decimal?)price, Percent = (decimal?)percent,
        });
        PriceResolution.ExpenseSalesPrice(list, category, 189.50m, "Night").UnitPrice.ShouldBe((decimal)expected);
    }

    [Fact]
    public void An_expense_category_the_sales_list_does_not_price_sells_at_cost()
    {
        PriceResolution.ExpenseSalesPrice(List("sales", null, null), Guid.NewGuid(), 42.10m, null).UnitPrice.ShouldBe(42.10m);
    }

    [Fact]
    public void Expense_cost_is_the_price_entered_unless_the_cost_list_prices_the_category_per_unit()
    {
        var mileage = Guid.NewGuid();
        var cost = List("cost", null, null);
        cost.CategoryPrices.Add(new TransactionCategoryPrice { TransactionCategoryId = mileage, PriceCalculation = PriceCalculation.PricePerUnit, Price = 0.545m });
        PriceResolution.ExpenseCostPrice(cost, mileage, 0.60m, "USD", "Mile").ShouldBe(new PriceQuote(cost.Id, "USD", 0.545m, "Mile"));
        PriceResolution.ExpenseCostPrice(cost, Guid.NewGuid(), 120m, "EUR", null).ShouldBe(new PriceQuote(null, "EUR", 120m, null));
        PriceResolution.ExpenseCostPrice(null, mileage, 0.60m, "USD", "Mile").UnitPrice.ShouldBe(0.60m);
    }

    [Theory]
    [InlineData(8, 100, 800)]
    [InlineData(0.3333, 100, 33.33)]
    [InlineData(1, 0.125, 0.13)]
    [InlineData(-8, 100, -800)]
    [InlineData(1, -0.125, -0.13)]
    public void Amounts_are_rounded_to_cents_half_away_from_zero(double quantity, double price, double amount) =>
        PriceResolution.Amount((decimal)quantity, (decimal)price).ShouldBe((decimal)amount);
}
