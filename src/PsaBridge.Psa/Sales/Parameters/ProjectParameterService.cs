using Microsoft.EntityFrameworkCore;
using PsaBridge.Infrastructure.Validation;
using PsaBridge.Psa.Sales.Estimates;
using PsaBridge.Psa.Sales.InvoiceFrequencies;

namespace PsaBridge.Psa.Sales.Parameters;

public sealed record ProjectParameterInput(Guid? InvoiceFrequencyId, List<Guid>? PriceListIds);

/// <summary>The PSA parameters: the default invoice frequency of new lines and the last default of a deal's sales price lists.</summary>
public sealed class ProjectParameterService(PsaDb db, TimeProvider clock)
{
    public async Task<ProjectParameter> GetAsync(CancellationToken ct = default) =>
        await db.Set<ProjectParameter>().AsNoTracking().Include(p => p.PriceLists).SingleAsync(ct);

    public async Task<ProjectParameter> UpdateAsync(ProjectParameterInput input, CancellationToken ct = default)
    {
        var rules = new Rules();
        await rules.ExistAsync<InvoiceFrequency>(db, "invoiceFrequencyId", input.InvoiceFrequencyId, "Invoice frequency", ct);
        var lists = await SalesPriceLists.CheckAsync(rules, db, "priceListIds", input.PriceListIds ?? [], null, ct);
        rules.ThrowIfAny();
        var parameter = await db.Set<ProjectParameter>().Include(p => p.PriceLists).SingleAsync(ct);
        parameter.InvoiceFrequencyId = input.InvoiceFrequencyId;
        parameter.ModifiedOn = clock.GetUtcNow().UtcDateTime;
        parameter.PriceLists.Clear();
        parameter.PriceLists.AddRange(lists.Select(l => new ProjectParameterPriceList { ProjectParameterId = parameter.Id, PriceListId = l.Id }));
        await db.SaveChangesAsync(ct);
        return parameter;
    }
}
