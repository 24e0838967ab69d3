using TetReadiness.Links;
using TetReadiness.Submissions;
using TetReadiness.Tests.Infrastructure;

namespace TetReadiness.Tests.Security;

/// <summary>
/// A revocation stops writes through the unit's links at once on every instance, not when another instance's cached
/// copy of the unit expires: two app instances over the same tables, each with caches of its own.
/// </summary>
public sealed class LinkRevocationAcrossInstancesTests : IAsyncLifetime
{
    private TestApp app = null!;
    private TestApp other = null!;

    public async Task InitializeAsync()
    {
        app = await TestApp.StartAsync();
        await Seed.RosterAndCampaignAsync(app);
        other = await app.StartPeerAsync();
    }

    public async Task DisposeAsync()
    {
        await other.DisposeAsync();
        await app.DisposeAsync();
    }

    [Fact]
    public async Task A_link_revoked_through_one_instance_cannot_submit_through_another_that_has_the_unit_cached()
    {
        var token = await Api.MintTokenAsync(app, "tet-2024", "hoan-kiem-ubnd");

        // The other instance reads through the link first, so the unit and its generation are in its cache.
        var read = await Api.CallAsync(other, nameof(SubmissionFunctions.GetSubmission), unitId: "hoan-kiem-ubnd", headers: AsCaller.LinkHeader(token));
        Assert.True(read.Status == 404, read.Body);
        var revoke = await Api.CallAsync(app, nameof(LinkFunctions.RevokeUnitLinks), unitId: "hoan-kiem-ubnd", headers: AsCaller.CityCoordinator);
        Assert.True(revoke.Status == 200, revoke.Body);

        await ProblemAssert.RefusedAsync(other, 403, "revoked", () =>
            Api.CallAsync(other, nameof(SubmissionFunctions.PutSubmission), unitId: "hoan-kiem-ubnd", body: Api.LinkAnswersJson, headers: AsCaller.LinkHeader(token)));
        await ProblemAssert.RefusedAsync(other, 403, "revoked", () =>
            Api.CallAsync(other, nameof(SubmissionFunctions.PutSubmission), unitId: "hoan-kiem-ubnd", body: Api.LinkAnswersJson, query: "?t=" + token));
    }

    [Fact]
    public async Task A_link_minted_after_a_revocation_submits_at_once_through_an_instance_that_cached_the_old_generation()
    {
        var token = await Api.MintTokenAsync(app, "tet-2024", "ba-dinh-ttyt");
        var first = await Api.CallAsync(other, nameof(SubmissionFunctions.PutSubmission), unitId: "ba-dinh-ttyt", body: Api.LinkAnswersJson, headers: AsCaller.LinkHeader(token));
        Assert.True(first.Status == 201, first.Body);
        Assert.Equal(200, (await Api.CallAsync(app, nameof(LinkFunctions.RevokeUnitLinks), unitId: "ba-dinh-ttyt", headers: AsCaller.CityCoordinator)).Status);

        var renewed = await Api.MintTokenAsync(app, "tet-2024", "ba-dinh-ttyt");
        var second = await Api.CallAsync(other, nameof(SubmissionFunctions.PutSubmission), unitId: "ba-dinh-ttyt", body: Api.LinkAnswersJson, headers: AsCaller.LinkHeader(renewed));

        Assert.True(second.Status == 200, second.Body);
        Assert.Equal(2, second.Json.GetProperty("revision").GetInt32());
    }
}
