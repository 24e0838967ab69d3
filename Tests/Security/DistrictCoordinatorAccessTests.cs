using TetReadiness.Campaigns;
using TetReadiness.Roster;
using TetReadiness.Status;
using TetReadiness.Submissions;
using TetReadiness.Tests.Infrastructure;

namespace TetReadiness.Tests.Security;

/// <summary>A district coordinator (an email in the roster's coordinator_emails) sees their district only, and administers nothing.</summary>
public sealed class DistrictCoordinatorAccessTests(ReportedAppFixture fixture) : IClassFixture<ReportedAppFixture>
{
    private const string BaDinhCoordinator = "dieuphoi@ba-dinh.invalid";
    private readonly TestApp app = fixture.App;

    private static Dictionary<string, string> Headers => AsCaller.Principal(BaDinhCoordinator);

    [Fact]
    public async Task Status_covers_their_district_only_with_totals_over_it()
    {
        var response = await Api.CallAsync(app, nameof(StatusFunctions.GetCampaignStatus), headers: Headers);

        Assert.True(response.Status == 200, response.Body);
        var status = response.Json;
        Assert.Equal((2, 1, 1), (status.GetProperty("units").GetInt32(), status.GetProperty("reported").GetInt32(), status.GetProperty("missing").GetInt32()));
        Assert.Equal(["ba-dinh"], status.GetProperty("districts").EnumerateArray().Select(d => d.GetProperty("districtId").GetString()));
    }

    [Fact]
    public async Task Non_reporters_are_those_of_their_district_only()
    {
        var response = await Api.CallAsync(app, nameof(StatusFunctions.GetNonReporters), headers: Headers);

        Assert.True(response.Status == 200, response.Body);
        Assert.Equal(["ba-dinh-ttyt"], response.Json.EnumerateArray().Select(u => u.GetProperty("unitId").GetString()));
    }

    [Theory]
    [InlineData(nameof(StatusFunctions.GetCampaignStatus))]
    [InlineData(nameof(StatusFunctions.GetNonReporters))]
    public async Task Another_district_as_filter_is_forbidden(string function)
    {
        ProblemAssert.Is(await Api.CallAsync(app, function, headers: Headers, query: "?district=hoan-kiem"), 403, "outside your scope");
        Assert.Equal(200, (await Api.CallAsync(app, function, headers: Headers, query: "?district=ba-dinh")).Status);
    }

    [Fact]
    public async Task They_read_a_submission_in_their_district_but_not_elsewhere()
    {
        var own = await Api.CallAsync(app, nameof(SubmissionFunctions.GetSubmission), unitId: "ba-dinh-ubnd", headers: Headers);
        Assert.True(own.Status == 200, own.Body);
        Assert.Equal("ba-dinh-ubnd", own.Json.GetProperty("unitId").GetString());

        ProblemAssert.Is(await Api.CallAsync(app, nameof(SubmissionFunctions.GetSubmission), unitId: "hoan-kiem-ubnd", headers: Headers), 403, "may not see");
        ProblemAssert.Is(await Api.CallAsync(app, nameof(SubmissionFunctions.ListRevisions), unitId: "hoan-kiem-ubnd", headers: Headers), 403, "may not see");
    }

    [Fact]
    public async Task They_cannot_submit_for_a_unit_of_their_district()
    {
        await ProblemAssert.RefusedAsync(app, 403, "may not report", () =>
            Api.CallAsync(app, nameof(SubmissionFunctions.PutSubmission), unitId: "ba-dinh-ttyt", body: Api.AnswersJson, headers: Headers));
    }

    [Fact]
    public async Task They_cannot_import_the_roster()
    {
        await ProblemAssert.RefusedAsync(app, 403, "City coordinators only", () =>
            Api.CallAsync(app, nameof(RosterFunctions.ImportRoster), body: Seed.RosterCsv, contentType: "text/csv", headers: Headers));
    }

    [Fact]
    public async Task They_cannot_define_a_campaign()
    {
        var body = System.Text.Json.JsonSerializer.Serialize(Seed.Campaign(), TetReadiness.Http.ApiJson.Options);

        await ProblemAssert.RefusedAsync(app, 403, "City coordinators only", () =>
            Api.CallAsync(app, nameof(CampaignFunctions.PutCampaign), campaignId: "tet-2024", body: body, headers: Headers));
    }

    [Fact]
    public async Task They_see_the_campaign_with_its_digest_recipients()
    {
        var response = await Api.CallAsync(app, nameof(CampaignFunctions.GetCampaign), headers: Headers);

        Assert.True(response.Status == 200, response.Body);
        Assert.Equal(["sonoivu@hanoi.invalid"], response.Json.GetProperty("digestRecipients").EnumerateArray().Select(e => e.GetString()));
    }
}
