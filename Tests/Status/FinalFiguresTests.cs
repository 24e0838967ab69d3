using TetReadiness.Status;
using TetReadiness.Tests.Infrastructure;

namespace TetReadiness.Tests.Status;

/// <summary>A closed campaign's status comes from the final figures stored once it closed, never recomputed on a read.</summary>
public sealed class FinalFiguresTests
{
    [Fact]
    public async Task A_closed_campaigns_status_is_read_from_its_stored_final_figures()
    {
        await using var app = await ReportedCampaignFixture.StartAsync();
        var status = app.Get<StatusService>();
        var open = await status.GetStatusAsync(TestCallers.CityCoordinator, "tet-2024", null, CancellationToken.None);

        // tet-2024 closes 14 days after its deadline; the timer's first run after that stores its final figures.
        app.Clock.Advance(TimeSpan.FromDays(30));
        await app.Get<StatusRollupService>().RollUpAsync(CancellationToken.None);
        var summaries = await app.ReadAllAsync(TableNames.AreaSummaries);
        Assert.All(summaries.Where(r => r.GetString("RowType") == "area"), r => Assert.True(r.GetBoolean("Final")));

        // Were a read to recompute, a report removed behind the app's back would show; the stored figures do not move.
        var report = Assert.Single(await app.ReadAllAsync(TableNames.Submissions), r => r.GetString("UnitId") == "ba-dinh-ubnd");
        await app.Tables.Submissions.DeleteEntityAsync(report.PartitionKey, report.RowKey);
        var closed = await status.GetStatusAsync(TestCallers.CityCoordinator, "tet-2024", null, CancellationToken.None);
        var area = await status.GetStatusAsync(TestCallers.CityCoordinator, "tet-2024", "ba-dinh", CancellationToken.None);

        Assert.Equal((open.Units, open.Reported, open.OnTime, open.Late), (closed.Units, closed.Reported, closed.OnTime, closed.Late));
        Assert.Equal(open.Readiness, closed.Readiness);
        Assert.Equal(open.Districts.Single(d => d.DistrictId == "ba-dinh"), area.Districts.Single());
        Assert.Equal(1, area.Reported);
    }
}
