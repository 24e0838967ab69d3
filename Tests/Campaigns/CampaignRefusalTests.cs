using TetReadiness.Campaigns;
using TetReadiness.Tests.Infrastructure;

namespace TetReadiness.Tests.Campaigns;

/// <summary>Every refusal of <c>PUT/GET /api/campaigns/{id}</c>: problem+json, the errors map, and campaign <c>tet-2024</c> left as it was.</summary>
public sealed class CampaignRefusalTests(SeededAppFixture fixture) : IClassFixture<SeededAppFixture>
{
    private readonly TestApp app = fixture.App;

    private Task<HttpResponseSnapshot> PutAsync(string campaignId, CampaignDefinition definition) =>
        HttpCall.RunAsync(HttpCall.Json("PUT", $"/api/campaigns/{campaignId}", definition), r => app.Create<CampaignFunctions>().PutCampaign(r, campaignId, CancellationToken.None));

    private Task<HttpResponseSnapshot> PutRawAsync(string campaignId, string body, string? contentType = "application/json") =>
        HttpCall.RunAsync(HttpCall.Request("PUT", $"/api/campaigns/{campaignId}", body, contentType), r => app.Create<CampaignFunctions>().PutCampaign(r, campaignId, CancellationToken.None));

    private Task<HttpResponseSnapshot> GetAsync(string campaignId) =>
        HttpCall.RunAsync(HttpCall.Request("GET", $"/api/campaigns/{campaignId}", contentType: null), r => app.Create<CampaignFunctions>().GetCampaign(r, campaignId, CancellationToken.None));

    [Fact]
    public async Task A_campaign_whose_deadline_is_not_after_its_opening_is_refused_and_nothing_is_written()
    {
        var problem = await ProblemAssert.RefusedAsync(app, 400, "see 'errors'",
            () => PutAsync("tet-2024", Seed.Campaign(opensAt: "2024-02-01T08:00:00+07:00", deadline: "2024-01-31")));

        Assert.Contains("after the opening", Assert.Single(ProblemAssert.Errors(problem)["deadline"]), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("opensAt")]
    [InlineData("deadline")]
    [InlineData("closesAt")]
    public async Task A_day_month_date_is_refused_naming_its_field_and_nothing_is_written(string field)
    {
        // 05/02/2024 as a US parser reads it (2 May) would make a valid campaign of any of the three fields.
        var times = new Dictionary<string, string> { ["opensAt"] = "2024-01-01", ["deadline"] = "2024-06-01", ["closesAt"] = "2024-07-01", [field] = "05/02/2024" };
        var body = System.Text.Json.JsonSerializer.Serialize(new
        {
            title = "Tết",
            opensAt = times["opensAt"],
            deadline = times["deadline"],
            closesAt = times["closesAt"],
            sections = Seed.Campaign().Sections,
        }, TetReadiness.Http.ApiJson.Options);

        var problem = await ProblemAssert.RefusedAsync(app, 400, "see 'errors'", () => PutRawAsync("tet-2024", body));

        Assert.Equal([field], ProblemAssert.Errors(problem).Keys);
        Assert.Contains("ISO 8601", Assert.Single(ProblemAssert.Errors(problem)[field]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_campaign_without_items_is_refused_and_nothing_is_written()
    {
        var empty = Seed.Campaign();
        empty.Sections = [new CampaignDefinition.SectionDefinition { Id = "chung", Title = "Chung", Items = [] }];

        var problem = await ProblemAssert.RefusedAsync(app, 400, "see 'errors'", () => PutAsync("tet-2024", empty));

        Assert.Equal(["sections[0].items"], ProblemAssert.Errors(problem).Keys);
    }

    [Fact]
    public async Task A_campaign_without_sections_is_refused_and_nothing_is_written()
    {
        var problem = await ProblemAssert.RefusedAsync(app, 400, "see 'errors'",
            () => PutRawAsync("tet-2024", "{\"title\":\"Tết\",\"opensAt\":\"2024-01-15\",\"deadline\":\"2024-01-31\"}"));

        Assert.Equal(["sections"], ProblemAssert.Errors(problem).Keys);
    }

    [Fact]
    public async Task A_rejected_change_leaves_the_existing_campaign_as_it_was()
    {
        var tooMany = Seed.Campaign();
        tooMany.Sections![0].Items = [.. Enumerable.Range(1, 99).Select(i => new CampaignDefinition.ItemDefinition { Id = $"muc-{i}", Text = "Mục", Required = false })];

        var problem = await ProblemAssert.RefusedAsync(app, 400, "see 'errors'", () => PutAsync("tet-2024", tooMany));

        Assert.Contains("98", Assert.Single(ProblemAssert.Errors(problem)["sections"]), StringComparison.Ordinal);
    }

    public static TheoryData<string> BadIds => new() { "../x", "A B", "x' or '1'='1", new string('a', 65), "tet-2024\n" };

    [Theory]
    [MemberData(nameof(BadIds))]
    public async Task A_bad_campaign_id_is_refused_and_nothing_is_written(string campaignId)
    {
        var problem = await ProblemAssert.RefusedAsync(app, 400, "Invalid campaign id", () => PutAsync(campaignId, Seed.Campaign()));

        Assert.Equal(["campaignId"], ProblemAssert.Errors(problem).Keys);
    }

    [Theory]
    [InlineData("{\"title\": ")]
    [InlineData("{'title': 'Tết'}")]
    [InlineData("{\"sections\": {}}")]
    public async Task Malformed_JSON_is_refused_and_nothing_is_written(string body)
    {
        await ProblemAssert.RefusedAsync(app, 400, "Malformed JSON", () => PutRawAsync("tet-2024", body));
    }

    [Fact]
    public async Task JSON_null_is_refused_and_nothing_is_written()
    {
        await ProblemAssert.RefusedAsync(app, 400, "JSON null", () => PutRawAsync("tet-2024", "null"));
    }

    [Fact]
    public async Task A_campaign_sent_as_text_is_an_unsupported_media_type()
    {
        await ProblemAssert.RefusedAsync(app, 415, "application/json", () => PutRawAsync("tet-2024", "{}", "text/plain"));
    }

    [Fact]
    public async Task An_unknown_campaign_is_not_found()
    {
        await ProblemAssert.RefusedAsync(app, 404, "Unknown campaign", () => GetAsync("tet-2099"));
    }
}
