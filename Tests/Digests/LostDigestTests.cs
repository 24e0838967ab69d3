using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using SendGrid;
using TetReadiness.Digests;
using TetReadiness.Storage;
using TetReadiness.Tests.Infrastructure;

namespace TetReadiness.Tests.Digests;

/// <summary>
/// A digest row left <c>queued</c> with no message to send it (the message was poisoned before any claim, or the run
/// stopped before queueing) is picked up by the next run: queued again the same day, exactly once however the runs
/// overlap, and superseded once its day is over. Each test has an Azurite of its own: queue names are fixed.
/// </summary>
public sealed class LostDigestTests
{
    private static readonly DateTimeOffset FiveInTheAfternoon = new(2024, 1, 20, 17, 0, 0, TimeSpan.FromHours(7));
    private static readonly string[] Recipients = ["dieuphoi@ba-dinh.invalid", "dieuphoi@hoan-kiem.invalid", "sonoivu@hanoi.invalid"];

    [Fact]
    public async Task A_digest_whose_message_was_lost_is_queued_again_by_a_later_run_of_the_day_once_though_two_runs_overlap()
    {
        await using var azurite = await AzuriteServer.StartAsync(null);
        var (sendGrid, sentTo) = DigestTestQueue.SendGridAccepting();
        await using var app = await StartAsync(azurite, sendGrid);
        await Seed.RosterAndCampaignAsync(app);
        await app.Get<DailyDigestService>().RunAsync(CancellationToken.None);
        await LoseEveryMessageAsync(azurite);

        app.Clock.Advance(TimeSpan.FromHours(2));
        var runs = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() => app.Get<DailyDigestService>().RunAsync(CancellationToken.None))));
        var again = await app.Get<DailyDigestService>().RunAsync(CancellationToken.None);

        Assert.Equal(3, runs.Sum(r => r.Requeued));
        Assert.Equal(0, again.Requeued);
        var messages = await DigestTestQueue.DrainAsync(azurite);
        Assert.Equal(Recipients, messages.Select(m => m.Recipient).Order(StringComparer.Ordinal));
        foreach (var message in messages)
        {
            await app.Create<SendDigestFunction>().Run(message, CancellationToken.None);
            await app.Create<SendDigestFunction>().Run(message, CancellationToken.None); // redelivered
        }

        Assert.Equal(Recipients, sentTo.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_digest_of_an_earlier_day_that_never_went_out_is_superseded_by_the_next_days_run_and_not_sent()
    {
        await using var azurite = await AzuriteServer.StartAsync(null);
        var (sendGrid, sentTo) = DigestTestQueue.SendGridAccepting();
        await using var app = await StartAsync(azurite, sendGrid);
        await Seed.RosterAndCampaignAsync(app);
        await app.Get<DailyDigestService>().RunAsync(CancellationToken.None);
        var lost = await DigestTestQueue.DrainAsync(azurite);

        app.Clock.Advance(TimeSpan.FromDays(1));
        var run = await app.Get<DailyDigestService>().RunAsync(CancellationToken.None);
        foreach (var message in lost)
        {
            await app.Create<SendDigestFunction>().Run(message, CancellationToken.None); // a late copy turns up
        }

        Assert.Equal((3, 3, 0), (run.Superseded, run.Queued, run.Requeued));
        var rows = await app.ReadAllAsync(TableNames.Digests);
        Assert.All(rows.Where(r => r.PartitionKey == "2024-01-20"), r => Assert.Equal(DigestState.Superseded, r.GetString("State")));
        Assert.All(rows.Where(r => r.PartitionKey == "2024-01-21"), r => Assert.Equal(DigestState.Queued, r.GetString("State")));
        Assert.Empty(sentTo);
    }

    private static Task<TestApp> StartAsync(AzuriteServer azurite, Mock<ISendGridClient> sendGrid) =>
        TestApp.StartAsync(FiveInTheAfternoon, new Dictionary<string, string?> { ["SendGrid:ApiKey"] = "SG.test-key" }, azurite, services => services.AddSingleton(sendGrid.Object));

    /// <summary>As if the messages had been poisoned before any sender claimed their rows: the rows stay queued.</summary>
    private static async Task LoseEveryMessageAsync(AzuriteServer azurite) =>
        await new QueueClient(azurite.ConnectionString, QueueNames.Digests).ClearMessagesAsync();
}
