using Microsoft.AspNetCore.Builder;
using TetReadiness.LocalHost;
using TetReadiness.Tests.Infrastructure;

namespace TetReadiness.Tests.Hosting;

/// <summary>
/// Local mode booted as <c>./run.sh</c> boots it (<see cref="LocalFunctionsHost.Build"/>), on a free loopback port,
/// against the run's Azurite with tables of its own. Timers are scheduled far away; tests run them through the admin API.
/// </summary>
public sealed class LocalModeHostFixture : IAsyncLifetime
{
    private LocalModeApp local = null!;

    public WebApplication App => local.App;

    public HttpClient Http => local.Http;

    public AppTables Tables => local.Tables;

    public async Task InitializeAsync()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Storage:NetworkTimeoutSeconds"] = "5",
            ["ProjectionRepairSchedule"] = LocalModeApp.FarAway,
            ["StatusRollupSchedule"] = LocalModeApp.FarAway,
            ["ReminderScanSchedule"] = LocalModeApp.FarAway,
            ["DailyDigestSchedule"] = LocalModeApp.FarAway,
            ["Auth:AllowClientPrincipalHeader"] = "true",
            ["UnitLinks:PrimaryKey"] = "local-contract-signing-key-0123456789abcdef",
        };
        LocalModeApp.AddTriggerPlaceholders(settings, "local-contract-");
        local = await LocalModeApp.StartAsync(settings);

        // As ./run.sh trusts it: a city coordinator who is also the officer of ba-dinh-ubnd.
        Http.DefaultRequestHeaders.Add(HttpCall.PrincipalHeader, HttpCall.PrincipalFor("/api/campaigns/x/units/ba-dinh-ubnd"));
    }

    public async Task DisposeAsync()
    {
        if (local is not null)
        {
            await local.DisposeAsync();
        }
    }
}
