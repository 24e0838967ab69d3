using Azure.Data.Tables;
using TetReadiness.FeedSchema;
using TetReadiness.Submissions;
using TetReadiness.Tests.Infrastructure;

namespace TetReadiness.Tests.Reporting;

/// <summary><c>modifiedSince</c> against real storage timestamps: write, note the time, write more, ask for what changed.</summary>
public sealed class FeedModifiedSinceTests : IAsyncLifetime
{
    private TestApp app = null!;

    public async Task InitializeAsync() => app = await TestApp.StartAsync(settings: FeedCall.KeySettings());

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task Modified_since_returns_exactly_the_rows_storage_wrote_at_or_after_that_time()
    {
        await Seed.RosterAndCampaignAsync(app);
        await SubmitAsync("ba-dinh-ubnd");
        await SubmitAsync("hoan-kiem-ubnd");

        // Storage stamps rows itself (Azurite with this machine's clock, to the millisecond): the first instant after
        // every row written so far, once the clock has passed it.
        var since = (await LatestTimestampAsync()).AddMilliseconds(1);
        while (DateTimeOffset.UtcNow <= since.AddMilliseconds(1))
        {
            await Task.Yield();
        }

        await SubmitAsync("ba-dinh-ubnd");
        await SubmitAsync("ba-vi-ubnd");
        var query = "modifiedSince=" + Uri.EscapeDataString(FeedValues.FormatUtc(since));

        var submissions = (await FeedCall.GetAsync(app, "submissions", query)).Rows.Select(r => r.GetProperty("unitId").GetString()).Order();
        Assert.Equal(["ba-dinh-ubnd", "ba-vi-ubnd"], submissions);

        var revisions = (await FeedCall.GetAsync(app, "revisions", query + "&campaign=tet-2024")).Rows.Select(r => r.GetProperty("revisionKey").GetString()).Order();
        Assert.Equal(["tet-2024|ba-dinh-ubnd|2", "tet-2024|ba-vi-ubnd|1"], revisions);

        foreach (var (feed, table) in new[] { ("answers", TableNames.Answers), ("submissions", TableNames.Submissions), ("checklist-items", TableNames.ChecklistItems), ("units", TableNames.Units) })
        {
            var expected = (await app.ReadAllAsync(table)).Where(r => r.Timestamp >= since).Select(Modified).Order().ToList();
            var served = (await FeedCall.GetAsync(app, feed, query)).Rows.Select(r => r.GetProperty("modifiedAtUtc").GetString()!).Order().ToList();
            Assert.Equal(expected, served);
        }

        Assert.Equal(6, (await FeedCall.GetAsync(app, "answers", query)).Rows.Count);
        Assert.Equal(9, (await FeedCall.GetAsync(app, "answers")).Rows.Count);
        Assert.Empty((await FeedCall.GetAsync(app, "checklist-items", query)).Rows);
        Assert.Empty((await FeedCall.GetAsync(app, "answers", "modifiedSince=" + Uri.EscapeDataString(FeedValues.FormatUtc(DateTimeOffset.UtcNow.AddMinutes(1))))).Rows);
    }

    private static string Modified(TableEntity row) => FeedValues.FormatUtc(row.Timestamp!.Value);

    private async Task<DateTimeOffset> LatestTimestampAsync()
    {
        var latest = DateTimeOffset.MinValue;
        foreach (var table in TableNames.All)
        {
            foreach (var row in await app.ReadAllAsync(table))
            {
                latest = row.Timestamp > latest ? row.Timestamp.Value : latest;
            }
        }

        return latest;
    }

    private Task SubmitAsync(string unitId) =>
        app.Get<SubmissionService>().SubmitAsync("tet-2024", unitId, _ => Task.FromResult(Seed.Answers()), SubmissionPreconditions.None, TetReadiness.Identity.Caller.System, CancellationToken.None);
}
