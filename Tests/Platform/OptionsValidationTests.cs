using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using TetReadiness.Hosting;
using TetReadiness.Platform;

namespace TetReadiness.Tests.Platform;

/// <summary>Settings are checked when the app starts, so a wrong one stops it with its name rather than misbehaving later.</summary>
public sealed class OptionsValidationTests
{
    private static readonly AzurePlatform AppService = new(IsAppService: true, IsContainerApp: false, EasyAuthEnabled: true);

    [Theory]
    [InlineData("https://tetreadiness.hanoi.gov.vn")]
    [InlineData("https://func-tet.azurewebsites.net")]
    public void A_public_https_address_is_accepted_in_Azure(string url) =>
        Assert.True(new AppOptionsValidation(AppService).Validate(null, new AppOptions { PublicBaseUrl = url }).Succeeded);

    [Theory]
    [InlineData("http://localhost:7071")]
    [InlineData("https://127.0.0.1")]
    [InlineData("http://func-tet.azurewebsites.net")]
    public void In_Azure_the_localhost_default_or_plain_http_is_refused(string url)
    {
        var result = new AppOptionsValidation(AppService).Validate(null, new AppOptions { PublicBaseUrl = url });

        Assert.True(result.Failed);
        Assert.Contains("App__PublicBaseUrl is required in Azure", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("tetreadiness.hanoi.gov.vn")]
    [InlineData("ftp://example.org")]
    [InlineData("https://example.org/?x=1")]
    public void An_address_that_is_not_an_absolute_http_url_is_refused_anywhere(string url) =>
        Assert.True(new AppOptionsValidation(AzurePlatform.Local).Validate(null, new AppOptions { PublicBaseUrl = url }).Failed);

    [Fact]
    public void Locally_the_default_address_is_fine() =>
        Assert.True(new AppOptionsValidation(AzurePlatform.Local).Validate(null, new AppOptions()).Succeeded);

    [Theory]
    [InlineData("WEBSITE_SITE_NAME", "func-tet", "App__PublicBaseUrl")]
    [InlineData("Storage:NetworkTimeoutSeconds", "0", "Storage__NetworkTimeoutSeconds")]
    [InlineData("Storage:TablePrefix", "tet-2027", "Storage__TablePrefix")]
    [InlineData("Reminders:RemindersPerMessage", "0", "Reminders__RemindersPerMessage")]
    [InlineData("SendGrid:FromEmail", "not an address", "SendGrid__FromEmail")]
    [InlineData("SendGrid:TimeoutSeconds", "-1", "SendGrid__TimeoutSeconds")]
    public async Task The_app_does_not_start_with_a_wrong_setting_and_names_it(string key, string value, string named)
    {
        using var host = Host.CreateDefaultBuilder()
            .ConfigureAppConfiguration(c => c.Sources.Clear())
            .ConfigureAppConfiguration(c => c.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Storage"] = "UseDevelopmentStorage=true",
                [key] = value,
            }))
            .ConfigureServices((context, services) => services.AddTetReadiness(context.Configuration))
            .Build();

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(CancellationToken.None));

        Assert.Contains(named, failure.Message, StringComparison.Ordinal);
    }
}
