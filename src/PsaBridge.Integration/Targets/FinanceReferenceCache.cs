using PsaBridge.Integration.CustomerSync;

namespace PsaBridge.Integration.Targets;

/// <summary>
/// The reference data of the last completed run, kept for the next run while nothing in it can have changed: the finance
/// setup version (moved by every change to the address setup, payment terms, customer groups and currencies) and the
/// number of zip codes (the sync creates some, and adds them to the reference as it goes) are what they were when the run
/// ended. A small incremental run then does not load a country's gazetteer again. A run takes the reference for itself;
/// dry runs never share it.
/// </summary>
public sealed class FinanceReferenceCache
{
    private readonly Lock _gate = new();
    private Kept? _kept;

    private sealed record Kept(RunReference Reference, long SetupVersion, long ZipCodes);

    /// <summary>The kept reference if it still holds for this setup version and zip code count (and it is no longer kept).</summary>
    public RunReference? Take(long setupVersion, long zipCodes)
    {
        lock (_gate)
        {
            var kept = _kept;
            _kept = null;
            return kept is not null && kept.SetupVersion == setupVersion && kept.ZipCodes == zipCodes ? kept.Reference : null;
        }
    }

    public void Keep(RunReference reference, long setupVersion, long zipCodes)
    {
        lock (_gate) _kept = new Kept(reference, setupVersion, zipCodes);
    }
}
