using TetReadiness.Storage;

namespace TetReadiness.Tests.Reporting;

/// <summary>
/// A large campaign streams: pages are read one storage request at a time and each is written to the response before
/// the next is requested. Counted with a pipeline policy on the storage client, not timed.
/// </summary>
public sealed class FeedStreamingTests(LargeCampaignFixture fixture) : IClassFixture<LargeCampaignFixture>
{
    [Theory]
    [InlineData("")]
    [InlineData("&format=csv")]
    public async Task A_campaign_of_6000_units_writes_its_first_bytes_before_the_second_page_is_requested(string format)
    {
        fixture.Log.Clear();
        var body = new RecordingBody(() => PageRequests().Count);
        fixture.Log.BytesWritten = () => body.Length;

        var response = await FeedCall.GetAsync(fixture.App, "submissions", $"campaign={LargeCampaignFixture.Campaign}{format}", FeedCall.PrimaryKey, body, null);

        Assert.Equal(200, response.Status);
        var pages = PageRequests();
        Assert.True(pages.Count >= LargeCampaignFixture.UnitCount / TableQueries.PageSize, $"{pages.Count} page requests");
        Assert.Equal(1, body.PageRequestsAtFirstWrite);
        Assert.All(pages.Skip(1).Zip(pages), pair => Assert.True(pair.First.BytesWrittenBefore > pair.Second.BytesWrittenBefore,
            "a page was requested before the previous one had been written to the response"));
        Assert.True(body.Flushes >= pages.Count);
        var rows = format.Length == 0 ? response.Rows.Count : response.Text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length - 1;
        Assert.Equal(LargeCampaignFixture.UnitCount, rows);
        Assert.All(pages, p => Assert.Contains($"PartitionKey eq '{LargeCampaignFixture.Campaign}'", p.Query, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Storage_failing_mid_stream_aborts_the_response_instead_of_ending_it()
    {
        fixture.Log.Clear();
        var body = new RecordingBody(() => PageRequests().Count);
        var lifetime = new AbortRecorder();
        fixture.Log.FailWhen = request => request.IsPageOf(fixture.SubmissionsTable) && PageRequests().Count == 3;
        try
        {
            var response = await FeedCall.GetAsync(fixture.App, "submissions", $"campaign={LargeCampaignFixture.Campaign}&format=csv", FeedCall.PrimaryKey, body, lifetime);

            Assert.Equal(200, response.Status);
            Assert.True(lifetime.Aborted);
            var lines = response.Text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(1 + 2 * TableQueries.PageSize, lines.Length);
        }
        finally
        {
            fixture.Log.FailWhen = _ => false;
        }
    }

    [Fact]
    public async Task Storage_failing_before_the_first_byte_is_an_ordinary_503_problem()
    {
        fixture.Log.Clear();
        fixture.Log.FailWhen = request => request.IsPageOf(fixture.SubmissionsTable);
        try
        {
            var response = await FeedCall.GetAsync(fixture.App, "submissions", $"campaign={LargeCampaignFixture.Campaign}");

            Infrastructure.ProblemAssert.Is(response.Snapshot, 503, "Storage is unavailable");
        }
        finally
        {
            fixture.Log.FailWhen = _ => false;
        }
    }

    private List<StorageRequest> PageRequests() => fixture.Log.Requests.Where(r => r.IsPageOf(fixture.SubmissionsTable)).ToList();
}
