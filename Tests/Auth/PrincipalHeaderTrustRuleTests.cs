using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using TetReadiness.Identity;
using TetReadiness.Platform;
using TetReadiness.Tests.Infrastructure;

namespace TetReadiness.Tests.Auth;

/// <summary>Where the app runs, from the platform's variables, and when <c>X-MS-CLIENT-PRINCIPAL</c> is believed there.</summary>
public sealed class PrincipalHeaderTrustRuleTests
{
    private static AzurePlatform Platform(params (string Name, string Value)[] variables) =>
        AzurePlatform.From(new ConfigurationBuilder().AddInMemoryCollection(variables.ToDictionary(v => v.Name, v => (string?)v.Value)).Build());

    private static PrincipalHeaderTrust Trust(bool allowSetting, AzurePlatform platform) =>
        new(Options.Create(new AuthOptions { AllowClientPrincipalHeader = allowSetting }), platform);

    [Fact]
    public void The_platform_is_read_from_the_variables_azure_sets()
    {
        Assert.Equal(AzurePlatform.Local, Platform());
        Assert.Equal(new AzurePlatform(true, false, false), Platform(("WEBSITE_SITE_NAME", "func-tetreadiness")));
        Assert.Equal(new AzurePlatform(true, false, true), Platform(("WEBSITE_SITE_NAME", "func-tetreadiness"), ("WEBSITE_AUTH_ENABLED", "True")));
        Assert.Equal(new AzurePlatform(false, true, false), Platform(("CONTAINER_APP_NAME", "ca-tetreadiness"), ("WEBSITE_AUTH_ENABLED", "True")));
        Assert.Equal(AzurePlatform.Local, Platform(("WEBSITE_AUTH_ENABLED", "true")));
        Assert.Equal(new AzurePlatform(true, false, false), Platform(("WEBSITE_SITE_NAME", "func-tetreadiness"), ("WEBSITE_AUTH_ENABLED", "False")));
    }

    [Theory]
    [InlineData(false, false, false, false, false)]
    [InlineData(true, false, false, false, true)] // a developer's machine, ./run.sh
    [InlineData(true, true, false, false, false)] // App Service without Easy Auth: refused
    [InlineData(true, false, true, false, false)] // Container Apps: refused
    [InlineData(false, true, false, true, true)] // Easy Auth on: the platform vouches for the header
    [InlineData(true, true, false, true, true)] // Easy Auth on, setting refused but harmless
    public void The_header_is_believed_only_where_easy_auth_or_a_local_setting_vouches_for_it(bool allowSetting, bool appService, bool containerApp, bool easyAuth, bool trusted)
    {
        Assert.Equal(trusted, Trust(allowSetting, new AzurePlatform(appService, containerApp, easyAuth)).Trusted);
    }

    [Theory]
    [InlineData(true, true, false, false, true)]
    [InlineData(true, false, true, false, true)]
    [InlineData(true, true, false, true, true)]
    [InlineData(true, false, false, false, false)]
    [InlineData(false, true, false, true, false)]
    public void The_local_setting_is_a_misconfiguration_anywhere_in_azure(bool allowSetting, bool appService, bool containerApp, bool easyAuth, bool misconfigured)
    {
        var fault = Trust(allowSetting, new AzurePlatform(appService, containerApp, easyAuth)).Misconfiguration;

        Assert.Equal(misconfigured, fault is not null);
        if (fault is not null)
        {
            Assert.Contains("Auth__AllowClientPrincipalHeader", fault.InBothLanguagesOrNull(), StringComparison.Ordinal);
        }
    }
}
