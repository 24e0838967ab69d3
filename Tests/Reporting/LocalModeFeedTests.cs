using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TetReadiness.Campaigns;
using TetReadiness.Roster;
using TetReadiness.Tests.Infrastructure;

namespace TetReadiness.Tests.Reporting;

/// <summary>
/// The feed over real HTTP in local mode (Kestrel, which forbids synchronous writes, as the Functions worker does):
/// the route, the key as a query parameter, a streamed JSON and CSV body.
/// </summary>
public sealed class LocalModeFeedTests : IAsyncLifetime
{
    private LocalModeApp local = null!;

    public async Task InitializeAsync()
    {
        var settings = new Dictionary<string, string?> { ["Feed:PrimaryKey"] = FeedCall.PrimaryKey };
        LocalModeApp.AddTriggerPlaceholders(settings, "feed-test-");
        local = await LocalModeApp.StartAsync(settings, beforeStart: async services =>
        {
            await services.GetRequiredService<RosterImporter>().ImportAsync(Seed.RosterCsv, null, dryRun: false, TetReadiness.Identity.Caller.System, CancellationToken.None);
            await services.GetRequiredService<CampaignService>().PutAsync("tet-2024", _ => Task.FromResult(Seed.Campaign()), TetReadiness.Identity.Caller.System, CancellationToken.None);
        });
    }

    public async Task DisposeAsync()
    {
        if (local is not null)
        {
            await local.DisposeAsync();
        }
    }

    [Fact]
    public async Task The_feed_streams_json_and_csv_over_http_with_the_key_as_a_query_parameter()
    {
        var key = Uri.EscapeDataString(FeedCall.PrimaryKey);

        using var json = await local.Http.GetAsync($"/api/feed/units?campaign=tet-2024&key={key}");
        Assert.Equal(HttpStatusCode.OK, json.StatusCode);
        Assert.Equal("application/json", json.Content.Headers.ContentType?.MediaType);
        var units = JsonDocument.Parse(await json.Content.ReadAsByteArrayAsync()).RootElement;
        Assert.Equal(4, units.GetArrayLength());
        Assert.Contains(units.EnumerateArray(), u => u.GetProperty("unitName").GetString() == "UBND Quận Hoàn Kiếm");

        using var csv = await local.Http.GetAsync($"/api/feed/checklist-items?format=csv&key={key}");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), bytes[..3]);
        Assert.Contains("Kiểm tra PCCC tại chợ", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
        Assert.Equal(4, Encoding.UTF8.GetString(bytes).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task The_feed_refuses_a_request_without_the_key_with_401_problem_json()
    {
        using var response = await local.Http.GetAsync("/api/feed/units");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("feed key is missing", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
