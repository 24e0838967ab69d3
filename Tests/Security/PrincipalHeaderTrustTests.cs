using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TetReadiness.Campaigns;
using TetReadiness.Status;
using TetReadiness.Tests.Infrastructure;

namespace TetReadiness.Tests.Security;

/// <summary>
/// <c>X-MS-CLIENT-PRINCIPAL</c> is trusted only where Easy Auth guarantees it: locally with
/// <c>Auth:AllowClientPrincipalHeader=true</c>, in Azure when App Service says authentication is enabled. In Azure
/// (<c>WEBSITE_SITE_NAME</c> or <c>CONTAINER_APP_NAME</c> set) the setting is refused: an error at start, health 503.
/// </summary>
public sealed class PrincipalHeaderTrustTests
{
    [Fact]
    public async Task Without_header_trust_every_principal_is_ignored()
    {
        await using var app = await StartAsync(new() { ["Auth:AllowClientPrincipalHeader"] = "false" });

        ProblemAssert.Is(await Api.CallAsync(app, nameof(StatusFunctions.GetCampaignStatus), headers: AsCaller.CityCoordinator), 401, "Sign in");
        ProblemAssert.Is(await Api.CallAsync(app, nameof(CampaignFunctions.GetCampaign), headers: AsCaller.Principal("vanphong@ba-dinh.invalid")), 401, "Sign in");
        ProblemAssert.Is(await Api.CallAsync(app, nameof(TetReadiness.Profile.ProfileFunctions.GetMe), headers: AsCaller.CityCoordinator), 401, "Sign in");
    }

    [Fact]
    public async Task Without_header_trust_a_unit_link_still_works()
    {
        await using var app = await StartAsync(new() { ["Auth:AllowClientPrincipalHeader"] = "false" });
        var signer = app.Get<TetReadiness.Identity.UnitLinkSigner>();
        var token = signer.Sign(new TetReadiness.Identity.UnitLink("tet-2024", "ba-dinh-ubnd", 0, app.Clock.GetUtcNow().AddDays(1)));

        Assert.Equal(200, (await Api.CallAsync(app, nameof(CampaignFunctions.GetCampaign), query: "?t=" + token)).Status);
    }

    [Fact]
    public async Task In_azure_the_header_is_trusted_when_app_service_authentication_is_on()
    {
        await using var app = await StartAsync(new()
        {
            ["Auth:AllowClientPrincipalHeader"] = "false",
            ["WEBSITE_AUTH_ENABLED"] = "True",
            ["WEBSITE_SITE_NAME"] = "func-tetreadiness",
        });

        Assert.Equal(200, (await Api.CallAsync(app, nameof(StatusFunctions.GetCampaignStatus), headers: AsCaller.CityCoordinator)).Status);
    }

    [Fact]
    public async Task Outside_app_service_a_claimed_authentication_setting_is_not_enough()
    {
        await using var app = await StartAsync(new() { ["Auth:AllowClientPrincipalHeader"] = "false", ["WEBSITE_AUTH_ENABLED"] = "true" });

        ProblemAssert.Is(await Api.CallAsync(app, nameof(StatusFunctions.GetCampaignStatus), headers: AsCaller.CityCoordinator), 401, "Sign in");
    }

    [Theory]
    [InlineData("WEBSITE_SITE_NAME", "func-tetreadiness")]
    [InlineData("CONTAINER_APP_NAME", "ca-tetreadiness")]
    public async Task In_azure_the_local_setting_is_refused_and_the_header_is_not_trusted(string platformVariable, string value)
    {
        await using var app = await StartAsync(new() { ["Auth:AllowClientPrincipalHeader"] = "true", [platformVariable] = value });

        ProblemAssert.Is(await Api.CallAsync(app, nameof(StatusFunctions.GetCampaignStatus), headers: AsCaller.CityCoordinator), 401, "Sign in");
        ProblemAssert.Is(await Api.CallAsync(app, nameof(TetReadiness.Profile.ProfileFunctions.GetMe), headers: AsCaller.CityCoordinator), 401, "Sign in");
    }

    [Theory]
    [InlineData("WEBSITE_SITE_NAME", "func-tetreadiness", "false")]
    [InlineData("CONTAINER_APP_NAME", "ca-tetreadiness", "false")]
    [InlineData("WEBSITE_SITE_NAME", "func-tetreadiness", "true")]
    public async Task In_azure_the_local_setting_makes_health_503_saying_why(string platformVariable, string value, string easyAuth)
    {
        await using var app = await StartAsync(new()
        {
            ["Auth:AllowClientPrincipalHeader"] = "true",
            [platformVariable] = value,
            ["WEBSITE_AUTH_ENABLED"] = easyAuth,
        });

        ProblemAssert.Is(await Api.CallAsync(app, "Health", headers: AsCaller.Nobody), 503, "Auth__AllowClientPrincipalHeader");
    }

    [Fact]
    public async Task In_azure_the_local_setting_is_logged_as_an_error_at_start()
    {
        var capture = new LogCapture();
        await using var app = await TestApp.StartAsync(
            settings: new Dictionary<string, string?> { ["Auth:AllowClientPrincipalHeader"] = "true", ["WEBSITE_SITE_NAME"] = "func-tetreadiness" },
            configure: services => services.AddSingleton<ILoggerProvider>(capture));

        foreach (var service in app.Services.GetServices<IHostedService>().Where(s => s.GetType().Namespace == "TetReadiness.Identity"))
        {
            await service.StartAsync(CancellationToken.None);
        }

        Assert.Contains(capture.Lines, line => line.Level == LogLevel.Error && line.Text.Contains("Auth__AllowClientPrincipalHeader", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Locally_the_setting_keeps_health_200()
    {
        await using var app = await StartAsync([]);

        Assert.Equal(200, (await Api.CallAsync(app, "Health", headers: AsCaller.Nobody)).Status);
    }

    [Theory]
    [InlineData("not base64 at all!")]
    [InlineData("aGVsbG8gd29ybGQ=")]
    [InlineData("e30=")]
    [InlineData("W10=")]
    public async Task With_header_trust_a_malformed_principal_is_no_identity(string header)
    {
        await using var app = await StartAsync([]);

        ProblemAssert.Is(await Api.CallAsync(app, nameof(CampaignFunctions.GetCampaign), headers: AsCaller.RawPrincipal(header)), 401, "Sign in");
    }

    private static async Task<TestApp> StartAsync(Dictionary<string, string?> settings)
    {
        var app = await TestApp.StartAsync(settings: settings);
        await Seed.RosterAndCampaignAsync(app);
        return app;
    }
}
