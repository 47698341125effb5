namespace PsaBridge.Bench;

public sealed record BenchOptions(string Command, string? Phase, int Accounts, string Engine, string Pg, string Dir, int Changed)
{
    public static BenchOptions Parse(string[] args)
    {
        string Get(string name, string fallback)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        }
        return new BenchOptions(
            args.Length > 0 ? args[0] : "",
            Get("--phase", ""),
            int.Parse(Get("--accounts", "100000")),
            Get("--engine", "sqlite"),
            Get("--pg", "Host=127.0.0.1;Port=55433;Username=postgres"),
            Get("--dir", Path.Combine(Path.GetTempPath(), "psabridge-bench")),
            int.Parse(Get("--changed", "1000")));
    }

    public string[] ChildArgs(string phase) =>
        ["phase", "--phase", phase, "--accounts", Accounts.ToString(), "--engine", Engine, "--pg", Pg, "--dir", Dir, "--changed", Changed.ToString()];
}
