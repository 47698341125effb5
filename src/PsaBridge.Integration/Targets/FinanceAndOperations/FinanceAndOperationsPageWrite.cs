using System.Text.Json;
using PsaBridge.Finance.Customers;
using PsaBridge.Finance.IntegrationLog;
using PsaBridge.Integration.CustomerSync;
using PsaBridge.Integration.Dynamics;

namespace PsaBridge.Integration.Targets.FinanceAndOperations;

/// <summary>
/// One page written into Finance and Operations: its intents committed in the finance database first, then the postal
/// codes it creates and its customers in <c>$batch</c> change sets, then the page's log, failures and watermark in one
/// finance transaction that also ends its intents. A change set F&amp;O refuses is sent again one customer a change set,
/// so one bad customer fails alone; a refusal becomes the account's failure in the words of F&amp;O's infolog.
/// </summary>
public sealed class FinanceAndOperationsPageWrite(FinanceCustomerWriter log, FinanceAndOperationsClient client, SyncIntentLedger intents,
    FinanceAndOperationsOptions options, int page) : ICustomerPageWrite
{
    // Operations a batch request carries (F&O allows 5,000; Microsoft advises smaller requests over large batches).
    private const int OperationsPerBatch = 500;

    public Task<ReservedNumbers> ReserveNumbersAsync(int count, CancellationToken ct) =>
        throw new InvalidOperationException("Finance and Operations numbers a customer as it is created; no block of numbers is reserved ahead.");

    public async Task WriteAsync(PageOutcome outcome, IntegrationLogHeader header, long? watermark, string? position, DateTime now, CancellationToken ct)
    {
        await intents.RecordAsync(outcome, header.Id, page, now, ct);
        await CreatePostalCodesAsync(outcome, ct);
        var writes = outcome.Created.Select(c => (Customer: c, Create: true)).Concat(outcome.Updated.Select(c => (Customer: c, Create: false))).ToList();
        var size = Math.Max(1, options.ChangeSetSize);
        var answers = await SendAsync(writes.Chunk(size).Select(set => set.ToList()).ToList(), ct);
        for (var i = 0; i < writes.Count; i++)
        {
            var (customer, create) = writes[i];
            var answer = answers[i];
            if (answer.Refusal is { } refusal)
                outcome.Refused(customer, "Finance and Operations refused the customer: " + refusal.Replace('\n', ' '), header);
            else if (create && customer.CustomerAccount.Length == 0)
                outcome.Numbered(customer, answer.Entity?.GetProperty(CustomerMap.CustomerAccount).GetString()
                    ?? throw new DynamicsException("Finance and Operations created a customer without saying which account it gave it."));
        }
        await log.WriteAsync(outcome, header, watermark, position, now, ct);
    }

    /// <summary>
    /// The writes' answers in order, a batch at a time: batches sent side by side made a single-writer store (the F&amp;O
    /// stand-in on SQLite) refuse change sets as locked under load. A change set refused whole is sent again a customer a
    /// change set.
    /// </summary>
    private async Task<List<WriteAnswer>> SendAsync(List<List<(Customer Customer, bool Create)>> changeSets, CancellationToken ct)
    {
        var answers = new List<WriteAnswer>();
        foreach (var batch in changeSets.Chunk(Math.Max(1, OperationsPerBatch / Math.Max(1, options.ChangeSetSize))))
            answers.AddRange(await SendBatchAsync(batch.Select(set => set.Select(w => (Write: w, Message: Message(w))).ToList()).ToList(), ct));
        return answers;
    }

    private async Task<List<WriteAnswer>> SendBatchAsync(List<List<((Customer, bool) Write, BatchMessage Message)>> batch, CancellationToken ct)
    {
        var answers = new List<WriteAnswer>();
        var sent = await client.SendChangeSetsAsync(batch.Select(set => (IReadOnlyList<BatchMessage>)set.Select(w => w.Message).ToList()).ToList(), ct);
        var at = 0;
        foreach (var set in batch)
        {
            var setAnswers = sent.GetRange(at, set.Count);
            at += set.Count;
            if (set.Count > 1 && setAnswers.Any(a => a.Refusal is not null))
                setAnswers = await client.SendChangeSetsAsync(set.Select(w => (IReadOnlyList<BatchMessage>)[Message(w.Write)]).ToList(), ct);
            answers.AddRange(setAnswers);
        }
        return answers;
    }

    private int _contentId;

    private BatchMessage Message((Customer Customer, bool Create) write)
    {
        var (c, create) = write;
        var body = JsonSerializer.Serialize(CustomerMap.ToBody(c, client.LegalEntity, create));
        var url = create ? client.DataRoot + CustomerMap.EntitySet
            : $"{client.DataRoot}{CustomerMap.EntitySet}({CustomerMap.DataAreaId}='{client.LegalEntity}',{CustomerMap.CustomerAccount}='{Uri.EscapeDataString(c.CustomerAccount.Replace("'", "''"))}')";
        return BatchMessage.Request(create ? "POST" : "PATCH", url, body, Interlocked.Increment(ref _contentId).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// The postal codes the page creates (the seed: a zip code F&amp;O does not have is created), each its own change set: one
    /// F&amp;O refuses leaves its customer to be refused with F&amp;O's reason when address setup validates zip codes.
    /// </summary>
    private async Task CreatePostalCodesAsync(PageOutcome outcome, CancellationToken ct)
    {
        if (outcome.ZipCodes.Count == 0) return;
        await client.SendChangeSetsAsync(outcome.ZipCodes.Select(z => (IReadOnlyList<BatchMessage>)
        [
            BatchMessage.Request("POST", client.DataRoot + "AddressPostalCodesV3", JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["ZipCode"] = z.Code, ["CountryRegionId"] = z.CountryId, ["StateId"] = z.StateId, ["CityId"] = z.City,
            }), Interlocked.Increment(ref _contentId).ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ]).ToList(), ct);
    }

    public Task<bool> CommitAsync(CancellationToken ct) => log.CommitAsync(ct);

    public ValueTask DisposeAsync() => log.DisposeAsync();
}
