using System.Diagnostics;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using TetReadiness.Reviews;
using TetReadiness.Submissions;
using TetReadiness.Tests.Backups;
using TetReadiness.Tests.Infrastructure;
using static TetReadiness.Tests.Reviews.ReviewApi;

namespace TetReadiness.Tests.Reviews;

/// <summary>
/// The lock against storage: an accept and a submission cannot both win, whatever the copy on the unit's row says,
/// and a review that died half way never blocks the unit for good.
/// </summary>
public sealed class ReviewLockTests
{
    private const string Unit = "ba-dinh-ubnd";

    private static async Task<TestApp> StartAsync(RecordingReviewNotices? notices = null)
    {
        var app = await TestApp.StartAsync(configure: notices is null ? null : services => services.AddSingleton<IReviewNotices>(notices));
        await Seed.RosterAndCampaignAsync(app);
        return app;
    }

    private static void Ok(HttpResponseSnapshot response, int status = 200) => Assert.True(response.Status == status, $"{response.Status}: {response.Body}");

    private static async Task SetCopiedStateAsync(TestApp app, string state)
    {
        var row = (await app.ReadAllAsync(TableNames.Submissions)).Single(r => r.GetString("UnitId") == Unit);
        row["ReviewState"] = state;
        await app.Tables.Submissions.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace);
    }

    [Fact]
    public async Task A_submission_refused_by_the_lock_after_a_stale_copy_let_it_flag_the_row_leaves_every_table_as_it_was()
    {
        await using var app = await StartAsync();
        Ok(await SubmitAsync(app, Unit), 201);
        Ok(await ReviewAsync(app, Unit, "accepted", 1));
        await SetCopiedStateAsync(app, ReviewStates.Submitted);
        var before = await TableSnapshot.TakeAsync(app);

        var response = await SubmitAsync(app, Unit, As(BaDinhOfficer));

        ProblemAssert.Is(response, 409, "'accepted'");
        Assert.Empty(TableSnapshot.Differences(before, await TableSnapshot.TakeAsync(app)));
    }

    [Fact]
    public async Task A_unit_whose_first_report_is_locked_and_whose_row_is_gone_gets_no_row_from_a_refused_submission()
    {
        await using var app = await StartAsync();
        Ok(await SubmitAsync(app, Unit), 201);
        Ok(await ReviewAsync(app, Unit, "accepted", 1));
        var row = (await app.ReadAllAsync(TableNames.Submissions)).Single(r => r.GetString("UnitId") == Unit);
        await app.Tables.Submissions.DeleteEntityAsync(row.PartitionKey, row.RowKey);
        var before = await TableSnapshot.TakeAsync(app);

        ProblemAssert.Is(await SubmitAsync(app, Unit, As(BaDinhOfficer)), 409, "'accepted'");
        Assert.Empty(TableSnapshot.Differences(before, await TableSnapshot.TakeAsync(app)));
    }

    [Fact]
    public async Task Submissions_racing_an_accept_never_both_win()
    {
        await using var app = await StartAsync();
        Ok(await SubmitAsync(app, Unit), 201);
        var clock = Stopwatch.StartNew();
        var results = new System.Collections.Concurrent.ConcurrentBag<(int Status, int Revision, long StartedAt, long EndedAt)>();

        async Task SubmitOnceAsync(int i)
        {
            var startedAt = clock.ElapsedTicks;
            var response = await SubmitAsync(app, Unit, As(BaDinhOfficer), Seed.Answers(note: $"lần {i}"));
            var revision = response.Status < 300 ? int.Parse(response.Header("ETag").Trim('"')[1..]) : 0;
            results.Add((response.Status, revision, startedAt, clock.ElapsedTicks));
        }

        var submissions = Task.WhenAll(Enumerable.Range(0, 24).Select(i => Task.Run(() => SubmitOnceAsync(i))));
        (int Revision, long At) accepted = default;
        for (var attempt = 0; attempt < 500 && accepted.At == 0; attempt++)
        {
            var revision = await CurrentRevisionAsync(app, Unit);
            var response = await ReviewAsync(app, Unit, "accepted", revision);
            if (response.Status == 200)
            {
                accepted = (response.Json.GetProperty("revision").GetInt32(), clock.ElapsedTicks);
            }
            else
            {
                Assert.True(response.Status == 409, response.Body);
            }
        }

        await submissions;
        await Task.WhenAll(Enumerable.Range(100, 4).Select(SubmitOnceAsync));

        Assert.NotEqual(0, accepted.At);
        Assert.Equal(accepted.Revision, await CurrentRevisionAsync(app, Unit));
        Assert.All(results.Where(r => r.Status < 300), r => Assert.True(r.Revision <= accepted.Revision, $"revision {r.Revision} committed over the accept of {accepted.Revision}"));
        Assert.All(results.Where(r => r.StartedAt > accepted.At), r => Assert.Equal(409, r.Status));
        Assert.All(results, r => Assert.True(r.Status is 200 or 409, $"status {r.Status}"));
        var view = (await GetSubmissionAsync(app, Unit)).Json;
        Assert.Equal((accepted.Revision, "accepted"), (view.GetProperty("revision").GetInt32(), view.GetProperty("reviewState").GetString()));
        Assert.Equal(ReviewStates.Accepted, await ReviewFlowTests.CopiedStateAsync(app, Unit));
    }

    [Fact]
    public async Task An_orphan_guard_of_a_review_that_died_blocks_a_review_within_the_grace_and_nothing_after_it()
    {
        await using var app = await StartAsync();
        Ok(await SubmitAsync(app, Unit), 201);
        var placed = await app.Get<RevisionStore>().TryPlaceGuardAsync(Campaign, Unit, new RevisionGuard(2, 1, 1, ReviewDecisions.Accepted, app.Clock.GetUtcNow()), null, CancellationToken.None);
        Assert.NotNull(placed);

        await ProblemAssert.RefusedAsync(app, 409, "just reviewed", () => ReviewAsync(app, Unit, "accepted", 1));
        app.Clock.Advance(ProjectionRepairService.Grace + TimeSpan.FromSeconds(1));

        Ok(await SubmitAsync(app, Unit, As(BaDinhOfficer)));
        Assert.Equal(2, await CurrentRevisionAsync(app, Unit));
        Assert.Empty(await ReviewFlowTests.GuardsAsync(app, Unit));
    }

    [Fact]
    public async Task A_return_guard_left_behind_is_a_fence_to_the_next_submission_at_once()
    {
        await using var app = await StartAsync();
        Ok(await SubmitAsync(app, Unit), 201);
        Ok(await ReviewAsync(app, Unit, "returned", 1, "Bổ sung"));
        // As if the return had died before deleting its guard.
        await app.Get<RevisionStore>().TryPlaceGuardAsync(Campaign, Unit, new RevisionGuard(2, 1, 1, ReviewDecisions.Returned, app.Clock.GetUtcNow()), null, CancellationToken.None);

        Ok(await SubmitAsync(app, Unit, As(BaDinhOfficer)));

        Assert.Equal(2, await CurrentRevisionAsync(app, Unit));
        Assert.Empty(await ReviewFlowTests.GuardsAsync(app, Unit));
        var row = (await app.ReadAllAsync(TableNames.Submissions)).Single(r => r.GetString("UnitId") == Unit);
        Assert.Equal((ReviewStates.Submitted, "Bổ sung", 1), (row.GetString("ReviewState"), row.GetString("ReviewComment"), row.GetInt32("ReviewedRevision")));
    }

    [Fact]
    public async Task The_projection_repair_finishes_a_dead_writers_flag_without_lifting_the_lock()
    {
        await using var app = await StartAsync();
        Ok(await SubmitAsync(app, Unit), 201);
        Ok(await ReviewAsync(app, Unit, "accepted", 1));
        await app.Get<SubmissionProjector>().MarkPendingAsync(Campaign, "ba-dinh", Unit, 2, app.Clock.GetUtcNow(), CancellationToken.None);
        app.Clock.Advance(ProjectionRepairService.Grace + TimeSpan.FromSeconds(1));

        await app.Get<ProjectionRepairService>().RepairAsync(CancellationToken.None);

        var row = (await app.ReadAllAsync(TableNames.Submissions)).Single(r => r.GetString("UnitId") == Unit);
        Assert.Equal((false, ReviewStates.Accepted), (row.GetBoolean("ProjectionPending"), row.GetString("ReviewState")));
        Assert.Single(await ReviewFlowTests.GuardsAsync(app, Unit));
        await SetCopiedStateAsync(app, ReviewStates.Submitted);
        ProblemAssert.Is(await SubmitAsync(app, Unit, As(BaDinhOfficer)), 409, "'accepted'");
    }

    [Fact]
    public async Task The_review_repair_writes_the_copy_again_and_asks_again_for_the_newest_notice()
    {
        var notices = new RecordingReviewNotices();
        await using var app = await StartAsync(notices);
        Ok(await SubmitAsync(app, Unit), 201);
        Ok(await ReviewAsync(app, Unit, "returned", 1, "Bổ sung"));
        Assert.Equal([("returned", 1)], notices.Asked);
        var row = (await app.ReadAllAsync(TableNames.Submissions)).Single(r => r.GetString("UnitId") == Unit);
        foreach (var column in SubmissionEntity.ReviewColumns)
        {
            row.Remove(column);
        }

        await app.Tables.Submissions.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace);

        await app.Get<ReviewRepairService>().RepairAsync(CancellationToken.None);

        Assert.Equal(ReviewStates.Returned, await ReviewFlowTests.CopiedStateAsync(app, Unit));
        Assert.Equal([("returned", 1), ("returned", 1)], notices.Asked);

        // Past the window, nothing is read again.
        app.Clock.Advance(ReviewRepairService.Window + TimeSpan.FromMinutes(1));
        await app.Get<ReviewRepairService>().RepairAsync(CancellationToken.None);
        Assert.Equal(2, notices.Asked.Count);
    }
}
