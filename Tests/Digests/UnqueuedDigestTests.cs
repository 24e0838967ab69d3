using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;
using TetReadiness.Digests;
using TetReadiness.Tests.Infrastructure;
using TetReadiness.Tests.Outbox;

namespace TetReadiness.Tests.Digests;

/// <summary>
/// A digest row records when its message was queued (<c>EnqueuedAt</c>), so a row a run planned and never queued is
/// known at once: the next run of the day queues it without waiting the hour a lost row waits.
/// </summary>
public sealed class UnqueuedDigestTests
{
    private static readonly DateTimeOffset FiveInTheAfternoon = new(2024, 1, 20, 17, 0, 0, TimeSpan.FromHours(7));
    private static readonly string[] Recipients = ["dieuphoi@ba-dinh.invalid", "dieuphoi@hoan-kiem.invalid", "sonoivu@hanoi.invalid"];

    [Fact]
    public async Task Digests_a_run_planned_and_never_queued_are_queued_by_the_next_run_of_the_day_at_once_and_sent_once()
    {
        await using var azurite = await AzuriteServer.StartAsync(null);
        var (sendGrid, sentTo) = DigestTestQueue.SendGridAccepting();
        var queueDown = new RefuseRequestsPolicy(m => m.Request.Method == RequestMethod.Post && m.Request.Uri.Path.EndsWith("/messages", StringComparison.Ordinal));
        var deletesDown = new RefuseRequestsPolicy(m => m.Request.Method == RequestMethod.Delete);
        await using var app = await TestApp.StartAsync(FiveInTheAfternoon, new Dictionary<string, string?> { ["SendGrid:ApiKey"] = "SG.test-key" }, azurite, services =>
        {
            services.AddSingleton(sendGrid.Object);
            var queueOptions = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 };
            queueOptions.Retry.MaxRetries = 0;
            queueOptions.AddPolicy(queueDown, HttpPipelinePosition.PerCall);
            services.AddSingleton(new QueueServiceClient(azurite.ConnectionString, queueOptions));
            var tableOptions = new TableClientOptions();
            tableOptions.AddPolicy(deletesDown, HttpPipelinePosition.PerCall);
            services.AddSingleton(new TableServiceClient(azurite.ConnectionString, tableOptions));
        });
        await Seed.RosterAndCampaignAsync(app);
        queueDown.Armed = deletesDown.Armed = true;
        await Assert.ThrowsAnyAsync<Exception>(() => app.Get<DailyDigestService>().RunAsync(CancellationToken.None));
        queueDown.Armed = deletesDown.Armed = false;

        app.Clock.Advance(TimeSpan.FromMinutes(5));
        var next = await app.Get<DailyDigestService>().RunAsync(CancellationToken.None);
        var again = await app.Get<DailyDigestService>().RunAsync(CancellationToken.None);
        foreach (var message in await DigestTestQueue.DrainAsync(azurite))
        {
            await app.Create<SendDigestFunction>().Run(message, CancellationToken.None);
        }

        Assert.Equal((3, 0, 0), (next.Queued, next.AlreadyPlanned, next.Requeued));
        Assert.Equal((0, 3), (again.Queued, again.AlreadyPlanned));
        Assert.Equal(Recipients, sentTo.Order(StringComparer.Ordinal));
    }
}
