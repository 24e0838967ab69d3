using TetReadiness.Submissions;
using TetReadiness.Tests.Infrastructure;

namespace TetReadiness.Tests.Security;

/// <summary>Officers (signed in with Entra, email in the unit's officer_emails) write their own unit's checklist only.</summary>
public sealed class OfficerAccessTests : IAsyncLifetime
{
    private TestApp app = null!;

    public async Task InitializeAsync()
    {
        app = await TestApp.StartAsync();
        await Seed.RosterAndCampaignAsync(app);
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task An_officer_submits_for_their_own_unit_and_the_revision_records_their_email()
    {
        var response = await Api.CallAsync(app, nameof(SubmissionFunctions.PutSubmission), unitId: "ba-dinh-ttyt", body: Api.AnswersJson, headers: AsCaller.Principal("truc@ba-dinh-ttyt.invalid"));

        Assert.True(response.Status == 201, response.Body);
        var revision = await app.Get<RevisionStore>().ReadLatestAsync("tet-2024", "ba-dinh-ttyt", CancellationToken.None);
        Assert.Equal(("truc@ba-dinh-ttyt.invalid", "entra"), (revision!.SubmittedBy, revision.SubmittedVia));
        Assert.Null(revision.Submitter);
    }

    [Fact]
    public async Task An_officer_cannot_submit_for_another_unit()
    {
        await ProblemAssert.RefusedAsync(app, 403, "may not report", () =>
            Api.CallAsync(app, nameof(SubmissionFunctions.PutSubmission), unitId: "ba-dinh-ubnd", body: Api.AnswersJson, headers: AsCaller.Principal("truc@ba-dinh-ttyt.invalid")));
    }

    [Fact]
    public async Task An_officer_cannot_read_another_units_submission_or_the_status()
    {
        var headers = AsCaller.Principal("truc@ba-dinh-ttyt.invalid");

        ProblemAssert.Is(await Api.CallAsync(app, nameof(SubmissionFunctions.GetSubmission), unitId: "hoan-kiem-ubnd", headers: headers), 403, "may not see");
        ProblemAssert.Is(await Api.CallAsync(app, nameof(TetReadiness.Status.StatusFunctions.GetCampaignStatus), headers: headers), 403, "Coordinators only");
        ProblemAssert.Is(await Api.CallAsync(app, nameof(TetReadiness.Links.LinkFunctions.MintUnitLink), unitId: "ba-dinh-ttyt", headers: headers), 403, "Coordinators only");
    }

    [Fact]
    public async Task Officer_emails_match_whatever_their_case()
    {
        var response = await Api.CallAsync(app, nameof(SubmissionFunctions.PutSubmission), unitId: "hoan-kiem-ubnd", body: Api.AnswersJson, headers: AsCaller.Principal("LanhDao@Hoan-Kiem.INVALID"));

        Assert.True(response.Status == 201, response.Body);
        var revision = await app.Get<RevisionStore>().ReadLatestAsync("tet-2024", "hoan-kiem-ubnd", CancellationToken.None);
        Assert.Equal("lanhdao@hoan-kiem.invalid", revision!.SubmittedBy);
    }
}
