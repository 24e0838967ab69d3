using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using TetReadiness.Http;
using TetReadiness.LocalHost;
using TetReadiness.Tests.Infrastructure;

namespace TetReadiness.Tests.Hosting;

/// <summary>
/// Local mode's queue listener against a real Azurite queue: as the Functions host, it fetches the next batch once
/// no more than <c>newBatchThreshold</c> messages are still running, so one slow message never holds up the rest.
/// </summary>
public sealed class LocalQueueListenerTests
{
    [Fact]
    public async Task A_slow_message_does_not_hold_up_the_messages_behind_it_and_at_most_batch_plus_threshold_run_at_once()
    {
        var azurite = await AzuriteServer.Shared;
        var name = "listener-" + Guid.NewGuid().ToString("N")[..12];
        var queue = new QueueClient(azurite.ConnectionString, name);
        var poison = new QueueClient(azurite.ConnectionString, name + "-poison");
        await queue.CreateAsync();
        await queue.SendMessageAsync(QueueGate.Slow);
        for (var i = 0; i < 11; i++)
        {
            await queue.SendMessageAsync($"quick-{i}");
        }

        var settings = HostJson.Default with
        {
            QueueBatchSize = 4,
            QueueNewBatchThreshold = 2,
            QueueBase64 = false,
            QueueMaxPollingInterval = TimeSpan.FromMilliseconds(200),
        };
        var gate = new QueueGate();
        using var services = new ServiceCollection().AddSingleton(gate).BuildServiceProvider();
        var function = new FunctionDescriptor("Gated", FunctionTriggerKind.Queue, typeof(GatedQueueFunction).GetMethod(nameof(GatedQueueFunction.RunAsync))!, QueueName: name);
        using var listener = new LocalQueueListener(
            function,
            queue,
            poison,
            settings,
            new FunctionInvoker(services.GetRequiredService<IServiceScopeFactory>(), new HttpEdge(NullLogger<HttpEdge>.Instance, publicBaseUrl: null), NullLogger<FunctionInvoker>.Instance),
            NullLogger<LocalQueueListener>.Instance);

        await listener.StartAsync(CancellationToken.None);
        try
        {
            // All eleven quick messages finish while the slow one, in the very first batch, is still running.
            await WaitUntilAsync(() => gate.Done.Count == 11);
            Assert.DoesNotContain(QueueGate.Slow, gate.Done);
            Assert.InRange(gate.MostAtOnce, 2, settings.QueueBatchSize + settings.QueueNewBatchThreshold);

            gate.Release();
            await WaitUntilAsync(() => gate.Done.Count == 12);
            await WaitUntilAsync(() => queue.GetProperties().Value.ApproximateMessagesCount == 0);
        }
        finally
        {
            gate.Release();
            await listener.StopAsync(CancellationToken.None);
            await queue.DeleteIfExistsAsync();
            await poison.DeleteIfExistsAsync();
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting for the listener");
            await Task.Delay(50);
        }
    }
}
