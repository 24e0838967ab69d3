using System.Diagnostics;

namespace TetReadiness.Tests.Infra;

/// <summary>The shell scripts an operator or the pipeline runs pass shellcheck, and each hook has a PowerShell twin for Windows.</summary>
public sealed class ShellScriptTests
{
    private static IEnumerable<string> Scripts =>
        Directory.EnumerateFiles(Path.Combine(InfraPaths.InfraDirectory, "scripts"), "*.sh")
            .Append(Path.Combine(InfraPaths.RepositoryRoot, "scripts", "smoke.sh"))
            .Order(StringComparer.Ordinal);

    [ShellcheckFact]
    public void Hook_and_smoke_scripts_pass_shellcheck()
    {
        var start = new ProcessStartInfo(ShellcheckFactAttribute.ShellcheckPath!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.Combine(InfraPaths.InfraDirectory, "scripts"),
        };
        start.ArgumentList.Add("--external-sources");
        foreach (var script in Scripts)
        {
            start.ArgumentList.Add(script);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();

        Assert.True(process.ExitCode == 0, output);
    }

    [Fact]
    public void Every_hook_script_has_a_powershell_twin_and_azure_yaml_runs_both()
    {
        var azureYaml = File.ReadAllText(Path.Combine(InfraPaths.RepositoryRoot, "azure.yaml"));
        var hooks = Directory.EnumerateFiles(Path.Combine(InfraPaths.InfraDirectory, "scripts"), "*.sh").Select(Path.GetFileNameWithoutExtension).ToList();

        Assert.All(hooks, hook => Assert.True(File.Exists(Path.Combine(InfraPaths.InfraDirectory, "scripts", hook + ".ps1")), $"{hook}.sh has no {hook}.ps1"));
        foreach (var hook in new[] { "preprovision", "postprovision" })
        {
            Assert.Contains($"run: bash ./infra/scripts/{hook}.sh", azureYaml, StringComparison.Ordinal);
            Assert.Contains($"run: ./infra/scripts/{hook}.ps1", azureYaml, StringComparison.Ordinal);
        }
    }
}
