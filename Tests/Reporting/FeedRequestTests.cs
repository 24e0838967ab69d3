using TetReadiness.Reporting;
using TetReadiness.Tests.Infrastructure;

namespace TetReadiness.Tests.Reporting;

public sealed class FeedRequestTests(FeedFixture fixture) : IClassFixture<FeedFixture>
{
    [Theory]
    [InlineData("2024-02-01T00:00:00Z", "2024-02-01T00:00:00+00:00")]
    [InlineData("2024-02-01T07:00:00+07:00", "2024-02-01T00:00:00+00:00")]
    [InlineData("2024-02-01T07:00:00 07:00", "2024-02-01T00:00:00+00:00")]
    [InlineData("2024-02-01T07:00:00", "2024-02-01T00:00:00+00:00")]
    [InlineData("2024-02-01", "2024-01-31T17:00:00+00:00")]
    [InlineData("2024-02-01T00:00:00.1234567Z", "2024-02-01T00:00:00.1234567+00:00")]
    public void Modified_since_reads_iso_8601_with_vietnam_time_when_no_offset_is_given(string text, string expected)
    {
        Assert.True(FeedRequest.TryParseInstant(text, out var instant));
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), instant);
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("01/02/2024")]
    [InlineData("02/01/2024T07:00:00")]
    [InlineData("02/01/2024T07:00:00Z")]
    [InlineData("02/01/2024T07:00:00 07:00")]
    [InlineData("2024-13-01")]
    public void Modified_since_that_is_not_iso_8601_is_not_read(string text) =>
        Assert.False(FeedRequest.TryParseInstant(text, out _));

    [Fact]
    public async Task An_unknown_table_is_404_naming_the_tables_there_are()
    {
        var response = await FeedCall.GetAsync(fixture.App, "secrets");

        ProblemAssert.Is(response.Snapshot, 404, "districts, units, campaigns");
    }

    [Fact]
    public async Task An_unknown_campaign_is_404()
    {
        var response = await FeedCall.GetAsync(fixture.App, "answers", "campaign=tet-1999");

        ProblemAssert.Is(response.Snapshot, 404, "tet-1999");
    }

    [Fact]
    public async Task A_bad_campaign_id_format_or_time_is_400_naming_each_field()
    {
        var response = await FeedCall.GetAsync(fixture.App, "answers", "campaign=TET%20'or'&format=xlsx&modifiedSince=yesterday");

        var problem = ProblemAssert.Is(response.Snapshot, 400, "invalid fields");
        Assert.Equal(["campaign", "format", "modifiedSince"], ProblemAssert.Errors(problem).Keys.Order());
    }

    [Fact]
    public async Task A_day_month_time_is_400_naming_modified_since_not_read_in_US_order()
    {
        var response = await FeedCall.GetAsync(fixture.App, "answers", "modifiedSince=02/01/2024T07:00:00Z");

        var problem = ProblemAssert.Is(response.Snapshot, 400, "invalid fields");
        Assert.Equal(["modifiedSince"], ProblemAssert.Errors(problem).Keys);
    }
}
