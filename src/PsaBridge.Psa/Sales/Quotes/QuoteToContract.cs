using PsaBridge.Infrastructure.Storage;
using PsaBridge.Psa.Pricing;
using PsaBridge.Psa.Sales.Contracts;
using PsaBridge.Psa.Sales.Estimates;

namespace PsaBridge.Psa.Sales.Quotes;

/// <summary>What closing a quote as won writes: the contract with its lines, copies of the quote's price lists, and the line details.</summary>
public sealed record ContractFromQuote(ProjectContract Contract, IReadOnlyList<PriceList> Copies, IReadOnlyList<ContractLineDetail> Details);

/// <summary>
/// The project contract a won quote becomes, as plain objects: the header, the lines with their inclusions, own
/// price lists, milestones and invoice schedules, and every detail pair, each contract line detail pointing at the
/// quote line detail it came from, and the sales ones at their cost twins. The contract gets copies of the quote's
/// price lists (as Project Service copies them), and its details price on those copies.
/// </summary>
public static class QuoteToContract
{
    public static ContractFromQuote Make(Quote quote, IReadOnlyList<PriceList> lists, IReadOnlyList<QuoteLineDetail> details, DateTime now)
    {
        var contract = new ProjectContract
        {
            Id = Ids.New(), Name = quote.Name, OrderType = quote.OrderType, CustomerId = quote.CustomerId, ContractingUnitId = quote.ContractingUnitId,
            Currency = quote.Currency, AccountManagerId = quote.AccountManagerId, OpportunityId = quote.OpportunityId, QuoteId = quote.Id, CreatedOn = now,
        };
        contract.Rollup.CopyFrom(quote.Rollup);
        var copies = lists.ToDictionary(l => l.Id, l => SalesPriceLists.Copy(l, $"{l.Name} ({quote.Name})", now));
        contract.PriceLists.AddRange(quote.PriceLists.Select(p => new ContractPriceList { ContractId = contract.Id, PriceListId = copies[p.PriceListId].Id }));

        var lines = new Dictionary<Guid, ContractLine>();
        foreach (var q in quote.Lines.OrderBy(l => l.LineNumber))
        {
            var line = new ContractLine
            {
                Id = Ids.New(), ContractId = contract.Id, QuoteLineId = q.Id, Name = q.Name, BillingMethod = q.BillingMethod, ProjectId = q.ProjectId,
                BudgetAmount = q.BudgetAmount, Amount = q.Amount, InvoiceFrequencyId = q.InvoiceFrequencyId, BillingStartDate = q.BillingStartDate,
                RequestedDeliveryDate = q.RequestedDeliveryDate, IncludeTime = q.IncludeTime, IncludeExpense = q.IncludeExpense, IncludeFee = q.IncludeFee,
                IncludeMaterial = q.IncludeMaterial,
            };
            line.Rollup.CopyFrom(q.Rollup);
            line.Roles.AddRange(q.Roles.Select(r => new ContractLineRole { ContractLineId = line.Id, RoleId = r.RoleId, BillingType = r.BillingType }));
            line.Categories.AddRange(q.Categories.Select(c => new ContractLineCategory
                { ContractLineId = line.Id, TransactionCategoryId = c.TransactionCategoryId, BillingType = c.BillingType }));
            line.PriceLists.AddRange(q.PriceLists.Select(p => new ContractLinePriceList { ContractLineId = line.Id, PriceListId = copies[p.PriceListId].Id }));
            line.Milestones.AddRange(q.Milestones.OrderBy(m => m.InvoiceDate).Select(m => new ContractMilestone
            {
                Id = Ids.New(), ContractId = contract.Id, ContractLineId = line.Id, Name = m.Name, InvoiceDate = m.InvoiceDate, Amount = m.Amount, InvoiceStatus = m.InvoiceStatus,
            }));
            line.InvoiceSchedule.AddRange(q.InvoiceSchedule.OrderBy(s => s.InvoiceRunDate).Select(s => new ContractLineInvoiceSchedule
            {
                Id = Ids.New(), ContractId = contract.Id, ContractLineId = line.Id, InvoiceRunDate = s.InvoiceRunDate, TransactionCutoffDate = s.TransactionCutoffDate,
            }));
            contract.Lines.Add(line);
            lines.Add(q.Id, line);
        }

        var ids = details.ToDictionary(d => d.Id, _ => Ids.New());
        var contractDetails = details.Select(d =>
        {
            var c = new ContractLineDetail { Id = ids[d.Id], Currency = d.Currency, QuoteLineDetailId = d.Id };
            c.CopyEstimate(d);
            c.ContractId = contract.Id;
            c.ContractLineId = lines[d.QuoteLineId].Id;
            c.OriginId = d.OriginId is { } origin ? ids[origin] : null;
            c.PriceListId = d.PriceListId is { } list && copies.TryGetValue(list, out var copy) ? copy.Id : d.PriceListId;
            return c;
        }).ToList();
        return new ContractFromQuote(contract, copies.Values.ToList(), contractDetails);
    }
}
