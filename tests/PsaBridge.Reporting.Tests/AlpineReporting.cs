using PsaBridge.Psa.Tests.Api;

namespace PsaBridge.Reporting.Tests;

/// <summary>The seed's Alpine Ski House time entry (8 h on 2018-02-03), approved, and invoiced on 2018-02-04 when asked.</summary>
internal static class AlpineReporting
{
    public static async Task<Alpine> ApprovedAsync(HttpClient client)
    {
        var alpine = await Alpine.SetUpAsync(client);
        await alpine.ApprovedTimeEntryAsync(client);
        return alpine;
    }

    public static async Task<Alpine> InvoicedAsync(HttpClient client)
    {
        var alpine = await ApprovedAsync(client);
        var draft = await client.CreateAsync("invoices", new { contractId = alpine.Contract, invoiceDate = "2018-02-04" });
        await client.PostOkAsync($"invoices/{draft.Id()}/confirm");
        return alpine;
    }
}
