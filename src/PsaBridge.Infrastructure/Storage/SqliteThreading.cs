using System.Runtime.CompilerServices;
using SQLitePCL;

namespace PsaBridge.Infrastructure.Storage;

/// <summary>
/// SQLite's threading mode for the process: multi-thread, not the serialized mode the bundled library starts in.
/// </summary>
/// <remarks>
/// In serialized mode every call on a connection (each bind, step and reset) takes and releases the connection's own
/// mutex, so that two threads could share one connection. PsaBridge never does: a connection is used by one EF context
/// or bulk path at a time, and the pipelined paths (sync, confirmation) give the second thread a connection of its own.
/// In a full sync of 1,000,000 accounts the writing thread spent 0.7 s locking and unlocking those mutexes (a profile of
/// 2026-12-02: 30 million binds). Multi-thread mode drops the connection mutex and keeps SQLite's own (its page cache,
/// its allocator, shared cache). <c>sqlite3_interrupt</c>, which cancellation calls from another thread, takes no mutex in
/// either mode. The mode can only be set before SQLite initializes, so it is set when this assembly loads, before the
/// first connection of a process that uses PsaBridge's storage; set later it is refused and SQLite stays serialized,
/// which is only slower.
/// </remarks>
public static class SqliteThreading
{
    /// <summary>True when connections opened from now on have no mutex of their own (multi-thread mode took).</summary>
    public static bool MultiThread { get; private set; }

#pragma warning disable CA2255 // The mode must be set before any connection opens; this is the earliest point a library has.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Apply()
    {
        try
        {
            Batteries_V2.Init();
            MultiThread = raw.sqlite3_config(raw.SQLITE_CONFIG_MULTITHREAD) == raw.SQLITE_OK;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException or BadImageFormatException or TypeInitializationException)
        {
            // No usable SQLite library here (a PostgreSQL-only host): nothing to configure, and no reason to fail this assembly.
            MultiThread = false;
        }
    }
}
