using System.Net;
using System.Net.Sockets;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TetReadiness.Email;
using TetReadiness.Health;
using TetReadiness.Http;
using TetReadiness.Storage;
using TetReadiness.Tests.Infrastructure;

namespace TetReadiness.Tests.Health;

public sealed class HealthFunctionTests
{
    private static Task<HttpResponseSnapshot> CheckAsync(HealthFunction function) =>
        HttpCall.RunAsync(HttpCall.Request("GET", "/api/health", contentType: null), r => function.Run(r, CancellationToken.None));

    [Fact]
    public async Task Health_is_200_when_storage_answers()
    {
        await using var app = await TestApp.StartAsync();

        var response = await CheckAsync(app.Create<HealthFunction>());

        Assert.Equal(200, response.Status);
        Assert.Equal(("healthy", "ok"), (response.Json.GetProperty("status").GetString(), response.Json.GetProperty("storage").GetString()));
    }

    [Fact]
    public async Task Health_is_503_problem_json_when_storage_does_not_answer()
    {
        int closedPort;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            closedPort = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        var options = new TableClientOptions();
        options.Retry.MaxRetries = 0;
        var unreachable = new TableServiceClient(new Uri($"http://127.0.0.1:{closedPort}/{AzuriteServer.AccountName}"), new TableSharedKeyCredential(AzuriteServer.AccountName, Convert.ToBase64String(new byte[64])), options);
        var email = new EmailStatus(Options.Create(new EmailOptions()), TimeProvider.System, NullLogger<EmailStatus>.Instance);
        var headerTrust = new TetReadiness.Identity.PrincipalHeaderTrust(Options.Create(new TetReadiness.Identity.AuthOptions()), TetReadiness.Platform.AzurePlatform.Local);
        var responder = new HttpResponder(NullLogger<HttpResponder>.Instance, Options.Create(new TetReadiness.Platform.AppOptions()));
        var secrets = new SecretSettingsCheck(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build(), NullLogger<SecretSettingsCheck>.Instance);
        var function = new HealthFunction(new HealthCheck(new TableClients(unreachable, Options.Create(new StorageOptions())), [new OwnedTable("Campaigns", "Campaigns")], new MissingResourceWatch(), email, TimeProvider.System, headerTrust, secrets), responder);

        var response = await CheckAsync(function);

        ProblemAssert.Is(response, 503, "Storage is unavailable");
        Assert.Equal("30", response.Header("Retry-After"));
    }
}
