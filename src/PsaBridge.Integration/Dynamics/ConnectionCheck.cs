using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PsaBridge.Integration.Hosting;
using PsaBridge.Integration.Sources.Dataverse;
using PsaBridge.Integration.Targets.FinanceAndOperations;

namespace PsaBridge.Integration.Dynamics;

/// <summary>What one check of a connection found, in a sentence that says what is wrong when it failed.</summary>
public sealed record ConnectionFinding(string End, string Check, bool Ok, string Sentence);

/// <summary>
/// Checks the Dynamics 365 connections the configuration sets up: its settings, a token from Entra ID, a read, and on
/// the F&amp;O side the reference data the rules check. An end that is neither configured nor chosen is reported as not
/// used; an end whose settings are incomplete is not called.
/// </summary>
public sealed class ConnectionCheck(IServiceProvider services, string? source,
    IOptions<DataverseOptions> dataverse, IOptions<FinanceAndOperationsOptions> finance)
{
    public const string DataverseEnd = "Dataverse (PSA)", FinanceEnd = "Finance and Operations";

    public async Task<List<ConnectionFinding>> RunAsync(CancellationToken ct)
    {
        var findings = new List<ConnectionFinding>();
        var sourceChosen = string.Equals(source, ConnectorServices.Dataverse, StringComparison.OrdinalIgnoreCase);
        if (!sourceChosen && string.IsNullOrWhiteSpace(dataverse.Value.EnvironmentUrl))
            findings.Add(new(DataverseEnd, "settings", true, $"Not used: {ConnectorServices.SourceSetting} is not Dataverse and no environment is set."));
        else if (Settings(findings, DataverseEnd, dataverse.Value.Problems(DataverseOptions.Section)))
        {
            var client = services.GetRequiredService<DataverseClient>();
            if (await TokenAsync(findings, DataverseEnd, ConnectorServices.Dataverse, dataverse.Value, ct))
                await StepAsync(findings, DataverseEnd, "read", async () =>
                {
                    var user = await client.WhoAmIAsync(ct);
                    var accounts = await client.AccountsAfterAsync(0, 1, ct);
                    return $"WhoAmI answered application user {user}; accounts can be read ({(accounts.Count == 0 ? "none yet" : "the first page answered")}).";
                });
        }

        var problems = finance.Value.Problems(FinanceAndOperationsOptions.Section).ToList();
        if (string.IsNullOrWhiteSpace(finance.Value.LegalEntity)) problems.Add($"{FinanceAndOperationsOptions.Section}:LegalEntity is not set to the legal entity (dataAreaId).");
        if (string.IsNullOrWhiteSpace(finance.Value.EnvironmentUrl))
            findings.Add(new(FinanceEnd, "settings", true, "Not used: no environment is set."));
        else if (Settings(findings, FinanceEnd, problems)
                 && await TokenAsync(findings, FinanceEnd, ConnectorServices.FinanceAndOperations, finance.Value, ct))
        {
            var client = services.GetRequiredService<FinanceAndOperationsClient>();
            await StepAsync(findings, FinanceEnd, "reference data", async () =>
            {
                var company = $"dataAreaId eq '{client.LegalEntity}'";
                var countries = (await client.ReadAllAsync("AddressCountryRegions", null, "CountryRegion", ct)).Count;
                var states = (await client.ReadAllAsync("AddressStates", null, "State", ct)).Count;
                var terms = (await client.ReadAllAsync("PaymentTerms", company, "Name", ct)).Count;
                var groups = (await client.ReadAllAsync("CustomerGroups", company, "CustomerGroupId", ct)).Count;
                var currencies = (await FinanceAndOperationsReference.CurrenciesAsync(client, ct)).Count;
                if (groups == 0)
                    throw new DynamicsException($"Legal entity '{client.LegalEntity}' has no customer groups: check the legal entity, and that the user may read it.");
                return $"Legal entity '{client.LegalEntity}': {countries} countries/regions, {states} states, {terms} terms of payment, " +
                       $"{groups} customer groups, {currencies} currencies.";
            });
        }
        return findings;
    }

    private static bool Settings(List<ConnectionFinding> findings, string end, IEnumerable<string> problems)
    {
        var missing = problems.ToList();
        findings.Add(new(end, "settings", missing.Count == 0, missing.Count == 0 ? "Complete." : string.Join(" ", missing)));
        return missing.Count == 0;
    }

    private async Task<bool> TokenAsync(List<ConnectionFinding> findings, string end, string key, ConnectionCredentials credentials, CancellationToken ct) =>
        await StepAsync(findings, end, "token", async () =>
        {
            await services.GetRequiredKeyedService<IAccessTokenSource>(key).GetTokenAsync(ct);
            return $"Entra ID gave {credentials.ClientId} a token for {credentials.Scope}.";
        });

    private static async Task<bool> StepAsync(List<ConnectionFinding> findings, string end, string check, Func<Task<string>> step)
    {
        try
        {
            findings.Add(new(end, check, true, await step()));
            return true;
        }
        catch (Exception e) when (e is DynamicsException or HttpRequestException or TimeoutException or System.Text.Json.JsonException
                                   or Polly.Timeout.TimeoutRejectedException or Polly.RateLimiting.RateLimiterRejectedException)
        {
            findings.Add(new(end, check, false, e.Message));
            return false;
        }
    }
}
