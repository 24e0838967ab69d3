using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TetReadiness.Campaigns;
using TetReadiness.Hosting.Local;
using TetReadiness.Roster;
using TetReadiness.Storage;
using TetReadiness.Tests.Infrastructure;

namespace TetReadiness.Tests.Reporting;

/// <summary>
/// The feed over real HTTP in local mode (Kestrel, which forbids synchronous writes, as the Functions worker does):
/// the route, the key as a query parameter, a streamed JSON and CSV body.
/// </summary>
public sealed class LocalModeFeedTests : IAsyncLifetime
{
    private const string FarAway = "0 0 0 1 1 *";
    private WebApplication app = null!;
    private HttpClient http = null!;

    public async Task InitializeAsync()
    {
        var azurite = await AzuriteServer.Shared;
        var settings = new Dictionary<string, string?>
        {
            ["Storage"] = azurite.ConnectionString,
            ["Storage:TablePrefix"] = TestApp.NewPrefix(),
            ["Storage:MaxRetries"] = "1",
            ["Feed:PrimaryKey"] = FeedCall.PrimaryKey,
            ["SendGrid:ApiKey"] = string.Empty,
            ["SendGrid:OutboxPath"] = Path.Combine(Path.GetTempPath(), "tetreadiness-feed-outbox-" + Guid.NewGuid().ToString("N")[..8]),
        };
        foreach (var function in FunctionCatalog.Discover(typeof(LocalFunctionsHost).Assembly))
        {
            foreach (Match match in Regex.Matches(function.Schedule ?? string.Empty, "%([^%]+)%"))
            {
                settings.TryAdd(match.Groups[1].Value, FarAway);
            }

            foreach (Match match in Regex.Matches(function.QueueName ?? string.Empty, "%([^%]+)%"))
            {
                settings.TryAdd(match.Groups[1].Value, "feed-test-" + match.Groups[1].Value.ToLowerInvariant());
            }
        }

        app = LocalFunctionsHost.Build(["--urls", "http://127.0.0.1:0"], builder => builder.Configuration.AddInMemoryCollection(settings));
        await app.Services.GetRequiredService<StorageTables>().CreateAllAsync(TableNames.All, CancellationToken.None);
        await app.Services.GetRequiredService<RosterImporter>().ImportAsync(Seed.RosterCsv, null, dryRun: false, TetReadiness.Auth.Caller.System, CancellationToken.None);
        await app.Services.GetRequiredService<CampaignService>().PutAsync("tet-2024", _ => Task.FromResult(Seed.Campaign()), TetReadiness.Auth.Caller.System, CancellationToken.None);
        await app.StartAsync();
        http = new HttpClient { BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single()) };
    }

    public async Task DisposeAsync()
    {
        http.Dispose();
        await app.StopAsync();
        var tables = app.Services.GetRequiredService<StorageTables>();
        foreach (var table in TableNames.All)
        {
            await tables.Get(table).DeleteAsync();
        }

        await app.DisposeAsync();
    }

    [Fact]
    public async Task The_feed_streams_json_and_csv_over_http_with_the_key_as_a_query_parameter()
    {
        var key = Uri.EscapeDataString(FeedCall.PrimaryKey);

        using var json = await http.GetAsync($"/api/feed/units?campaign=tet-2024&key={key}");
        Assert.Equal(HttpStatusCode.OK, json.StatusCode);
        Assert.Equal("application/json", json.Content.Headers.ContentType?.MediaType);
        var units = JsonDocument.Parse(await json.Content.ReadAsByteArrayAsync()).RootElement;
        Assert.Equal(4, units.GetArrayLength());
        Assert.Contains(units.EnumerateArray(), u => u.GetProperty("unitName").GetString() == "UBND Quận Hoàn Kiếm");

        using var csv = await http.GetAsync($"/api/feed/checklist-items?format=csv&key={key}");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), bytes[..3]);
        Assert.Contains("Kiểm tra PCCC tại chợ", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
        Assert.Equal(4, Encoding.UTF8.GetString(bytes).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task The_feed_refuses_a_request_without_the_key_with_401_problem_json()
    {
        using var response = await http.GetAsync("/api/feed/units");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("feed key is missing", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
