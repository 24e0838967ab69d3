using Azure.Storage.Queues;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TetReadiness.Monitoring;
using TetReadiness.Tests.Infrastructure;

namespace TetReadiness.Tests.Monitoring;

/// <summary>QueueWatch against Azurite: what the queue alerts read (length, age of the oldest message, poison depth).</summary>
public sealed class QueueWatchTests
{
    [Fact]
    public async Task Reports_length_oldest_age_and_poison_depth_as_structured_attributes()
    {
        var azurite = await AzuriteServer.Shared;
        var service = new QueueServiceClient(azurite.ConnectionString);
        var name = "watch" + Guid.NewGuid().ToString("N")[..12];
        var queue = service.GetQueueClient(name);
        var poison = service.GetQueueClient($"{name}-poison");
        await queue.CreateAsync();
        await poison.CreateAsync();
        await queue.SendMessageAsync("first");
        await queue.SendMessageAsync("second");
        await poison.SendMessageAsync("gave up");
        var clock = new TestClock(DateTimeOffset.UtcNow.AddMinutes(90));
        var logger = new RecordingLogger<QueueWatch>();
        var watch = new QueueWatch(service, Options.Create(new QueueWatchOptions { Queues = name }), clock, logger);

        try
        {
            var depth = Assert.Single(await watch.MeasureAsync(CancellationToken.None));

            Assert.Equal((name, 2L, 1L), (depth.Queue, depth.Length, depth.PoisonLength));
            Assert.InRange(depth.OldestAgeMinutes, 89, 91);
            var record = Assert.Single(logger.Records);
            Assert.Equal(LogLevel.Information, record.Level);
            Assert.StartsWith("Queue watch: ", record.Message, StringComparison.Ordinal);
            Assert.Equal(name, record.Attributes["Queue"]);
            Assert.Equal(2L, record.Attributes["Length"]);
            Assert.Equal(depth.OldestAgeMinutes, record.Attributes["OldestAgeMinutes"]);
            Assert.Equal(1L, record.Attributes["PoisonLength"]);
            Assert.Equal(2, (await queue.PeekMessagesAsync(10)).Value.Length);
        }
        finally
        {
            await queue.DeleteAsync();
            await poison.DeleteAsync();
        }
    }

    [Fact]
    public async Task A_queue_or_poison_queue_that_does_not_exist_yet_counts_as_empty()
    {
        var service = new QueueServiceClient((await AzuriteServer.Shared).ConnectionString);
        var name = "absent" + Guid.NewGuid().ToString("N")[..12];
        var watch = new QueueWatch(service, Options.Create(new QueueWatchOptions { Queues = $" {name} ,{name}" }), TimeProvider.System, new RecordingLogger<QueueWatch>());

        var depth = Assert.Single(await watch.MeasureAsync(CancellationToken.None));

        Assert.Equal(new QueueDepth(name, 0, 0, 0), depth);
    }

    [Fact]
    public void Watches_the_apps_queues_by_default()
    {
        Assert.Equal(["reminders", "digests", "review-notices"], new QueueWatchOptions().Names);
    }
}
