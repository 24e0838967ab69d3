using TetReadiness.Health;
using TetReadiness.Tests.Infrastructure;

namespace TetReadiness.Tests.Health;

/// <summary>/api/health tells an operator which secrets did not reach the app, by setting name, and stays 200.</summary>
public sealed class HealthSecretsTests
{
    [Fact]
    public async Task Health_names_settings_whose_key_vault_reference_did_not_resolve()
    {
        await using var app = await TestApp.StartAsync(settings: new Dictionary<string, string?>
        {
            ["SendGrid:ApiKey"] = "@Microsoft.KeyVault(VaultName=kv-test;SecretName=SendGridApiKey)",
            ["Feed:SecondaryKey"] = "@Microsoft.KeyVault(VaultName=kv-test;SecretName=FeedSecondaryKey)",
        });

        var response = await HttpCall.RunAsync(HttpCall.Request("GET", "/api/health", contentType: null), request => app.Create<HealthFunction>().Run(request, CancellationToken.None));

        Assert.Equal(200, response.Status);
        Assert.Equal("degraded", response.Json.GetProperty("status").GetString());
        Assert.Equal(["SendGrid__ApiKey"], response.Json.GetProperty("unresolvedSecrets").EnumerateArray().Select(name => name.GetString()));
        Assert.DoesNotContain("kv-test", response.Body, StringComparison.Ordinal);
    }
}
