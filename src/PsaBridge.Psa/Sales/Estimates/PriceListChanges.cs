using Microsoft.EntityFrameworkCore;
using PsaBridge.Infrastructure.Storage;
using PsaBridge.Infrastructure.Validation;
using PsaBridge.Psa.OrganizationalUnits;
using PsaBridge.Psa.Pricing;
using PsaBridge.Psa.Resources;
using PsaBridge.Psa.Sales.Contracts;
using PsaBridge.Psa.Sales.Quotes;

namespace PsaBridge.Psa.Sales.Estimates;

public sealed record RolePriceChange(decimal? Price, Guid? OrganizationalUnitId = null);

/// <summary>What a changed role price touched: the open quotes and draft contracts priced again.</summary>
public sealed record PriceListChange(Guid PriceListId, Guid RoleId, decimal Price, IReadOnlyList<Guid> QuotesRepriced, IReadOnlyList<Guid> ContractsRepriced);

/// <summary>
/// Changing a price of a price list (a deal's custom pricing, or any list): in the same transaction every open quote
/// and draft contract priced on it is priced again and its rollups recomputed. Won quotes and confirmed contracts
/// keep their prices (a contract got its own copy of the list when its quote was won).
/// </summary>
public sealed class PriceListChanges(PsaDb db, QuoteStore quotes, ContractStore contracts)
{
    public async Task<PriceListChange> SetRolePriceAsync(Guid priceListId, Guid roleId, RolePriceChange input, CancellationToken ct = default)
    {
        var rules = new Rules().RequiredValue("price", input.Price).NotNegative("price", input.Price);
        await rules.ExistAsync<OrganizationalUnit>(db, "organizationalUnitId", input.OrganizationalUnitId, "Organizational unit", ct);
        rules.ThrowIfAny();
        var list = await db.Set<PriceList>().Include(p => p.RolePrices).SingleOrDefaultAsync(p => p.Id == priceListId, ct)
                   ?? throw new NotFoundException("Price list", priceListId.ToString());
        if (!await db.Set<Role>().AnyAsync(r => r.Id == roleId, ct)) throw new NotFoundException("Role", roleId.ToString());

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var price = list.RolePrices.FirstOrDefault(r => r.RoleId == roleId && r.OrganizationalUnitId == input.OrganizationalUnitId);
        if (price is null)
            list.RolePrices.Add(price = new RolePrice { Id = Ids.New(), PriceListId = list.Id, RoleId = roleId, OrganizationalUnitId = input.OrganizationalUnitId });
        price.Price = input.Price!.Value;
        await db.SaveChangesAsync(ct);

        var quoteIds = await db.Set<Quote>()
            .Where(q => (q.StateCode == QuoteState.Draft || q.StateCode == QuoteState.Active)
                        && (q.PriceLists.Any(p => p.PriceListId == priceListId) || q.Lines.Any(l => l.PriceLists.Any(p => p.PriceListId == priceListId))))
            .Select(q => q.Id).ToListAsync(ct);
        foreach (var id in quoteIds)
        {
            var quote = await quotes.ForChangeAsync(id, ct);
            await quotes.Estimates.RepriceAsync<QuoteLineDetail>(quote, quote.Lines, ct);
            await quotes.SaveWithRollupsAsync(quote, ct);
        }
        var contractIds = await db.Set<ProjectContract>()
            .Where(c => c.PsaState == ContractState.Draft
                        && (c.PriceLists.Any(p => p.PriceListId == priceListId) || c.Lines.Any(l => l.PriceLists.Any(p => p.PriceListId == priceListId))))
            .Select(c => c.Id).ToListAsync(ct);
        foreach (var id in contractIds)
        {
            var contract = await contracts.ForChangeAsync(id, ct);
            await contracts.Estimates.RepriceAsync<ContractLineDetail>(contract, contract.Lines, ct);
            await contracts.SaveWithRollupsAsync(contract, ct);
        }
        await tx.CommitAsync(ct);
        return new PriceListChange(list.Id, roleId, price.Price, quoteIds, contractIds);
    }
}
