using System.Diagnostics;
using TetReadiness.Tests.Infrastructure;

namespace TetReadiness.Benchmarks;

/// <summary>
/// An in-memory Azurite on free loopback ports: the one <c>azurite</c> process the tests use, or with
/// <c>--split-azurite</c> its table, queue and blob services as three processes (<c>azurite-table</c>, <c>azurite-queue</c>, <c>azurite-blob</c>),
/// closer to Azure where they are separate services and one cannot stall the other.
/// </summary>
public sealed class Azurite : IAsyncDisposable
{
    public const string AccountName = "devstoreaccount1";

    // Azurite's well-known development key, published in its documentation; it protects nothing.
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static readonly string[] Common = ["--disableTelemetry", "--skipApiVersionCheck", "--silent", "--loose", "--inMemoryPersistence"];

    private readonly IReadOnlyList<Process> processes;

    private Azurite(IReadOnlyList<Process> processes, int tablePort, int queuePort, int blobPort)
    {
        this.processes = processes;
        TablePort = tablePort;
        QueuePort = queuePort;
        BlobPort = blobPort;
    }

    public int TablePort { get; }

    public int QueuePort { get; }

    /// <summary>Blob service, not behind the counting proxy: only the nightly export writes blobs.</summary>
    public int BlobPort { get; }

    public string BlobEndpoint => $"http://127.0.0.1:{BlobPort}/{AccountName}";

    public static async Task<Azurite> StartAsync(string binary, bool split)
    {
        int queue = LoopbackPorts.Free(), table = LoopbackPorts.Free(), blob = LoopbackPorts.Free();
        var processes = new List<Process>();
        if (!split)
        {
            processes.Add(Start(binary, [.. Common, "--blobHost", "127.0.0.1", "--blobPort", blob.ToString(),
                "--queueHost", "127.0.0.1", "--queuePort", queue.ToString(), "--tableHost", "127.0.0.1", "--tablePort", table.ToString()]));
        }
        else
        {
            var directory = Path.GetDirectoryName(binary) ?? ".";
            processes.Add(Start(Path.Combine(directory, "azurite-table"), [.. Common, "--tableHost", "127.0.0.1", "--tablePort", table.ToString()]));
            string[] debug = Environment.GetEnvironmentVariable("BENCH_AZURITE_DEBUG") is { Length: > 0 } log ? ["--debug", log] : [];
            processes.Add(Start(Path.Combine(directory, "azurite-queue"), [.. Common, .. debug, "--queueHost", "127.0.0.1", "--queuePort", queue.ToString()]));
            processes.Add(Start(Path.Combine(directory, "azurite-blob"), [.. Common, "--blobHost", "127.0.0.1", "--blobPort", blob.ToString()]));
        }

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!(LoopbackPorts.IsListening(table) && LoopbackPorts.IsListening(queue) && LoopbackPorts.IsListening(blob)))
        {
            if (processes.Any(p => p.HasExited) || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException("Azurite did not start listening.");
            }

            await Task.Delay(50);
        }

        return new Azurite(processes, table, queue, blob);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in processes)
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }

            process.Dispose();
        }
    }

    private static Process Start(string binary, IEnumerable<string> arguments)
    {
        var psi = new ProcessStartInfo(binary) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            psi.ArgumentList.Add(argument);
        }

        var process = Process.Start(psi) ?? throw new InvalidOperationException($"{binary} did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }
}

/// <summary>The app in local mode as a child process: <c>dotnet TetReadiness.LocalHost.dll</c>.</summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process process;

    private AppProcess(Process process, int port, TimeSpan startUp)
    {
        this.process = process;
        Port = port;
        StartUp = startUp;
    }

    public int Port { get; }

    public TimeSpan StartUp { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/");

    public static async Task<AppProcess> StartAsync(string appDirectory, IReadOnlyDictionary<string, string> settings, string logFile)
    {
        var port = LoopbackPorts.Free();
        var psi = new ProcessStartInfo("dotnet") { WorkingDirectory = appDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "TetReadiness.LocalHost.dll", "--urls", $"http://127.0.0.1:{port}" })
        {
            psi.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in settings)
        {
            psi.Environment[key] = value;
        }

        var log = new StreamWriter(logFile, append: true) { AutoFlush = true };
        var clock = Stopwatch.StartNew();
        var process = Process.Start(psi) ?? throw new InvalidOperationException("The app did not start.");
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The app exited with {process.ExitCode}; see {logFile}.");
            }

            if (clock.Elapsed > TimeSpan.FromMinutes(2))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"The app did not answer /api/health within 2 minutes; see {logFile}.");
            }

            try
            {
                using var response = await http.GetAsync($"http://127.0.0.1:{port}/api/health");
                if (response.IsSuccessStatusCode)
                {
                    return new AppProcess(process, port, clock.Elapsed);
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Not answering yet.
            }

            await Task.Delay(20);
        }
    }

    /// <summary>Starts a new peak: the kernel sets VmHWM back to the current resident set (clear_refs 5).</summary>
    public void ResetPeakMemory() => File.WriteAllText($"/proc/{process.Id}/clear_refs", "5");

    /// <summary>Peak and current resident set from /proc (VmHWM, VmRSS), in MiB.</summary>
    public (double PeakMiB, double CurrentMiB) Memory()
    {
        double Read(string field)
        {
            foreach (var line in File.ReadLines($"/proc/{process.Id}/status"))
            {
                if (line.StartsWith(field + ":", StringComparison.Ordinal))
                {
                    return long.Parse(line[(field.Length + 1)..].Trim().Split(' ')[0]) / 1024.0;
                }
            }

            return double.NaN;
        }

        return (Read("VmHWM"), Read("VmRSS"));
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            log.WriteLine(line);
        }
    }
}
