using TetReadiness.Roster;
using TetReadiness.Tests.Backups;
using TetReadiness.Tests.Infrastructure;

namespace TetReadiness.Tests.Roster;

/// <summary>An area's units cost one request per 1,000 units of that area, current or frozen, and nothing while cached.</summary>
public sealed class AreaReadCostTests
{
    [Fact]
    public async Task An_area_is_read_one_request_per_thousand_of_its_units_whatever_the_rest_of_the_roster()
    {
        var recorder = new RequestRecorder();
        await using var app = await RecordedTables.StartAppAsync(recorder);
        // Area 0 has 1,500 units, areas 1 to 4 have 250 each.
        await app.Get<RosterImporter>().ImportAsync(LargeRoster.Text(2500, unit => unit < 1500 ? 0 : 1 + (unit % 4)), null, dryRun: false, TestCallers.CityCoordinator, CancellationToken.None);
        await app.Get<ICampaignRosters>().FreezeAsync("tet-2024", CancellationToken.None);
        var roster = app.Get<IUnitDirectory>();
        await CountAsync(roster.ReadAreaUnitsAsync(string.Empty, false, "khu-0004", CancellationToken.None));
        recorder.Take();

        foreach (var (campaignId, frozen) in new[] { (string.Empty, false), ("tet-2024", true) })
        {
            Assert.Equal(1500, await CountAsync(roster.ReadAreaUnitsAsync(campaignId, frozen, "khu-0000", CancellationToken.None)));
            var large = recorder.Take();
            Assert.True(large.Count == 2, string.Join('\n', large));
            Assert.Equal(250, await CountAsync(roster.ReadAreaUnitsAsync(campaignId, frozen, "khu-0002", CancellationToken.None)));
            Assert.Single(recorder.Take());
            Assert.Equal(1500, await CountAsync(roster.ReadAreaUnitsAsync(campaignId, frozen, "khu-0000", CancellationToken.None)));
            Assert.Empty(recorder.Take());
        }
    }

    private static async Task<int> CountAsync(IAsyncEnumerable<RosterUnit> units)
    {
        var count = 0;
        await foreach (var unit in units)
        {
            count++;
        }

        return count;
    }
}
