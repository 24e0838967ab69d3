using TetReadiness.Submissions;
using TetReadiness.Tests.Infrastructure;

namespace TetReadiness.Tests.Security;

/// <summary>Two officers of one unit submitting at once over HTTP: nobody's report is lost, and a stale If-Match writes nothing.</summary>
public sealed class ConcurrentOfficerSubmissionTests : IAsyncLifetime
{
    private static readonly string[] Officers = ["vanphong@hoan-kiem.invalid", "lanhdao@hoan-kiem.invalid"];
    private TestApp app = null!;

    public async Task InitializeAsync()
    {
        app = await TestApp.StartAsync();
        await Seed.RosterAndCampaignAsync(app);
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task Twenty_parallel_submissions_from_two_officers_all_succeed_as_revisions_1_to_20_and_a_stale_If_Match_gets_412()
    {
        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() =>
            Api.CallAsync(app, nameof(SubmissionFunctions.PutSubmission), unitId: "hoan-kiem-ubnd", body: Api.AnswersJson, headers: AsCaller.Principal(Officers[i % 2])))));

        Assert.All(responses, r => Assert.True(r.Status is 200 or 201, r.Body));
        Assert.Single(responses, r => r.Status == 201);
        Assert.Equal(Enumerable.Range(1, 20), responses.Select(r => r.Json.GetProperty("revision").GetInt32()).Order());
        var revisions = await app.Get<RevisionStore>().ReadHeadersAsync("tet-2024", "hoan-kiem-ubnd", CancellationToken.None);
        Assert.Equal(20, revisions.Count);
        Assert.Equal(Officers.Order(), revisions.Select(r => r.SubmittedBy).Distinct().Order());

        var stale = new Dictionary<string, string>(AsCaller.Principal(Officers[0])) { ["If-Match"] = "\"r19\"" };
        await ProblemAssert.RefusedAsync(app, 412, "revision 20", () =>
            Api.CallAsync(app, nameof(SubmissionFunctions.PutSubmission), unitId: "hoan-kiem-ubnd", body: Api.AnswersJson, headers: stale));
        var current = new Dictionary<string, string>(AsCaller.Principal(Officers[1])) { ["If-Match"] = "\"r20\"" };
        Assert.Equal(21, (await Api.CallAsync(app, nameof(SubmissionFunctions.PutSubmission), unitId: "hoan-kiem-ubnd", body: Api.AnswersJson, headers: current)).Json.GetProperty("revision").GetInt32());
    }
}
