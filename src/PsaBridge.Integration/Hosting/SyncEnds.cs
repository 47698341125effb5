using Microsoft.Extensions.Configuration;
using PsaBridge.Integration.Sources.Dataverse;
using PsaBridge.Integration.Targets.FinanceAndOperations;

namespace PsaBridge.Integration.Hosting;

/// <summary>
/// Which source and target the customer sync uses, in words for the sync page and the CLI: the kind of each end and
/// its environment (scheme, host and path only: never a credential, a user name in the URL or its query).
/// </summary>
public sealed record SyncEnds(string Source, string Target)
{
    public const string EmbeddedSource = "PSA database (embedded)", EmbeddedTarget = "Finance database (embedded)";

    public override string ToString() => $"Source: {Source} → Target: {Target}";

    public static SyncEnds From(IConfiguration configuration)
    {
        var source = string.Equals(configuration[ConnectorServices.SourceSetting], ConnectorServices.Dataverse, StringComparison.OrdinalIgnoreCase)
            ? $"Dataverse {Environment(configuration[$"{DataverseOptions.Section}:EnvironmentUrl"])}"
            : EmbeddedSource;
        var target = string.Equals(configuration[ConnectorServices.TargetSetting], "FinanceAndOperations", StringComparison.OrdinalIgnoreCase)
            ? $"Finance and Operations {Environment(configuration[$"{FinanceAndOperationsOptions.Section}:EnvironmentUrl"])}, legal entity " +
              (configuration[$"{FinanceAndOperationsOptions.Section}:LegalEntity"] is { Length: > 0 } company ? company.ToLowerInvariant() : "(not set)")
            : EmbeddedTarget;
        return new SyncEnds(source, target);
    }

    private static string Environment(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.GetLeftPart(UriPartial.Path).Replace(uri.UserInfo + "@", "", StringComparison.Ordinal).TrimEnd('/')
            : "(environment not set)";
}
