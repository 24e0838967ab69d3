using System.Diagnostics;

namespace TetReadiness.Tests.Infrastructure;

/// <summary>
/// A real Azurite, the pinned npm package from tools/azurite, on free loopback ports. <see cref="Shared"/> is started
/// once per test run (in memory); outage tests start their own, persisted to a folder so it can be stopped and
/// restarted with its data.
/// </summary>
public sealed class AzuriteServer : IAsyncDisposable
{
    public const string AccountName = "devstoreaccount1";

    // Azurite's well-known development key, published in its documentation; it protects nothing.
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static readonly Lazy<Task<AzuriteServer>> SharedServer = new(() => StartAsync(null));

    private readonly string? location;
    private Process? process;

    private AzuriteServer(string? location, int blobPort, int queuePort, int tablePort)
    {
        this.location = location;
        BlobPort = blobPort;
        QueuePort = queuePort;
        TablePort = tablePort;
    }

    public int BlobPort { get; }

    public int QueuePort { get; }

    public int TablePort { get; }

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{BlobPort}/{AccountName};QueueEndpoint=http://127.0.0.1:{QueuePort}/{AccountName};TableEndpoint=http://127.0.0.1:{TablePort}/{AccountName};";

    public static Task<AzuriteServer> Shared => SharedServer.Value;

    public static async Task<AzuriteServer> StartAsync(string? location)
    {
        // A port found free can be taken by another test's server before Azurite binds it: then try fresh ports.
        for (var attempt = 1; ; attempt++)
        {
            var server = new AzuriteServer(location, LoopbackPorts.Free(), LoopbackPorts.Free(), LoopbackPorts.Free());
            try
            {
                await server.StartAsync();
            }
            catch (InvalidOperationException) when (attempt < 3)
            {
                server.Kill();
                continue;
            }

            if (location is null)
            {
                AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Kill();
            }

            return server;
        }
    }

    public async Task StartAsync()
    {
        var psi = new ProcessStartInfo(FindBinary())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
                 {
                     "--disableTelemetry", "--skipApiVersionCheck", "--silent", "--loose",
                     "--blobHost", "127.0.0.1", "--queueHost", "127.0.0.1", "--tableHost", "127.0.0.1",
                     "--blobPort", BlobPort.ToString(), "--queuePort", QueuePort.ToString(), "--tablePort", TablePort.ToString(),
                 })
        {
            psi.ArgumentList.Add(argument);
        }

        if (location is null)
        {
            psi.ArgumentList.Add("--inMemoryPersistence");
        }
        else
        {
            psi.ArgumentList.Add("--location");
            psi.ArgumentList.Add(location);
        }

        var output = new Queue<string>();
        void Keep(object sender, DataReceivedEventArgs e)
        {
            lock (output)
            {
                if (e.Data is { Length: > 0 } line)
                {
                    output.Enqueue(line);
                    while (output.Count > 10)
                    {
                        output.Dequeue();
                    }
                }
            }
        }

        process = Process.Start(psi) ?? throw new InvalidOperationException("Azurite did not start.");
        process.OutputDataReceived += Keep;
        process.ErrorDataReceived += Keep;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        // Generous: on two busy cores Node.js can take half a minute to load Azurite (seen: a run failed at 30 s).
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (!(LoopbackPorts.IsListening(TablePort) && LoopbackPorts.IsListening(QueuePort) && LoopbackPorts.IsListening(BlobPort)))
        {
            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                lock (output)
                {
                    throw new InvalidOperationException(
                        $"Azurite did not start listening on {TablePort}/{QueuePort}/{BlobPort} (exit code {(process.HasExited ? process.ExitCode : -1)}): {string.Join(" | ", output)}");
                }
            }

            await Task.Delay(50);
        }
    }

    /// <summary>Stops Azurite and waits until its ports refuse connections.</summary>
    public async Task StopAsync()
    {
        Kill();
        if (process is not null)
        {
            await process.WaitForExitAsync();
        }

        while (LoopbackPorts.IsListening(TablePort))
        {
            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private void Kill()
    {
        try
        {
            if (process is { HasExited: false })
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    private static string FindBinary()
    {
        if (Environment.GetEnvironmentVariable("TETREADINESS_AZURITE") is { Length: > 0 } configured)
        {
            return configured;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tools", "azurite", "node_modules", ".bin", "azurite");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("Azurite is not installed: run ./test.sh (or scripts/azurite.sh) first.");
    }
}
