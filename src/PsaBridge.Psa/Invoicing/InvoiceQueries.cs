using Microsoft.EntityFrameworkCore;
using PsaBridge.Psa.Accounts;
using PsaBridge.Psa.Sales;

namespace PsaBridge.Psa.Invoicing;

/// <summary>An invoice as lists show it: its header with the names of its contract and customer, made in the query.</summary>
public sealed record InvoiceRow
{
    public Guid Id { get; init; }
    public string Name { get; init; } = "";
    public Guid ContractId { get; init; }
    public string Contract { get; init; } = "";
    public Guid CustomerId { get; init; }
    public string? Customer { get; init; }
    public DateOnly InvoiceDate { get; init; }
    public string Currency { get; init; } = "";
    public InvoiceStatus Status { get; init; }
    public decimal TotalAmount { get; init; }

    /// <summary>The invoice this one corrects; null for an invoice of new work.</summary>
    public Guid? OriginalInvoiceId { get; init; }

    public DateTime CreatedOn { get; init; }
    public DateTime? ConfirmedOn { get; init; }
}

/// <summary>Reads invoices for lists: one query, names joined, sorted and filtered further by the caller.</summary>
public sealed class InvoiceQueries(PsaDb db)
{
    public IQueryable<InvoiceRow> Rows() =>
        from i in db.Set<Invoice>().AsNoTracking()
        join c in db.Set<ProjectContract>() on i.ContractId equals c.Id
        from a in db.Set<Account>().Where(a => a.Id == i.CustomerId).DefaultIfEmpty()
        select new InvoiceRow
        {
            Id = i.Id, Name = i.Name, ContractId = i.ContractId, Contract = c.Name, CustomerId = i.CustomerId, Customer = a == null ? null : a.Name,
            InvoiceDate = i.InvoiceDate, Currency = i.Currency, Status = i.Status, TotalAmount = i.TotalAmount, OriginalInvoiceId = i.OriginalInvoiceId,
            CreatedOn = i.CreatedOn, ConfirmedOn = i.ConfirmedOn,
        };

    /// <summary>The corrections of an invoice, oldest first.</summary>
    public Task<List<InvoiceRow>> CorrectionsOfAsync(Guid invoiceId, CancellationToken ct) =>
        Rows().Where(r => r.OriginalInvoiceId == invoiceId).OrderBy(r => r.CreatedOn).ToListAsync(ct);
}
