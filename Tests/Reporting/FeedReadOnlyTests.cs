namespace TetReadiness.Tests.Reporting;

public sealed class FeedReadOnlyTests(FeedFixture fixture) : IClassFixture<FeedFixture>
{
    [Fact]
    public async Task Reading_every_feed_table_in_every_way_writes_nothing()
    {
        var before = await fixture.App.SnapshotAsync();
        fixture.Log.Clear();

        foreach (var table in PowerBiSchema.Tables)
        {
            foreach (var query in new[] { "", "format=csv", $"campaign={FeedFixture.Campaign}", $"campaign={FeedFixture.ClosedCampaign}&format=csv", "modifiedSince=2024-01-01" })
            {
                Assert.Equal(200, (await FeedCall.GetAsync(fixture.App, table.Name, query)).Status);
            }
        }

        var requests = fixture.Log.Requests;
        Assert.NotEmpty(requests);
        Assert.All(requests, r => Assert.Equal("GET", r.Method));
        Assert.Equal(before, await fixture.App.SnapshotAsync());
    }
}
