using System.Net.Sockets;
using Npgsql;

namespace PsaBridge.Web.Infrastructure;

/// <summary>
/// Whether a failure is the database being out of reach (PostgreSQL stopped, restarting, or the network to it down)
/// rather than a fault in the request or in PsaBridge: the caller should try again later, so it gets a 503.
/// </summary>
public static class DatabaseUnavailable
{
    /// <summary>Seconds a caller is asked to wait (<c>Retry-After</c>): about what PostgreSQL takes to restart.</summary>
    public const int RetryAfterSeconds = 10;

    public static bool Is(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                // Class 08 is a connection exception, 57P01-57P03 an administrator, crash or startup shutdown.
                case PostgresException p: return p.SqlState.StartsWith("08", StringComparison.Ordinal) || p.SqlState is "57P01" or "57P02" or "57P03";
                case NpgsqlException: // not a PostgresException: Npgsql could not reach or keep talking to the server
                case SocketException:
                case TimeoutException:
                    return true;
            }
        }
        return false;
    }
}
