using Microsoft.EntityFrameworkCore;
using PsaBridge.Infrastructure.Validation;
using PsaBridge.Psa.Actuals;
using PsaBridge.Psa.OrganizationalUnits;
using PsaBridge.Psa.Pricing;
using PsaBridge.Psa.Resources;

namespace PsaBridge.Psa.Sales.Estimates;

/// <summary>
/// Reads what estimates refer to (roles, resources, transaction categories, organizational units) in one query
/// each, checks the inputs field by field, and turns each into the facts it is priced from. The role defaults
/// from the resource's default role, the resourcing unit from the resource's unit.
/// </summary>
public sealed class EstimateInputs
{
    public const decimal MaxQuantity = 1_000_000m;

    private readonly Dictionary<Guid, Role> _roles;
    private readonly Dictionary<Guid, BookableResource> _resources;
    private readonly Dictionary<Guid, TransactionCategory> _categories;
    private readonly HashSet<Guid> _units;

    private EstimateInputs(Dictionary<Guid, Role> roles, Dictionary<Guid, BookableResource> resources, Dictionary<Guid, TransactionCategory> categories, HashSet<Guid> units)
    {
        _roles = roles;
        _resources = resources;
        _categories = categories;
        _units = units;
    }

    public static async Task<EstimateInputs> ReadAsync(PsaDb db, IReadOnlyCollection<LineDetailInput?> inputs, CancellationToken ct)
    {
        var given = inputs.OfType<LineDetailInput>().ToList();
        var resourceIds = given.Where(i => i.ResourceId is not null).Select(i => i.ResourceId!.Value).Distinct().ToList();
        var resources = await db.Set<BookableResource>().AsNoTracking().Where(r => resourceIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);
        var roleIds = given.Select(i => i.RoleId).Concat(resources.Values.Select(r => r.DefaultRoleId)).OfType<Guid>().Distinct().ToList();
        var categoryIds = given.Select(i => i.TransactionCategoryId).OfType<Guid>().Distinct().ToList();
        var unitIds = given.Select(i => i.ResourceOrganizationalUnitId).OfType<Guid>().Distinct().ToList();
        return new EstimateInputs(
            await db.Set<Role>().AsNoTracking().Where(r => roleIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct),
            resources,
            await db.Set<TransactionCategory>().AsNoTracking().Where(c => categoryIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct),
            (await db.Set<OrganizationalUnit>().Where(u => unitIds.Contains(u.Id)).Select(u => u.Id).ToListAsync(ct)).ToHashSet());
    }

    /// <summary>The facts of one estimate for <paramref name="line"/>, or null with its errors added under <paramref name="prefix"/>.</summary>
    public EstimateFacts? Facts(Rules rules, string prefix, LineDetailInput? input, SalesLine line)
    {
        if (input is null)
        {
            rules.Add(prefix.TrimEnd('.'), $"'{prefix.TrimEnd('.')}' is empty.");
            return null;
        }
        var before = rules.Errors.Count;
        rules.RequiredValue(prefix + "transactionClass", input.TransactionClass).Defined(prefix + "transactionClass", input.TransactionClass)
            .RequiredValue(prefix + "quantity", input.Quantity).RequiredValue(prefix + "startDate", input.StartDate)
            .Defined(prefix + "billingType", input.BillingType).NotNegative(prefix + "unitCost", input.UnitCost)
            .MaxLength(prefix + "unit", input.Unit, BusinessTransaction.UnitLength)
            .MaxLength(prefix + "description", input.Description, BusinessTransaction.DescriptionLength);
        if (input.Quantity is { } q && (q <= 0 || q > MaxQuantity)) rules.Add(prefix + "quantity", $"'{prefix}quantity' is {q}; it must be more than 0 and at most {MaxQuantity}.");
        if (input.StartDate is { } s && input.EndDate is { } e && e < s) rules.Add(prefix + "endDate", $"End date {e:yyyy-MM-dd} is before start date {s:yyyy-MM-dd}.");
        BookableResource? resource = null;
        if (input.ResourceId is { } rid && !_resources.TryGetValue(rid, out resource)) rules.Add(prefix + "resourceId", $"Resource '{rid}' does not exist.");
        Role? role = null;
        if (input.RoleId is { } roleId && !_roles.TryGetValue(roleId, out role)) rules.Add(prefix + "roleId", $"Role '{roleId}' does not exist.");
        if (input.RoleId is null && resource?.DefaultRoleId is { } defaultRole) role = _roles[defaultRole];
        TransactionCategory? category = null;
        if (input.TransactionCategoryId is { } cid && !_categories.TryGetValue(cid, out category)) rules.Add(prefix + "transactionCategoryId", $"Transaction category '{cid}' does not exist.");
        if (input.ResourceOrganizationalUnitId is { } uid && !_units.Contains(uid)) rules.Add(prefix + "resourceOrganizationalUnitId", $"Organizational unit '{uid}' does not exist.");
        if (input.TransactionClass is { } cls && Enum.IsDefined(cls)) DetailPricing.CheckLineTakes(rules, prefix, line, cls, role, category);
        if (rules.Errors.Count > before) return null;

        var start = input.StartDate!.Value;
        return new EstimateFacts(input.TransactionClass!.Value, input.Quantity!.Value, start, input.EndDate ?? start,
            DetailPricing.BillingType(input.BillingType, line, role, category), role, resource?.Id,
            input.ResourceOrganizationalUnitId ?? resource?.OrganizationalUnitId, category, InputRules.Clean(input.Unit), input.UnitCost,
            InputRules.Clean(input.Description));
    }
}
