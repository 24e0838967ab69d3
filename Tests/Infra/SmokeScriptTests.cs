using System.Diagnostics;
using Microsoft.Extensions.Logging;
using TetReadiness.LocalHost;
using TetReadiness.Tests.Infrastructure;

namespace TetReadiness.Tests.Infra;

/// <summary>
/// scripts/smoke.sh, which the deploy workflow runs against Azure, run here against the app in local mode. Local mode
/// has no App Service Authentication: the forged-principal check then shows that the app itself ignores an
/// X-MS-CLIENT-PRINCIPAL header it has no reason to trust; that Easy Auth strips the header is only provable in Azure
/// (the workflow's run). The http-to-https redirect is skipped for an http base URL.
/// </summary>
[Collection(InfraCollection.Name)]
public sealed class SmokeScriptTests
{
    [Fact]
    public async Task Every_smoke_check_passes_against_local_mode()
    {
        await using var local = await StartLocalAsync(trustPrincipalHeader: false);

        var run = RunSmoke(local.BaseAddress);

        Assert.True(run.ExitCode == 0, run.Describe());
        foreach (var check in new[]
        {
            "ok:   GET /api/health is 200",
            "ok:   GET /api/me without an identity is 401",
            "ok:   GET /api/me with a forged coordinator principal is 401",
            "ok:   GET /api/feed/Units without a key is 401",
            "ok:   /api/health sends X-Content-Type-Options: nosniff",
            "ok:   /api/health sends Referrer-Policy: no-referrer",
            "ok:   /status sends Content-Security-Policy: frame-ancestors 'none'",
            "skip: the http-to-https redirect",
        })
        {
            Assert.Contains(check, run.Output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_smoke_test_fails_where_a_forged_principal_header_is_trusted()
    {
        // What a deployment without Easy Auth in front would look like: anyone may claim to be a city coordinator.
        await using var local = await StartLocalAsync(trustPrincipalHeader: true);

        var run = RunSmoke(local.BaseAddress);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("FAIL: GET /api/me with a forged coordinator principal is 200", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_smoke_test_fails_when_the_app_is_down()
    {
        var local = await StartLocalAsync(trustPrincipalHeader: false);
        var address = local.BaseAddress;
        await local.DisposeAsync();

        var run = RunSmoke(address);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("FAIL: GET /api/health is 000", run.Output, StringComparison.Ordinal);
    }

    private static async Task<LocalModeApp> StartLocalAsync(bool trustPrincipalHeader)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Auth:AllowClientPrincipalHeader"] = trustPrincipalHeader ? "true" : "false",
            ["Feed:PrimaryKey"] = "smoke-test-feed-key-0123456789abcdef",
        };

        // HTTP only: no timer or queue trigger touches the shared Azurite's queues.
        foreach (var function in FunctionCatalog.Discover(LocalFunctionsHost.FunctionsAssembly).Where(f => f.Trigger != FunctionTriggerKind.Http))
        {
            settings[$"AzureWebJobs:{function.Name}:Disabled"] = "true";
        }

        return await LocalModeApp.StartAsync(
            settings,
            configure: builder => builder.Logging.SetMinimumLevel(LogLevel.Warning));
    }

    private static HookRun RunSmoke(Uri baseAddress)
    {
        var start = new ProcessStartInfo("bash")
        {
            ArgumentList = { Path.Combine(InfraPaths.RepositoryRoot, "scripts", "smoke.sh"), baseAddress.ToString() },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start bash.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("smoke.sh did not finish within 2 minutes.");
        }

        return new HookRun(process.ExitCode, output.Result, error.Result);
    }
}
