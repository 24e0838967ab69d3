using TetReadiness.Submissions;
using TetReadiness.Tests.Infrastructure;

namespace TetReadiness.Tests.Submissions;

public sealed class ConcurrentSubmissionTests
{
    // The unit with two officers in Seed.RosterCsv: both submit at once.
    private const string Unit = "hoan-kiem-ubnd";
    private static readonly string[] Officers = ["vanphong@hoan-kiem.invalid", "lanhdao@hoan-kiem.invalid"];

    [Fact]
    public async Task Twenty_concurrent_resubmissions_yield_twenty_contiguous_revisions_and_the_last_one_wins()
    {
        await using var app = await TestApp.StartAsync();
        await Seed.RosterAndCampaignAsync(app);
        var service = app.Get<SubmissionService>();
        var statuses = new[] { "ready", "partial", "not_ready", "not_applicable" };

        var receipts = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            service.SubmitAsync("tet-2024", Unit, _ => Task.FromResult(Seed.Answers(fire: statuses[i % 4], note: $"officer {i % 2}, attempt {i}")),
                SubmissionPreconditions.None, TestCallers.Officer(Officers[i % 2]), CancellationToken.None)));

        Assert.Equal(Enumerable.Range(1, 20), receipts.Select(r => r.Receipt.Revision).Order());
        var headers = await app.Get<RevisionStore>().ReadHeadersAsync("tet-2024", Unit, CancellationToken.None);
        Assert.Equal(Enumerable.Range(1, 20).Reverse(), headers.Select(h => h.Revision));

        var latest = (await app.ReadAllAsync(TableNames.Submissions)).Single(r => r.GetString("UnitId") == Unit);
        Assert.Equal(20, latest.GetInt32("Revision"));
        Assert.False(latest.GetBoolean("ProjectionPending"));
        var revision20 = await app.Get<RevisionStore>().ReadAsync("tet-2024", Unit, 20, CancellationToken.None);
        var latestAnswers = (await app.ReadAllAsync(TableNames.Answers)).Where(r => r.GetString("UnitId") == Unit).ToList();
        Assert.All(latestAnswers, a => Assert.Equal(20, a.GetInt32("Revision")));
        Assert.Equal(revision20!.Answers.Single(a => a.ItemId == "pccc-cho").Note, latestAnswers.Single(a => a.GetString("ItemId") == "pccc-cho").GetString("Note"));
    }
}
