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

    /// <summary>
    /// The page's lines and writes from its plans (numbers given), as plain code. <paramref name="failedBefore"/>: the page's
    /// accounts whose last attempt failed; <paramref name="firstLine"/>: the run's line number of the page's first account.
    /// </summary>
    public static PageOutcome Of(IReadOnlyList<AccountPlan> plans, Guid headerId, int firstLine, DateTime now, string customerGroup,
        IReadOnlySet<Guid> failedBefore, FinanceReference reference, long setupVersion)
    {
        var outcome = new PageOutcome();
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
                var customer = ToCustomer(m, p.CustomerAccount!, p.Existing, now, customerGroup);
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
                if (failedBefore.Contains(m.Account.Id)) outcome.Cleared.Add(m.Account.Id);
            }
            outcome.Lines.Add(line);
        }
        outcome.Counts = new PageCounts(plans.Count, created, updated, unchanged, failed, zips);
        return outcome;
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
