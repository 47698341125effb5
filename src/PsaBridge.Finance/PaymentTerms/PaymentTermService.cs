using Microsoft.EntityFrameworkCore;
using PsaBridge.Infrastructure.Paging;
using PsaBridge.Infrastructure.Validation;

namespace PsaBridge.Finance.PaymentTerms;

public sealed record PaymentTermInput(string? Code, string? Description, int? NetDays);

public sealed class PaymentTermService(FinanceDb db)
{
    public Task<Page<PaymentTerm>> ListAsync(PageRequest page, CancellationToken ct = default) =>
        Query().OrderBy(t => t.NetDays).ThenBy(t => t.Code).ToPageAsync(page, ct);

    /// <summary>Every payment term, unordered, for a list that sorts, filters, pages and exports them itself.</summary>
    public IQueryable<PaymentTerm> Query() => db.PaymentTerms.AsNoTracking();

    public async Task<PaymentTerm> GetAsync(string code, CancellationToken ct = default) =>
        await db.PaymentTerms.AsNoTracking().SingleOrDefaultAsync(t => t.Code == code, ct)
        ?? throw new NotFoundException("Payment term", code);

    public async Task<PaymentTerm> CreateAsync(PaymentTermInput input, CancellationToken ct = default)
    {
        var rules = Validate(input, creating: true);
        var code = input.Code?.Trim() ?? "";
        if (rules.Ok && await db.PaymentTerms.AnyAsync(t => t.Code == code, ct)) rules.Add("code", $"Payment term '{code}' already exists.");
        rules.ThrowIfAny();
        var term = new PaymentTerm { Code = code, Description = input.Description!.Trim(), NetDays = input.NetDays ?? 0 };
        db.PaymentTerms.Add(term);
        await db.SaveChangesAsync(ct);
        return term;
    }

    public async Task<PaymentTerm> UpdateAsync(string code, PaymentTermInput input, CancellationToken ct = default)
    {
        var term = await db.PaymentTerms.SingleOrDefaultAsync(t => t.Code == code, ct) ?? throw new NotFoundException("Payment term", code);
        var rules = Validate(input, creating: false);
        if (input.Code is not null && input.Code != code) rules.Add("code", $"The code of payment term '{code}' cannot be changed.");
        rules.ThrowIfAny();
        if (input.Description is not null) term.Description = input.Description.Trim();
        if (input.NetDays is { } days) term.NetDays = days;
        await db.SaveChangesAsync(ct);
        return term;
    }

    public async Task DeleteAsync(string code, CancellationToken ct = default)
    {
        var term = await db.PaymentTerms.SingleOrDefaultAsync(t => t.Code == code, ct) ?? throw new NotFoundException("Payment term", code);
        var used = await db.Customers.CountAsync(c => c.PaymentTerms == code, ct);
        if (used > 0) throw new ConflictException($"Payment term '{code}' is used by {used} customers and cannot be deleted.");
        db.PaymentTerms.Remove(term);
        await db.SaveChangesAsync(ct);
    }

    private static Rules Validate(PaymentTermInput input, bool creating)
    {
        var rules = new Rules();
        if (creating) rules.Required("code", input.Code, PaymentTerm.CodeLength);
        if (creating || input.Description is not null) rules.Required("description", input.Description, PaymentTerm.DescriptionLength);
        rules.Range("netDays", input.NetDays, 0, 3650);
        return rules;
    }
}
