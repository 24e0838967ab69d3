using Azure.Data.Tables;
using TetReadiness.Identity;
using TetReadiness.Submissions;
using TetReadiness.Tests.Infrastructure;

namespace TetReadiness.Tests.Submissions;

/// <summary>
/// The next revision number comes from the unit's <c>Submissions</c> row (a point read). When that row is missing
/// or behind the revision log, the commit of a taken number conflicts and the log decides: numbers stay gapless.
/// </summary>
public sealed class SubmissionNumberingTests
{
    private const string Campaign = "tet-2024";
    private const string Unit = "ba-dinh-ubnd";

    /// <summary>The unit's row key in <c>Submissions</c>: its area, then the unit (issue 15).</summary>
    private const string UnitRow = "ba-dinh|" + Unit;

    private static async Task<TestApp> SeededAsync()
    {
        var app = await TestApp.StartAsync(new DateTimeOffset(2024, 1, 20, 9, 0, 0, TimeSpan.FromHours(7)));
        await Seed.RosterAndCampaignAsync(app);
        return app;
    }

    private static async Task<int> SubmitAsync(TestApp app) =>
        (await app.Get<SubmissionService>().SubmitAsync(Campaign, Unit, _ => Task.FromResult(Seed.Answers()), SubmissionPreconditions.None, Caller.System, CancellationToken.None)).Receipt.Revision;

    private static async Task<List<int>> RevisionNumbersAsync(TestApp app) =>
        [.. (await app.ReadAllAsync(TableNames.SubmissionRevisions)).Where(r => r.GetString("RowType") == "revision" && r.GetString("UnitId") == Unit).Select(r => r.GetInt32("Revision")!.Value).Order()];

    [Fact]
    public async Task With_the_unit_row_gone_the_next_submission_still_follows_the_revision_log()
    {
        await using var app = await SeededAsync();
        Assert.Equal(1, await SubmitAsync(app));
        Assert.Equal(2, await SubmitAsync(app));
        await app.Tables.Submissions.DeleteEntityAsync(Campaign, UnitRow);

        Assert.Equal(3, await SubmitAsync(app));

        Assert.Equal([1, 2, 3], await RevisionNumbersAsync(app));
        var row = (await app.Tables.Submissions.GetEntityAsync<TableEntity>(Campaign, UnitRow)).Value;
        Assert.Equal(3, row.GetInt32("Revision"));
    }

    [Fact]
    public async Task With_the_unit_row_behind_and_not_flagged_the_next_submission_still_follows_the_revision_log()
    {
        await using var app = await SeededAsync();
        await SubmitAsync(app);
        var afterFirst = (await app.Tables.Submissions.GetEntityAsync<TableEntity>(Campaign, UnitRow)).Value;
        await SubmitAsync(app);
        await SubmitAsync(app);
        // The row as it was after revision 1, as if two projections had been lost without a trace.
        await app.Tables.Submissions.UpsertEntityAsync(afterFirst, TableUpdateMode.Replace);

        Assert.Equal(4, await SubmitAsync(app));

        Assert.Equal([1, 2, 3, 4], await RevisionNumbersAsync(app));
        var row = (await app.Tables.Submissions.GetEntityAsync<TableEntity>(Campaign, UnitRow)).Value;
        Assert.Equal((4, false), (row.GetInt32("Revision"), row.GetBoolean("ProjectionPending")));
    }

    [Fact]
    public async Task A_flagged_row_sends_the_numbering_to_the_revision_log_at_once()
    {
        await using var app = await SeededAsync();
        await SubmitAsync(app);
        await SubmitAsync(app);
        var row = (await app.Tables.Submissions.GetEntityAsync<TableEntity>(Campaign, UnitRow)).Value;
        row["Revision"] = 1;
        row["ProjectionPending"] = true;
        row["PendingRevision"] = 2;
        await app.Tables.Submissions.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace);

        Assert.Equal(3, await SubmitAsync(app));

        Assert.Equal([1, 2, 3], await RevisionNumbersAsync(app));
    }
}
