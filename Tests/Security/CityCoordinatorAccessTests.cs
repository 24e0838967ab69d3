using System.Text.Json;
using TetReadiness.Campaigns;
using TetReadiness.Http;
using TetReadiness.Identity;
using TetReadiness.Links;
using TetReadiness.Roster;
using TetReadiness.Status;
using TetReadiness.Submissions;
using TetReadiness.Tests.Infrastructure;

namespace TetReadiness.Tests.Security;

/// <summary>A city coordinator (app role <c>coordinator</c>) administers and sees everything, but reports for no unit; every change is audited.</summary>
public sealed class CityCoordinatorAccessTests : IAsyncLifetime
{
    private TestApp app = null!;

    public async Task InitializeAsync() => app = await TestApp.StartAsync();

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task They_import_define_see_everything_and_mint_links_and_each_change_is_in_the_audit_log()
    {
        var coordinator = AsCaller.CityCoordinator;

        var import = await Api.CallAsync(app, nameof(RosterFunctions.ImportRoster), body: Seed.RosterCsv, contentType: "text/csv", headers: coordinator);
        Assert.True(import.Status == 200, import.Body);
        var campaign = await Api.CallAsync(app, nameof(CampaignFunctions.PutCampaign), "tet-2024", body: JsonSerializer.Serialize(Seed.Campaign(), ApiJson.Options), headers: coordinator);
        Assert.True(campaign.Status == 201, campaign.Body);

        var status = await Api.CallAsync(app, nameof(StatusFunctions.GetCampaignStatus), headers: coordinator);
        Assert.True(status.Status == 200, status.Body);
        Assert.Equal(4, status.Json.GetProperty("units").GetInt32());
        Assert.Equal(4, (await Api.CallAsync(app, nameof(StatusFunctions.GetNonReporters), headers: coordinator)).Json.GetArrayLength());

        await Api.MintTokenAsync(app, "tet-2024", "ba-vi-ubnd");
        var links = await Api.CallAsync(app, nameof(LinkFunctions.ListUnitLinks), headers: coordinator);
        Assert.True(links.Status == 200, links.Body);
        Assert.Equal(5, links.Body.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        var revoke = await Api.CallAsync(app, nameof(LinkFunctions.RevokeUnitLinks), unitId: "ba-vi-ubnd", headers: coordinator);
        Assert.True(revoke.Status == 200, revoke.Body);

        var audit = (await app.ReadAllAsync(TableNames.AuditLog))
            .Select(r => (Actor: r.GetString("Actor"), Action: r.GetString("Action"), Target: r.GetString("Target"), Via: r.GetString("Via")))
            .ToList();
        Assert.Equal(
            [("link.list", "tet-2024"), ("link.mint", "tet-2024/ba-vi-ubnd"), ("link.revoke", "ba-vi-ubnd"), ("campaign.put", "tet-2024"), ("roster.import", "4 units")],
            audit.Select(a => (a.Action, a.Target)).OrderBy(a => a.Action == "roster.import" ? 2 : a.Action == "campaign.put" ? 1 : 0).ThenBy(a => a.Action));
        Assert.All(audit, a => Assert.Equal((AsCaller.CityCoordinatorEmail, "entra"), (a.Actor, a.Via)));
    }

    [Fact]
    public async Task They_cannot_submit_for_a_unit()
    {
        await Seed.RosterAndCampaignAsync(app);

        await ProblemAssert.RefusedAsync(app, 403, "may not report", () =>
            Api.CallAsync(app, nameof(SubmissionFunctions.PutSubmission), unitId: "ba-dinh-ubnd", body: Api.AnswersJson, headers: AsCaller.CityCoordinator));
    }

    [Fact]
    public async Task They_read_any_units_submission_and_the_campaign_with_its_recipients()
    {
        await Seed.RosterAndCampaignAsync(app);
        await app.Get<SubmissionService>().SubmitAsync("tet-2024", "hoan-kiem-ubnd", _ => Task.FromResult(Seed.Answers()), SubmissionPreconditions.None, Caller.System, CancellationToken.None);

        Assert.Equal(200, (await Api.CallAsync(app, nameof(SubmissionFunctions.GetSubmission), unitId: "hoan-kiem-ubnd", headers: AsCaller.CityCoordinator)).Status);
        var campaign = await Api.CallAsync(app, nameof(CampaignFunctions.GetCampaign), headers: AsCaller.CityCoordinator);
        Assert.Equal(JsonValueKind.Array, campaign.Json.GetProperty("digestRecipients").ValueKind);
    }
}
