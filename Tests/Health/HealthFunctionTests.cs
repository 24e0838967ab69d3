using System.Net;
using System.Net.Sockets;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TetReadiness.Email;
using TetReadiness.Health;
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
    public async Task Health_is_503_while_a_table_of_the_app_is_missing_and_200_once_start_up_has_created_it_again()
    {
        var log = new LogCapture();
        await using var app = await TestApp.StartAsync(configure: services => services
            .AddSingleton<ILoggerProvider>(log)
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Information)));
        var initializer = app.Services.GetServices<IHostedService>().OfType<StorageInitializer>().Single();
        static bool Ready(CapturedLog line) => line.Category == typeof(StorageInitializer).FullName && line.Text.Contains("are ready", StringComparison.Ordinal);
        await initializer.StartAsync(CancellationToken.None);
        try
        {
            await log.WaitForAsync(Ready, TimeSpan.FromSeconds(20));
            log.Clear();

            // Not the table health used to read (Campaigns): a check of one table alone would answer 200.
            await app.Tables.Get(TetReadiness.Audit.AuditTables.AuditLog).DeleteAsync();

            ProblemAssert.Is(await CheckAsync(app.Create<HealthFunction>()), 503, "Storage is unavailable");
            await log.WaitForAsync(Ready, TimeSpan.FromSeconds(20));
            Assert.Equal(200, (await CheckAsync(app.Create<HealthFunction>())).Status);
        }
        finally
        {
            await initializer.StopAsync(CancellationToken.None);
        }
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
        var secrets = new SecretSettingsCheck(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build(), NullLogger<SecretSettingsCheck>.Instance);
        var function = new HealthFunction(new HealthCheck(new TableClients(unreachable, Options.Create(new StorageOptions())), [new OwnedTable("Campaigns", "Campaigns")], new MissingResourceWatch(), email, TimeProvider.System, headerTrust, secrets));

        var response = await CheckAsync(function);

        ProblemAssert.Is(response, 503, "Storage is unavailable");
        Assert.Equal("30", response.Header("Retry-After"));
    }
}
