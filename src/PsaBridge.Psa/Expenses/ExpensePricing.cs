using PsaBridge.Infrastructure.Validation;
using PsaBridge.Psa.Actuals;
using PsaBridge.Psa.Journals;
using PsaBridge.Psa.Pricing;

namespace PsaBridge.Psa.Expenses;

/// <summary>
/// Prices an expense on submission: cost is the price entered (or the cost list's price per unit for
/// the category); sales follow the category price on the effective sales price list: price per unit,
/// at cost, or cost plus a markup percentage.
/// </summary>
public static class ExpensePricing
{
    public static Journal Submit(Posting posting, ExpenseEntry expense, TransactionCategory category, PricingInputs inputs, DateTime now)
    {
        var effectiveCost = inputs.CostPriceLists.Where(l => l.IsEffectiveOn(expense.TransactionDate)).ToList();
        var costList = effectiveCost.Count > 1
            ? PriceResolution.EffectiveList(effectiveCost, expense.TransactionDate, inputs.CostDescription, "transactionDate")
            : effectiveCost.SingleOrDefault();
        var cost = PriceResolution.ExpenseCostPrice(costList, category.Id, expense.Price, expense.Currency, expense.Unit ?? category.DefaultUnit);
        PriceQuote? sales = null;
        if (inputs.Sales.PostsUnbilledSales)
        {
            var salesList = PriceResolution.EffectiveList(inputs.SalesPriceLists, expense.TransactionDate, inputs.SalesDescription, "transactionDate");
            var categoryPrice = salesList.CategoryPrices.FirstOrDefault(c => c.TransactionCategoryId == category.Id);
            if (categoryPrice?.PriceCalculation != PriceCalculation.PricePerUnit && cost.Currency != salesList.Currency)
                throw new ValidationFailedException("currency",
                    $"The expense is in '{cost.Currency}' but sales price list '{salesList.Name}' is in '{salesList.Currency}'; " +
                    "pricing at cost or with a markup needs the same currency, as no exchange rates are kept.");
            sales = PriceResolution.ExpenseSalesPrice(salesList, category.Id, cost.UnitPrice, cost.Unit);
        }
        var facts = new EntryFacts(expense.Id, TransactionTypes.Expense, TransactionClass.Expense, expense.TransactionDate, expense.Quantity,
            category.BillingType, expense.ProjectId, inputs.ContractingUnitId, expense.TaskId, expense.ResourceId, null, null, category.Id, expense.Description);
        return PostingRules.Journalize(posting, facts, inputs.Sales, cost, sales, now);
    }
}
