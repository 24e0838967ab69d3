using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TetReadiness.Hosting.Local;
using TetReadiness.Storage;
using TetReadiness.Tests.Infrastructure;

namespace TetReadiness.Tests.Hosting;

/// <summary>
/// Local mode booted as <c>./run.sh</c> boots it (<see cref="LocalFunctionsHost.Build"/>), on a free loopback port,
/// against the run's Azurite with tables of its own. Timers are scheduled far away; tests run them through the admin API.
/// </summary>
public sealed class LocalModeHostFixture : IAsyncLifetime
{
    private const string FarAway = "0 0 0 1 1 *";

    private readonly string outbox = Path.Combine(Path.GetTempPath(), "tetreadiness-local-contract-" + Guid.NewGuid().ToString("N")[..8]);

    public WebApplication App { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public StorageTables Tables => App.Services.GetRequiredService<StorageTables>();

    public async Task InitializeAsync()
    {
        var azurite = await AzuriteServer.Shared;
        var settings = new Dictionary<string, string?>
        {
            ["Storage"] = azurite.ConnectionString,
            ["Storage:TablePrefix"] = TestApp.NewPrefix(),
            ["Storage:MaxRetries"] = "1",
            ["Storage:NetworkTimeoutSeconds"] = "5",
            ["SendGrid:ApiKey"] = string.Empty,
            ["SendGrid:OutboxPath"] = outbox,
            ["ProjectionRepairSchedule"] = FarAway,
            ["ReminderScanSchedule"] = FarAway,
            ["DailyDigestSchedule"] = FarAway,
            ["Auth:AllowClientPrincipalHeader"] = "true",
            ["UnitLinks:PrimaryKey"] = "local-contract-signing-key-0123456789abcdef",
        };

        // Any other %Setting% a trigger names (features added later) gets a harmless value, so the host can start.
        foreach (var function in FunctionCatalog.Discover(typeof(LocalFunctionsHost).Assembly))
        {
            foreach (Match match in Regex.Matches(function.Schedule ?? string.Empty, "%([^%]+)%"))
            {
                settings.TryAdd(match.Groups[1].Value, FarAway);
            }

            foreach (Match match in Regex.Matches(function.QueueName ?? string.Empty, "%([^%]+)%"))
            {
                settings.TryAdd(match.Groups[1].Value, "local-contract-" + match.Groups[1].Value.ToLowerInvariant());
            }
        }

        App = LocalFunctionsHost.Build(["--urls", "http://127.0.0.1:0"], builder => builder.Configuration.AddInMemoryCollection(settings));

        // The host also creates them in the background; creating them first means no request races that.
        await Tables.CreateAllAsync(TableNames.All, CancellationToken.None);
        await App.StartAsync();
        var address = App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        Http = new HttpClient { BaseAddress = new Uri(address) };

        // As ./run.sh trusts it: a city coordinator who is also the officer of ba-dinh-ubnd.
        Http.DefaultRequestHeaders.Add(HttpCall.PrincipalHeader, HttpCall.PrincipalFor("/api/campaigns/x/units/ba-dinh-ubnd"));
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync();
        foreach (var table in TableNames.All)
        {
            await Tables.Get(table).DeleteAsync();
        }

        await App.DisposeAsync();
        if (Directory.Exists(outbox))
        {
            Directory.Delete(outbox, recursive: true);
        }
    }
}
