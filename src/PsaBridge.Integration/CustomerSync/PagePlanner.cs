using PsaBridge.Finance.Customers;
using PsaBridge.Integration.Sources;

namespace PsaBridge.Integration.CustomerSync;

/// <summary>The customer holding an account number: its name and the PSA account it came from (none if made in finance).</summary>
public sealed record CustomerHolder(string Name, Guid? PsaAccountId);

/// <summary>What the page does with one account: its errors (the mapping's and the page's own) and a note for its log line.</summary>
public sealed class AccountPlan(CustomerMapping mapping, Customer? existing, string? customerAccount, IReadOnlyList<string> errors, string? note)
{
    public CustomerMapping Mapping { get; } = mapping;
    /// <summary>The customer made from this account before; null when the account creates one.</summary>
    public Customer? Existing { get; } = existing;
    /// <summary>The customer account it keeps or claims; null until the number sequence gives one.</summary>
    public string? CustomerAccount { get; set; } = customerAccount;
    private readonly List<string> _errors = [.. errors];
    public IReadOnlyList<string> Errors => _errors;
    public string? Note { get; } = note;

    /// <summary>The target refused the write the plan made: the account fails with its reasons.</summary>
    public void Refuse(string reason) => _errors.Add(reason);

    public bool Fails => Errors.Count > 0;
    public bool NeedsNumber => !Fails && CustomerAccount is null;
}

/// <summary>A page's plans in page order, and the account numbers its accounts hold or claim (number → the account).</summary>
public sealed record PagePlan(List<AccountPlan> Accounts, Dictionary<string, PsaAccountRecord> Claimed)
{
    public List<AccountPlan> NeedingNumbers => Accounts.Where(p => p.NeedsNumber).ToList();
}

/// <summary>
/// The sync's decisions for one page, as plain code over what finance held for it: which account creates a customer,
/// updates its customer or fails, and which customer account each keeps, claims or takes from the number sequence.
/// </summary>
public static class PagePlanner
{
    /// <param name="byPsaId">The customers made from the page's accounts before.</param>
    /// <param name="byNumber">The customers holding the page's account numbers, compared ignoring case.</param>
    public static PagePlan Plan(IReadOnlyList<CustomerMapping> mappings, IReadOnlyDictionary<Guid, Customer> byPsaId, IReadOnlyDictionary<string, CustomerHolder> byNumber)
    {
        var plans = new List<AccountPlan>(mappings.Count);
        var claimed = new Dictionary<string, PsaAccountRecord>(mappings.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var m in mappings)
        {
            string? collision = null, note = null;
            byPsaId.TryGetValue(m.Account.Id, out var existing);
            var customerAccount = existing?.CustomerAccount;
            if (existing is null && m.AccountNumber is { } number)
            {
                if (byNumber.TryGetValue(number, out var owner) && owner.PsaAccountId != m.Account.Id)
                    collision = owner.PsaAccountId is { } other
                        ? $"Account number: '{number}' is already the customer account of '{owner.Name}', synchronized from PSA account {other}; nothing was overwritten."
                        : $"Account number: '{number}' is already the customer account of '{owner.Name}', which was not created from PSA; nothing was overwritten.";
                else if (claimed.TryGetValue(number, out var first) && first.Id != m.Account.Id)
                    collision = $"Account number: '{number}' is already the customer account of '{first.Name}', created from PSA account {first.Id} in this run; nothing was overwritten.";
                else
                {
                    // Only an account that will be created holds its number against later ones in the page.
                    if (m.Valid) claimed[number] = m.Account;
                    customerAccount = number;
                }
            }
            else if (existing is not null && m.AccountNumber is { } changed && !changed.Equals(existing.CustomerAccount, StringComparison.OrdinalIgnoreCase))
                note = $"Account number: '{changed}' differs from customer account '{existing.CustomerAccount}'; a customer account is never renamed, so '{existing.CustomerAccount}' was kept.";
            plans.Add(new AccountPlan(m, existing, customerAccount, collision is null ? m.Errors : [.. m.Errors, collision], note));
        }
        return new PagePlan(plans, claimed);
    }

    /// <summary>
    /// Gives the waiting plans, in order, the numbers of a block the sequence gave, skipping any number a customer already
    /// holds (<paramref name="taken"/>, typed in PSA or made by hand in finance) or an account of the page claims: a number is
    /// never reused. The plans left waiting need another block.
    /// </summary>
    public static void Number(Queue<AccountPlan> waiting, IEnumerable<string> block, IReadOnlySet<string> taken, Dictionary<string, PsaAccountRecord> claimed)
    {
        foreach (var candidate in block)
        {
            if (waiting.Count == 0) return;
            if (taken.Contains(candidate) || claimed.ContainsKey(candidate)) continue;
            var plan = waiting.Dequeue();
            plan.CustomerAccount = candidate;
            claimed[candidate] = plan.Mapping.Account;
        }
    }
}
