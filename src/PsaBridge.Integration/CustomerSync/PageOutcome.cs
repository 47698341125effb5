using PsaBridge.Finance.Customers;
using PsaBridge.Finance.IntegrationLog;

namespace PsaBridge.Integration.CustomerSync;

/// <summary>What a page adds to its run's header counts.</summary>
public readonly record struct PageCounts(int Read, int Created, int Updated, int Unchanged, int Failed, int ZipCodesCreated)
{
    public void AddTo(IntegrationLogHeader h, int sign = 1)
    {
        h.ReadCount += sign * Read;
        h.CreatedCount += sign * Created;
        h.UpdatedCount += sign * Updated;
        h.UnchangedCount += sign * Unchanged;
        h.FailedCount += sign * Failed;
        h.ZipCodesCreatedCount += sign * ZipCodesCreated;
    }
}

/// <summary>
/// An account whose attempt failed, validated against setup version <see cref="SetupVersion"/>; <see cref="RecordedBefore"/>
/// when its failure is recorded already (this is one more attempt).
/// </summary>
public sealed record FailedAttempt(Guid PsaAccountId, long PsaVersion, string Messages, long SetupVersion, bool RecordedBefore);

/// <summary>
/// What one page writes into the target, in one unit of work: customers new and changed, zip codes created, a log line
/// an account, the failures recorded and cleared; and what it counts.
/// </summary>
public sealed class PageOutcome
{
    public List<Customer> Created { get; } = [];
    public List<Customer> Updated { get; } = [];
    public List<NewZipCode> ZipCodes { get; } = [];
    public List<IntegrationLogLine> Lines { get; } = [];
    public List<FailedAttempt> Failures { get; } = [];
    public List<Guid> Cleared { get; } = [];
    public PageCounts Counts { get; private set; }

    // What a write needs to be numbered or refused after the plan: its plan, its line, and the notes of its line.
    private readonly Dictionary<Customer, (AccountPlan Plan, IntegrationLogLine Line, string? Note, string? Zip)> _writes = new(ReferenceEqualityComparer.Instance);
    private IReadOnlySet<Guid> _failedBefore = new HashSet<Guid>();
    private long _setupVersion;

    /// <summary>
    /// The page's lines and writes from its plans (numbers given), as plain code. <paramref name="failedBefore"/>: the page's
    /// accounts whose last attempt failed; <paramref name="firstLine"/>: the run's line number of the page's first account.
    /// </summary>
    public static PageOutcome Of(IReadOnlyList<AccountPlan> plans, Guid headerId, int firstLine, DateTime now, string customerGroup,
        IReadOnlySet<Guid> failedBefore, FinanceReference reference, long setupVersion)
    {
        var outcome = new PageOutcome { _failedBefore = failedBefore, _setupVersion = setupVersion };
        int created = 0, updated = 0, unchanged = 0, failed = 0, zips = 0;
        var createdZips = new HashSet<NewZipCode>();
        var lineNumber = firstLine;
        foreach (var p in plans)
        {
            var m = p.Mapping;
            var line = new IntegrationLogLine
            {
                HeaderId = headerId,
                LineNumber = lineNumber++,
                PsaAccountId = m.Account.Id,
                PsaVersion = m.Account.Version,
                AccountName = LogText.Fit(m.Account.Name, 200),
                AccountNumber = m.Account.AccountNumber is { } an ? LogText.Fit(an, 100) : null,
                CustomerAccount = p.CustomerAccount,
            };
            if (p.Fails)
            {
                line.Status = IntegrationStatus.Error;
                line.Action = SyncAction.None;
                line.Messages = LogText.Printable(string.Join('\n', p.Errors));
                failed++;
                outcome.Failures.Add(new FailedAttempt(m.Account.Id, m.Account.Version, line.Messages, setupVersion, failedBefore.Contains(m.Account.Id)));
            }
            else
            {
                line.Status = IntegrationStatus.Completed;
                // No number yet when the target's number sequence gives it as the customer is written (Numbered).
                var customer = ToCustomer(m, p.CustomerAccount ?? "", p.Existing, now, customerGroup);
                string outcomeText;
                if (p.Existing is null)
                {
                    line.Action = SyncAction.Created;
                    created++;
                    outcomeText = $"Customer {customer.CustomerAccount} created.";
                    outcome.Created.Add(customer);
                }
                else if (m.SameAs(p.Existing, customerGroup))
                {
                    line.Action = SyncAction.Unchanged;
                    unchanged++;
                    outcomeText = $"Customer {customer.CustomerAccount} unchanged.";
                }
                else
                {
                    line.Action = SyncAction.Updated;
                    updated++;
                    outcomeText = $"Customer {customer.CustomerAccount} updated.";
                    outcome.Updated.Add(customer);
                }
                string? zipCreated = null;
                if (m.ZipToCreate is { } zip && createdZips.Add(zip) && !reference.ZipExists(zip.CountryId, zip.Code, zip.StateId, zip.City))
                {
                    line.ZipCodeCreated = true;
                    zips++;
                    zipCreated = $"Zip code {zip.Code} created for {zip.City}, {zip.StateId}, {zip.CountryId}.";
                    outcome.ZipCodes.Add(zip);
                }
                // The outcome first, then the account-number note and the zip code created, one a line.
                line.Messages = LogText.Printable(CustomerRules.JoinLines(outcomeText, p.Note, zipCreated)!);
                if (line.Action != SyncAction.Unchanged) outcome._writes[customer] = (p, line, p.Note, zipCreated);
                if (failedBefore.Contains(m.Account.Id)) outcome.Cleared.Add(m.Account.Id);
            }
            outcome.Lines.Add(line);
        }
        outcome.Counts = new PageCounts(plans.Count, created, updated, unchanged, failed, zips);
        return outcome;
    }

    /// <summary>The target's number sequence gave a created customer its account: the customer, its plan and its line take it.</summary>
    public void Numbered(Customer customer, string number)
    {
        var (plan, line, note, zip) = _writes[customer];
        customer.CustomerAccount = plan.CustomerAccount = line.CustomerAccount = number;
        line.Messages = LogText.Printable(CustomerRules.JoinLines($"Customer {number} created.", note, zip)!);
    }

    /// <summary>
    /// The target refused a customer's write: its account fails with the target's reasons, as if a rule had failed, and the
    /// page's counts (and the header's, which hold them already) move from created or updated to failed.
    /// </summary>
    public void Refused(Customer customer, string reasons, IntegrationLogHeader header)
    {
        var (plan, line, _, _) = _writes[customer];
        var created = Created.Remove(customer);
        if (!created) Updated.Remove(customer);
        plan.Refuse(reasons);
        line.Status = IntegrationStatus.Error;
        line.Action = SyncAction.None;
        if (created && customer.CustomerAccount.Length == 0) line.CustomerAccount = null;
        line.Messages = LogText.Printable(reasons);
        var id = customer.PsaAccountId!.Value;
        Cleared.Remove(id);
        Failures.Add(new FailedAttempt(id, plan.Mapping.Account.Version, line.Messages, _setupVersion, _failedBefore.Contains(id)));
        var before = Counts;
        Counts = Counts with { Created = Counts.Created - (created ? 1 : 0), Updated = Counts.Updated - (created ? 0 : 1), Failed = Counts.Failed + 1 };
        (Counts with { Read = 0, ZipCodesCreated = 0 }).AddTo(header);
        (before with { Read = 0, ZipCodesCreated = 0 }).AddTo(header, -1);
    }

    private static Customer ToCustomer(CustomerMapping m, string customerAccount, Customer? existing, DateTime now, string customerGroup) => new()
    {
        CustomerAccount = customerAccount,
        Name = m.Name,
        RelationType = RelationType.Organization,
        CustomerGroupId = customerGroup,
        Currency = m.Currency,
        PaymentTerms = m.PaymentTerms,
        CreditLimit = m.CreditLimit,
        Phone = m.Phone,
        Email = m.Email,
        Address = m.Address,
        PsaAccountId = m.Account.Id,
        CreatedAt = existing?.CreatedAt ?? now,
        ModifiedAt = now,
    };
}
