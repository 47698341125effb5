using Microsoft.EntityFrameworkCore;
using PsaBridge.Infrastructure.Paging;
using PsaBridge.Infrastructure.Validation;

namespace PsaBridge.Finance.CustomerGroups;

public sealed record CustomerGroupInput(string? Id, string? Description, string? DefaultPaymentTerms);

public sealed class CustomerGroupService(FinanceDb db)
{
    public Task<Page<CustomerGroup>> ListAsync(PageRequest page, CancellationToken ct = default) =>
        db.CustomerGroups.AsNoTracking().OrderBy(g => g.Id).ToPageAsync(page, ct);

    public async Task<CustomerGroup> GetAsync(string id, CancellationToken ct = default) =>
        await db.CustomerGroups.AsNoTracking().SingleOrDefaultAsync(g => g.Id == id, ct)
        ?? throw new NotFoundException("Customer group", id);

    public async Task<CustomerGroup> CreateAsync(CustomerGroupInput input, CancellationToken ct = default)
    {
        var rules = new Rules().Required("id", input.Id, CustomerGroup.IdLength);
        rules.Required("description", input.Description, CustomerGroup.DescriptionLength);
        await CheckTermsAsync(input.DefaultPaymentTerms, rules, ct);
        var id = input.Id?.Trim() ?? "";
        if (rules.Ok && await db.CustomerGroups.AnyAsync(g => g.Id == id, ct)) rules.Add("id", $"Customer group '{id}' already exists.");
        rules.ThrowIfAny();
        var group = new CustomerGroup { Id = id, Description = input.Description!.Trim(), DefaultPaymentTerms = Blank(input.DefaultPaymentTerms) };
        db.CustomerGroups.Add(group);
        await db.SaveChangesAsync(ct);
        return group;
    }

    public async Task<CustomerGroup> UpdateAsync(string id, CustomerGroupInput input, CancellationToken ct = default)
    {
        var group = await db.CustomerGroups.SingleOrDefaultAsync(g => g.Id == id, ct) ?? throw new NotFoundException("Customer group", id);
        var rules = new Rules();
        if (input.Id is not null && input.Id != id) rules.Add("id", $"The id of customer group '{id}' cannot be changed.");
        if (input.Description is not null) rules.Required("description", input.Description, CustomerGroup.DescriptionLength);
        await CheckTermsAsync(input.DefaultPaymentTerms, rules, ct);
        rules.ThrowIfAny();
        if (input.Description is not null) group.Description = input.Description.Trim();
        if (input.DefaultPaymentTerms is not null) group.DefaultPaymentTerms = Blank(input.DefaultPaymentTerms);
        await db.SaveChangesAsync(ct);
        return group;
    }

    public async Task DeleteAsync(string id, CancellationToken ct = default)
    {
        var group = await db.CustomerGroups.SingleOrDefaultAsync(g => g.Id == id, ct) ?? throw new NotFoundException("Customer group", id);
        var used = await db.Customers.CountAsync(c => c.CustomerGroupId == id, ct);
        if (used > 0) throw new ConflictException($"Customer group '{id}' has {used} customers and cannot be deleted.");
        db.CustomerGroups.Remove(group);
        await db.SaveChangesAsync(ct);
    }

    private async Task CheckTermsAsync(string? terms, Rules rules, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(terms)) return;
        if (!await db.PaymentTerms.AnyAsync(t => t.Code == terms.Trim(), ct))
            rules.Add("defaultPaymentTerms", $"Payment term '{terms}' does not exist.");
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
