using PsaBridge.Infrastructure.Validation;
using PsaBridge.Psa.Actuals;

namespace PsaBridge.Psa.Pricing;

/// <summary>A price as a transaction is charged: the list it came from, its currency and the price per unit.</summary>
public sealed record PriceQuote(Guid? PriceListId, string Currency, decimal UnitPrice, string? Unit);

/// <summary>
/// Price resolution (reference/psa-data-model.md §3, "Price resolution"). The list is the one effective on
/// the transaction date; when none is, or more than one is, Project Service defaults no price, and here
/// the submission fails with a message saying so: a price is never a silent zero.
/// </summary>
public static class PriceResolution
{
    /// <summary>The one list effective on <paramref name="date"/>; <paramref name="description"/> says which lists were looked at.</summary>
    public static PriceList EffectiveList(IEnumerable<PriceList> lists, DateOnly date, string description, string field)
    {
        var effective = lists.Where(l => l.IsEffectiveOn(date)).OrderBy(l => l.Name, StringComparer.Ordinal).ToList();
        return effective.Count switch
        {
            1 => effective[0],
            0 => throw new ValidationFailedException(field,
                $"No {description} is effective on {date:yyyy-MM-dd}, so no price can be set: add a price list whose begin and end dates include {date:yyyy-MM-dd}."),
            _ => throw new ValidationFailedException(field,
                $"More than one {description} is effective on {date:yyyy-MM-dd} ({string.Join(", ", effective.Select(l => $"'{l.Name}'"))}); " +
                "exactly one must be, so end one of them before the other begins."),
        };
    }

    /// <summary>
    /// The role price for the role and resourcing unit: a price for exactly that unit first, else the
    /// role's price for any unit (the organizational-unit dimension dropped, as Project Service does).
    /// </summary>
    public static PriceQuote RolePrice(PriceList list, Guid roleId, string roleName, Guid? organizationalUnitId, string field)
    {
        var price = FindRolePrice(list, roleId, organizationalUnitId)
                    ?? throw new ValidationFailedException(field,
                        $"Price list '{list.Name}' has no price for role '{roleName}': add a role price for it (for all units or for this resource's unit).");
        return new PriceQuote(list.Id, list.Currency, price.Price, price.Unit);
    }

    /// <summary>The role price <see cref="RolePrice"/> charges, or null when the list has none for the role.</summary>
    public static RolePrice? FindRolePrice(PriceList list, Guid roleId, Guid? organizationalUnitId) =>
        list.RolePrices.FirstOrDefault(r => r.RoleId == roleId && organizationalUnitId is not null && r.OrganizationalUnitId == organizationalUnitId)
        ?? list.RolePrices.FirstOrDefault(r => r.RoleId == roleId && r.OrganizationalUnitId is null);

    /// <summary>The one list effective on the date, or null when none or more than one is (Project Service then defaults no price).</summary>
    public static PriceList? SingleEffectiveList(IEnumerable<PriceList> lists, DateOnly date)
    {
        var effective = lists.Where(l => l.IsEffectiveOn(date)).Take(2).ToList();
        return effective.Count == 1 ? effective[0] : null;
    }

    /// <summary>
    /// The sales price of an expense. Price per unit takes the list's price; At cost takes the cost
    /// price; Markup percentage adds the percent to the cost price. A category the list does not
    /// price sells at cost, as Project Service defaults the sales amount to the amount entered.
    /// </summary>
    public static PriceQuote ExpenseSalesPrice(PriceList list, Guid categoryId, decimal costPrice, string? unit)
    {
        var price = list.CategoryPrices.FirstOrDefault(c => c.TransactionCategoryId == categoryId);
        var unitPrice = price?.PriceCalculation switch
        {
            null or PriceCalculation.AtCost => costPrice,
            PriceCalculation.PricePerUnit => price.Price ?? 0m,
            PriceCalculation.MarkupPercentage => Math.Round(costPrice * (1m + (price.Percent ?? 0m) / 100m), 4, MidpointRounding.AwayFromZero),
            _ => throw new InvalidOperationException($"Unknown price calculation {price.PriceCalculation}."),
        };
        return new PriceQuote(list.Id, list.Currency, unitPrice, price?.Unit ?? unit);
    }

    /// <summary>
    /// The cost price of an expense: the amount entered, unless the effective cost list sets a price per
    /// unit for the category (mileage, per diem). Cost lists ignore At cost and Markup.
    /// </summary>
    public static PriceQuote ExpenseCostPrice(PriceList? costList, Guid categoryId, decimal enteredPrice, string currency, string? unit)
    {
        var price = costList?.CategoryPrices.FirstOrDefault(c => c.TransactionCategoryId == categoryId && c.PriceCalculation == PriceCalculation.PricePerUnit);
        return price is { Price: { } p }
            ? new PriceQuote(costList!.Id, costList.Currency, p, price.Unit ?? unit)
            : new PriceQuote(null, currency, enteredPrice, unit);
    }

    public static decimal Amount(decimal quantity, decimal unitPrice) => Money.Round(quantity * unitPrice);
}
