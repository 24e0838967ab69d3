using System.Diagnostics;
using System.Text.Json.Nodes;

namespace TetReadiness.Tests.Hosting;

/// <summary>scripts/local-settings.sh, which ./run.sh calls before every local run.</summary>
public sealed class LocalSettingsScriptTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("tetreadiness-local-settings-").FullName;

    private string Settings => Path.Combine(folder, "local.settings.json");

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task A_fresh_clone_gets_the_example_settings_and_a_random_signing_key_that_later_runs_keep()
    {
        await RunAsync();
        var first = Values();
        var key = first["UnitLinks__PrimaryKey"]!.GetValue<string>();
        Assert.Equal(64, Convert.FromBase64String(key).Length);
        Assert.Equal("UseDevelopmentStorage=true", first["Storage"]!.GetValue<string>());

        await RunAsync();
        Assert.Equal(key, Values()["UnitLinks__PrimaryKey"]!.GetValue<string>());

        File.Delete(Settings);
        await RunAsync();
        Assert.NotEqual(key, Values()["UnitLinks__PrimaryKey"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_existing_file_without_a_key_gets_one_and_keeps_every_other_value()
    {
        await File.WriteAllTextAsync(Settings, """{ "IsEncrypted": false, "Values": { "Storage": "custom", "UnitLinks__PrimaryKey": "", "SendGrid__ApiKey": "kept" } }""");

        await RunAsync();

        var values = Values();
        Assert.Equal("custom", values["Storage"]!.GetValue<string>());
        Assert.Equal("kept", values["SendGrid__ApiKey"]!.GetValue<string>());
        Assert.False(string.IsNullOrWhiteSpace(values["UnitLinks__PrimaryKey"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_key_someone_set_is_never_replaced_and_a_broken_file_is_left_alone()
    {
        await File.WriteAllTextAsync(Settings, """{ "Values": { "UnitLinks__PrimaryKey": "my-own-key" } }""");
        await RunAsync();
        Assert.Equal("my-own-key", Values()["UnitLinks__PrimaryKey"]!.GetValue<string>());

        const string Broken = "{ \"Values\": { ";
        await File.WriteAllTextAsync(Settings, Broken);
        var (exitCode, error) = await RunAsync(expectSuccess: false);
        Assert.NotEqual(0, exitCode);
        Assert.Contains("not valid JSON", error, StringComparison.Ordinal);
        Assert.Equal(Broken, await File.ReadAllTextAsync(Settings));
    }

    /// <summary>The script with this folder's file and the repository's example, as ./run.sh calls it.</summary>
    internal static async Task<(int ExitCode, string Error)> RunScriptAsync(string settingsPath, bool expectSuccess = true)
    {
        var startInfo = new ProcessStartInfo("bash") { RedirectStandardError = true, RedirectStandardOutput = true };
        startInfo.ArgumentList.Add(RepoFile("scripts", "local-settings.sh"));
        startInfo.ArgumentList.Add(settingsPath);
        startInfo.ArgumentList.Add(RepoFile("Functions", "local.settings.example.json"));
        using var process = Process.Start(startInfo)!;
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (expectSuccess && process.ExitCode != 0)
        {
            throw new InvalidOperationException($"local-settings.sh failed ({process.ExitCode}): {await error}");
        }

        return (process.ExitCode, await error);
    }

    internal static string RepoFile(params string[] parts)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine([dir.FullName, .. parts]);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException(string.Join('/', parts));
    }

    private Task<(int ExitCode, string Error)> RunAsync(bool expectSuccess = true) => RunScriptAsync(Settings, expectSuccess);

    private JsonObject Values() => JsonNode.Parse(File.ReadAllText(Settings))!["Values"]!.AsObject();
}
