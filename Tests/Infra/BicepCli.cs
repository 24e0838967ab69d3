using System.Diagnostics;
using System.Reflection;

namespace TetReadiness.Tests.Infra;

/// <summary>
/// Runs the Bicep CLI that NuGet restored for the test project (package Azure.Bicep.CommandLine.linux-x64,
/// see TetReadiness.Tests.csproj); its path is baked into the test assembly at build time.
/// BICEP_CLI_PATH overrides it, e.g. on a machine that is not linux-x64.
/// </summary>
public static class BicepCli
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    public static string ExecutablePath
    {
        get
        {
            var path = Environment.GetEnvironmentVariable("BICEP_CLI_PATH") is { Length: > 0 } overridden
                ? overridden
                : typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                    .SingleOrDefault(attribute => attribute.Key == "BicepCliPath")?.Value;

            if (string.IsNullOrEmpty(path) || !File.Exists(path))
            {
                throw new InvalidOperationException(
                    $"Bicep CLI not found at '{path}'. `dotnet restore` downloads it (Azure.Bicep.CommandLine.linux-x64); on another OS set BICEP_CLI_PATH.");
            }

            return path;
        }
    }

    public static BicepResult Run(IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var executable = ExecutablePath;
        EnsureExecutable(executable);

        var startInfo = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = InfraPaths.InfraDirectory,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        // A null value removes the variable, so a default in main.bicepparam is what gets tested.
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                startInfo.Environment.Remove(name);
            }
            else
            {
                startInfo.Environment[name] = value;
            }
        }

        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException("Could not start the Bicep CLI.");
        var standardOutput = process.StandardOutput.ReadToEndAsync();
        var standardError = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"bicep {string.Join(' ', arguments)} did not finish within {Timeout}.");
        }

        return new BicepResult(string.Join(' ', arguments), process.ExitCode, standardOutput.Result, standardError.Result);
    }

    // NuGet extracts the package's tool; on some set-ups it loses its execute bit.
    private static void EnsureExecutable(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var mode = File.GetUnixFileMode(path);
        if (!mode.HasFlag(UnixFileMode.UserExecute))
        {
            File.SetUnixFileMode(path, mode | UnixFileMode.UserExecute);
        }
    }
}
