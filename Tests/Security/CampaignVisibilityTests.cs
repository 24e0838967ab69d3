using System.Text.Json;
using TetReadiness.Campaigns;
using TetReadiness.Identity;
using TetReadiness.Links;
using TetReadiness.Submissions;
using TetReadiness.Tests.Infrastructure;

namespace TetReadiness.Tests.Security;

/// <summary>
/// Who sees which campaign, per role, through the function classes: coordinators (city and district) see every
/// campaign; officers and link holders only one that is open now and counts one of their units (a link holder: the
/// campaign of its link), and every other is 404 to them, while their own units' reports of a closed campaign stay
/// readable. Three campaigns: <c>tet-2023</c> closed (ba-dinh-ttyt reported), <c>tet-2024</c> open,
/// <c>tet-2025</c> not open yet.
/// </summary>
public sealed class CampaignVisibilityTests : IAsyncLifetime
{
    private const string Officer = "truc@ba-dinh-ttyt.invalid";
    private const string DistrictCoordinator = "dieuphoi@ba-dinh.invalid";
    private static readonly string[] All = ["tet-2025", "tet-2024", "tet-2023"];

    private TestApp app = null!;

    public async Task InitializeAsync()
    {
        app = await TestApp.StartAsync();
        await Seed.RosterAndCampaignAsync(app);
        var campaigns = app.Get<CampaignService>();
        await campaigns.PutAsync("tet-2025", _ => Task.FromResult(Seed.Campaign(opensAt: "2025-01-10", deadline: "2025-01-25")), Caller.System, CancellationToken.None);
        await campaigns.PutAsync("tet-2023", _ => Task.FromResult(Seed.Campaign(opensAt: "2023-01-05", deadline: "2023-01-15")), Caller.System, CancellationToken.None);
        var now = app.Clock.GetUtcNow();
        app.Clock.Set(new DateTimeOffset(2023, 1, 10, 9, 0, 0, TimeSpan.FromHours(7)));
        await app.Get<SubmissionService>().SubmitAsync("tet-2023", "ba-dinh-ttyt", _ => Task.FromResult(Seed.Answers()), SubmissionPreconditions.None, Caller.System, CancellationToken.None);
        app.Clock.Set(now);
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task A_city_coordinator_lists_and_reads_every_campaign()
    {
        await AssertSeesAsync(AsCaller.CityCoordinator, All);
    }

    [Fact]
    public async Task A_district_coordinator_lists_and_reads_every_campaign_with_its_digest_recipients()
    {
        await AssertSeesAsync(AsCaller.Principal(DistrictCoordinator), All);
        var upcoming = await Api.CallAsync(app, nameof(CampaignFunctions.GetCampaign), "tet-2025", headers: AsCaller.Principal(DistrictCoordinator));
        Assert.Equal(JsonValueKind.Array, upcoming.Json.GetProperty("digestRecipients").ValueKind);
    }

    [Fact]
    public async Task An_officer_sees_only_the_open_campaign()
    {
        await AssertSeesAsync(AsCaller.Principal(Officer), ["tet-2024"]);
    }

    [Fact]
    public async Task A_signed_in_identity_that_reports_for_no_unit_sees_no_campaign()
    {
        await AssertSeesAsync(AsCaller.Principal("nguoi-la@hanoi.invalid"), []);
    }

    [Fact]
    public async Task A_link_holder_sees_only_the_campaign_of_its_link_while_it_is_open()
    {
        var open = await Api.MintTokenAsync(app, "tet-2024", "ba-vi-ubnd");
        var upcoming = await Api.MintTokenAsync(app, "tet-2025", "ba-vi-ubnd");

        await AssertSeesAsync(AsCaller.LinkHeader(open), ["tet-2024"]);
        await AssertSeesAsync(AsCaller.LinkHeader(upcoming), []);
    }

    [Fact]
    public async Task A_revoked_link_sees_no_campaign()
    {
        var token = await Api.MintTokenAsync(app, "tet-2024", "hoan-kiem-ubnd");
        Assert.Equal(200, (await Api.CallAsync(app, nameof(LinkFunctions.RevokeUnitLinks), unitId: "hoan-kiem-ubnd", headers: AsCaller.CityCoordinator)).Status);

        await AssertSeesAsync(AsCaller.LinkHeader(token), []);
    }

    [Fact]
    public async Task Before_the_campaign_opens_an_officer_and_a_link_holder_cannot_reach_it_through_their_unit_either()
    {
        var token = await Api.MintTokenAsync(app, "tet-2025", "ba-vi-ubnd");

        foreach (var (unitId, headers, body) in new[] { ("ba-dinh-ttyt", AsCaller.Principal(Officer), Api.AnswersJson), ("ba-vi-ubnd", AsCaller.LinkHeader(token), Api.LinkAnswersJson) })
        {
            await ProblemAssert.RefusedAsync(app, 404, "Unknown campaign", () =>
                Api.CallAsync(app, nameof(SubmissionFunctions.PutSubmission), "tet-2025", unitId, body, headers: headers));
            ProblemAssert.Is(await Api.CallAsync(app, nameof(SubmissionFunctions.GetSubmission), "tet-2025", unitId, headers: headers), 404, "Unknown campaign");
            ProblemAssert.Is(await Api.CallAsync(app, nameof(SubmissionFunctions.ListRevisions), "tet-2025", unitId, headers: headers), 404, "Unknown campaign");
        }

        // Its coordinators see that nothing is there yet.
        ProblemAssert.Is(await Api.CallAsync(app, nameof(SubmissionFunctions.GetSubmission), "tet-2025", "ba-dinh-ttyt", headers: AsCaller.Principal(DistrictCoordinator)), 404, "No submission yet");
    }

    [Fact]
    public async Task After_the_campaign_closes_an_officer_still_reads_their_units_report_and_revisions()
    {
        var headers = AsCaller.Principal(Officer);

        var report = await Api.CallAsync(app, nameof(SubmissionFunctions.GetSubmission), "tet-2023", "ba-dinh-ttyt", headers: headers);
        var revisions = await Api.CallAsync(app, nameof(SubmissionFunctions.ListRevisions), "tet-2023", "ba-dinh-ttyt", headers: headers);

        Assert.True(report.Status == 200, report.Body);
        Assert.Equal(1, report.Json.GetProperty("revision").GetInt32());
        Assert.True(revisions.Status == 200, revisions.Body);
        Assert.Single(revisions.Json.EnumerateArray());
        ProblemAssert.Is(await Api.CallAsync(app, nameof(CampaignFunctions.GetCampaign), "tet-2023", headers: headers), 404, "Unknown campaign");
    }

    /// <summary>The list and <c>?open=true</c> hold exactly <paramref name="visible"/> (newest first), each reads 200, every other campaign 404.</summary>
    private async Task AssertSeesAsync(Dictionary<string, string> headers, string[] visible)
    {
        var list = await Api.CallAsync(app, nameof(CampaignFunctions.ListCampaigns), headers: headers);
        var open = await Api.CallAsync(app, nameof(CampaignFunctions.ListCampaigns), headers: headers, query: "?open=true");

        Assert.True(list.Status == 200, list.Body);
        Assert.Equal(visible, list.Json.EnumerateArray().Select(c => c.GetProperty("campaignId").GetString()));
        Assert.Equal(visible.Where(id => id == "tet-2024"), open.Json.EnumerateArray().Select(c => c.GetProperty("campaignId").GetString()));
        foreach (var campaignId in All)
        {
            var read = await Api.CallAsync(app, nameof(CampaignFunctions.GetCampaign), campaignId, headers: headers);
            if (visible.Contains(campaignId))
            {
                Assert.True(read.Status == 200, $"{campaignId}: {read.Status} {read.Body}");
            }
            else
            {
                ProblemAssert.Is(read, 404, "Unknown campaign");
            }
        }
    }
}
