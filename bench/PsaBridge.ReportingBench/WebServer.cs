using System.Diagnostics;

namespace PsaBridge.ReportingBench;

/// <summary>The real web server in a child process of its own, on a loopback port, so its memory is measured alone.</summary>
public sealed class WebServer : IAsyncDisposable
{
    private readonly Process _process;

    private WebServer(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<WebServer> StartAsync(string webDll, IReadOnlyDictionary<string, string?> settings)
    {
        var address = new Uri("http://127.0.0.1:5197/");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.GetFullPath(webDll));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(address.ToString().TrimEnd('/'));
        start.ArgumentList.Add("--PsaBridge:CustomerSync:Schedule:Enabled=false");
        foreach (var (key, value) in settings) start.ArgumentList.Add($"--{key}={value}");
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(start) ?? throw new InvalidOperationException("The web server did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine("server: " + e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var http = new HttpClient { BaseAddress = address };
        for (var i = 0; i < 600; i++)
        {
            if (process.HasExited) throw new InvalidOperationException($"The web server stopped with {process.ExitCode}.");
            try
            {
                if ((await http.GetAsync("/health")).IsSuccessStatusCode) return new WebServer(process, address);
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(500);
        }
        process.Kill(entireProcessTree: true);
        throw new TimeoutException("The web server did not answer /health in 5 minutes.");
    }

    /// <summary>The server process's peak resident memory so far (VmHWM).</summary>
    public long PeakMegabytes()
    {
        var line = File.ReadLines($"/proc/{_process.Id}/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
