using System.Text.Json;
using TetReadiness.Campaigns;
using TetReadiness.Http;
using TetReadiness.Identity;
using TetReadiness.Links;
using TetReadiness.Status;
using TetReadiness.Submissions;
using TetReadiness.Tests.Infrastructure;

namespace TetReadiness.Tests.Security;

/// <summary>
/// The holder of a unit link (minted by a coordinator, as <c>?t=</c> or <c>X-Unit-Link</c>) reads and submits one
/// unit's checklist for one campaign, naming the submitter; nothing else, and not once revoked or expired.
/// </summary>
public sealed class UnitLinkAccessTests : IAsyncLifetime
{
    private TestApp app = null!;

    public async Task InitializeAsync()
    {
        app = await TestApp.StartAsync();
        await Seed.RosterAndCampaignAsync(app);
        await app.Get<CampaignService>().PutAsync("tet-2025", _ => Task.FromResult(Seed.Campaign()), Caller.System, CancellationToken.None);
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task A_link_holder_reads_the_campaign_without_its_digest_recipients()
    {
        var token = await Api.MintTokenAsync(app, "tet-2024", "ba-vi-ubnd");

        var response = await Api.CallAsync(app, nameof(CampaignFunctions.GetCampaign), query: "?t=" + token);

        Assert.True(response.Status == 200, response.Body);
        Assert.Equal(JsonValueKind.Null, response.Json.GetProperty("digestRecipients").ValueKind);
        Assert.DoesNotContain("@", response.Body);
    }

    [Fact]
    public async Task A_link_holder_submits_with_the_header_and_reads_with_the_query_and_the_revision_names_link_and_submitter()
    {
        var token = await Api.MintTokenAsync(app, "tet-2024", "ba-vi-ubnd");

        var put = await Api.CallAsync(app, nameof(SubmissionFunctions.PutSubmission), unitId: "ba-vi-ubnd", body: Api.LinkAnswersJson, headers: AsCaller.LinkHeader(token));
        var get = await Api.CallAsync(app, nameof(SubmissionFunctions.GetSubmission), unitId: "ba-vi-ubnd", query: "?t=" + token);
        var putAgain = await Api.CallAsync(app, nameof(SubmissionFunctions.PutSubmission), unitId: "ba-vi-ubnd", body: Api.LinkAnswersJson, query: "?t=" + token);

        Assert.True(put.Status == 201, put.Body);
        Assert.True(get.Status == 200, get.Body);
        Assert.True(putAgain.Status == 200, putAgain.Body);
        Assert.Equal("link", get.Json.GetProperty("submittedVia").GetString());
        var revision = await app.Get<RevisionStore>().ReadLatestAsync("tet-2024", "ba-vi-ubnd", CancellationToken.None);
        Assert.Equal(("link:tet-2024/ba-vi-ubnd", "link"), (revision!.SubmittedBy, revision.SubmittedVia));
        Assert.Equal(new Submitter("Trần Văn An", "Văn phòng UBND", "0912 345 678"), revision.Submitter);
    }

    [Fact]
    public async Task A_link_holder_must_name_the_submitter()
    {
        var token = await Api.MintTokenAsync(app, "tet-2024", "ba-dinh-ttyt");
        var empty = JsonSerializer.Serialize(new { answers = Seed.Answers().Answers, submitter = new { name = "", title = " ", phone = "" } }, ApiJson.Options);

        var missing = await ProblemAssert.RefusedAsync(app, 400, "invalid fields", () =>
            Api.CallAsync(app, nameof(SubmissionFunctions.PutSubmission), unitId: "ba-dinh-ttyt", body: Api.AnswersJson, headers: AsCaller.LinkHeader(token)));
        var blank = await ProblemAssert.RefusedAsync(app, 400, "invalid fields", () =>
            Api.CallAsync(app, nameof(SubmissionFunctions.PutSubmission), unitId: "ba-dinh-ttyt", body: empty, headers: AsCaller.LinkHeader(token)));

        Assert.Contains("submitter", ProblemAssert.Errors(missing).Keys);
        Assert.Equal(["submitter.name", "submitter.phone", "submitter.title"], ProblemAssert.Errors(blank).Keys.Where(k => k.StartsWith("submitter", StringComparison.Ordinal)).Order());
    }

    [Theory]
    [InlineData("tet-2024", "ba-dinh-ubnd")]
    [InlineData("tet-2025", "ba-dinh-ttyt")]
    [InlineData("tet-2025", "ba-dinh-ubnd")]
    public async Task A_link_is_refused_for_another_unit_or_campaign(string campaignId, string unitId)
    {
        var token = await Api.MintTokenAsync(app, "tet-2024", "ba-dinh-ttyt");

        await ProblemAssert.RefusedAsync(app, 403, "another unit or campaign", () =>
            Api.CallAsync(app, nameof(SubmissionFunctions.PutSubmission), campaignId, unitId, Api.LinkAnswersJson, headers: AsCaller.LinkHeader(token)));
        ProblemAssert.Is(await Api.CallAsync(app, nameof(SubmissionFunctions.GetSubmission), campaignId, unitId, query: "?t=" + token), 403, "another unit or campaign");
    }

    [Fact]
    public async Task A_link_holder_administers_nothing()
    {
        var token = await Api.MintTokenAsync(app, "tet-2024", "ba-dinh-ttyt");

        foreach (var function in new[] { nameof(StatusFunctions.GetCampaignStatus), nameof(StatusFunctions.GetNonReporters), nameof(StatusFunctions.GetCampaignUnits), nameof(LinkFunctions.MintUnitLink), nameof(LinkFunctions.ListUnitLinks), nameof(LinkFunctions.RevokeUnitLinks), nameof(TetReadiness.Roster.RosterFunctions.GetRoster) })
        {
            ProblemAssert.Is(await Api.CallAsync(app, function, unitId: "ba-dinh-ttyt", headers: AsCaller.LinkHeader(token)), 403, string.Empty);
        }
    }

    [Fact]
    public async Task A_revoked_link_is_refused_as_revoked()
    {
        var token = await Api.MintTokenAsync(app, "tet-2024", "hoan-kiem-ubnd");
        var revoke = await Api.CallAsync(app, nameof(LinkFunctions.RevokeUnitLinks), unitId: "hoan-kiem-ubnd", headers: AsCaller.CityCoordinator);
        Assert.True(revoke.Status == 200, revoke.Body);

        await ProblemAssert.RefusedAsync(app, 403, "revoked", () =>
            Api.CallAsync(app, nameof(SubmissionFunctions.PutSubmission), unitId: "hoan-kiem-ubnd", body: Api.LinkAnswersJson, headers: AsCaller.LinkHeader(token)));
        ProblemAssert.Is(await Api.CallAsync(app, nameof(SubmissionFunctions.GetSubmission), unitId: "hoan-kiem-ubnd", query: "?t=" + token), 403, "revoked");
        Assert.NotEqual(token, await Api.MintTokenAsync(app, "tet-2024", "hoan-kiem-ubnd"));
    }

    [Fact]
    public async Task An_expired_link_is_refused_as_expired()
    {
        var token = await Api.MintTokenAsync(app, "tet-2024", "ba-dinh-ttyt", expiresAt: "2024-01-21T09:00:00+07:00");
        var before = app.Clock.GetUtcNow();
        try
        {
            app.Clock.Advance(TimeSpan.FromDays(1));

            await ProblemAssert.RefusedAsync(app, 401, "expired", () =>
                Api.CallAsync(app, nameof(SubmissionFunctions.PutSubmission), unitId: "ba-dinh-ttyt", body: Api.LinkAnswersJson, headers: AsCaller.LinkHeader(token)));
            ProblemAssert.Is(await Api.CallAsync(app, nameof(CampaignFunctions.GetCampaign), query: "?t=" + token), 401, "expired");
        }
        finally
        {
            app.Clock.Set(before);
        }
    }

    [Fact]
    public async Task A_tampered_link_is_refused()
    {
        var token = await Api.MintTokenAsync(app, "tet-2024", "ba-dinh-ttyt");
        var other = await Api.MintTokenAsync(app, "tet-2024", "ba-dinh-ubnd");
        var swapped = other.Split('.')[0] + "." + token.Split('.')[1];

        await ProblemAssert.RefusedAsync(app, 401, "tampered", () =>
            Api.CallAsync(app, nameof(SubmissionFunctions.PutSubmission), unitId: "ba-dinh-ubnd", body: Api.LinkAnswersJson, headers: AsCaller.LinkHeader(swapped)));
        ProblemAssert.Is(await Api.CallAsync(app, nameof(SubmissionFunctions.GetSubmission), unitId: "ba-dinh-ttyt", query: "?t=" + token[..^3]), 401, "nvalid");
    }
}
