namespace PsaBridge.Cli.Infrastructure;

/// <summary>What <c>psabridge</c> exits with, so scripts and schedulers can tell the outcomes apart.</summary>
public static class ExitCodes
{
    /// <summary>Done; every row or account went through.</summary>
    public const int Ok = 0;
    /// <summary>Not done: bad input, a record not found, a conflict (a run already in progress) or an unexpected error.</summary>
    public const int Failed = 1;
    /// <summary>The command line itself is wrong (unknown command or option, missing argument, a value of the wrong type).</summary>
    public const int Usage = 2;
    /// <summary>Done, but some rows or accounts are in error: the good ones are stored, the bad ones are listed.</summary>
    public const int CompletedWithErrors = 3;
    /// <summary>Stopped by Ctrl+C; whatever was committed before stands.</summary>
    public const int Cancelled = 130;
}
