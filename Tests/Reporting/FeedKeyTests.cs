using TetReadiness.Tests.Infrastructure;

namespace TetReadiness.Tests.Reporting;

/// <summary>The feed answers only to one of its two keys; everything else is 401 problem+json.</summary>
public sealed class FeedKeyTests : IAsyncLifetime
{
    private TestApp app = null!;

    public async Task InitializeAsync() => app = await TestApp.StartAsync(settings: FeedCall.KeySettings(withSecondary: true));

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task A_request_without_a_key_is_refused()
    {
        var response = await FeedCall.GetAsync(app, "districts", key: null);

        ProblemAssert.Is(response.Snapshot, 401, "feed key is missing");
    }

    [Fact]
    public async Task A_wrong_key_is_refused()
    {
        var response = await FeedCall.GetAsync(app, "districts", key: FeedCall.PrimaryKey + "x");

        ProblemAssert.Is(response.Snapshot, 401, "feed key is not valid");
    }

    [Fact]
    public async Task A_key_in_another_case_is_refused()
    {
        var response = await FeedCall.GetAsync(app, "districts", key: FeedCall.PrimaryKey.ToUpperInvariant());

        ProblemAssert.Is(response.Snapshot, 401, "feed key is not valid");
    }

    [Fact]
    public async Task The_primary_key_is_accepted()
    {
        var response = await FeedCall.GetAsync(app, "districts", key: FeedCall.PrimaryKey);

        Assert.Equal(200, response.Status);
        Assert.Equal("[]", response.Text);
    }

    [Fact]
    public async Task The_secondary_key_is_accepted_so_a_key_can_be_rotated()
    {
        var response = await FeedCall.GetAsync(app, "districts", key: FeedCall.SecondaryKey);

        Assert.Equal(200, response.Status);
    }

    [Fact]
    public async Task The_feed_is_off_and_refuses_every_key_when_none_is_configured()
    {
        await using var unconfigured = await TestApp.StartAsync(settings: new Dictionary<string, string?> { ["Feed:PrimaryKey"] = " ", ["Feed:SecondaryKey"] = "" });

        ProblemAssert.Is((await FeedCall.GetAsync(unconfigured, "districts", key: null)).Snapshot, 401, "feed is off");
        ProblemAssert.Is((await FeedCall.GetAsync(unconfigured, "districts", key: " ")).Snapshot, 401, "feed is off");
        ProblemAssert.Is((await FeedCall.GetAsync(unconfigured, "districts", key: FeedCall.PrimaryKey)).Snapshot, 401, "feed is off");
    }

    [Fact]
    public async Task A_wrong_key_is_refused_before_the_table_is_looked_up()
    {
        var response = await FeedCall.GetAsync(app, "no-such-table", key: "wrong");

        ProblemAssert.Is(response.Snapshot, 401, "feed key is not valid");
    }
}
