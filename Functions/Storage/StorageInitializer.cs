using Azure.Storage.Queues;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace TetReadiness.Storage;

/// <summary>
/// Creates the app's tables and queues at start-up when they are missing (in Azure the template has created them already).
/// Keeps trying in the background, so an app that starts during a storage outage recovers without a restart.
/// </summary>
public sealed class StorageInitializer(StorageTables tables, QueueServiceClient queues, ILogger<StorageInitializer> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await tables.CreateAllAsync(TableNames.All, stoppingToken);
                foreach (var queue in QueueNames.All.SelectMany(q => new[] { q, q + "-poison" }))
                {
                    await queues.GetQueueClient(queue).CreateIfNotExistsAsync(cancellationToken: stoppingToken);
                }

                logger.LogInformation("Storage tables are ready");
                return;
            }
            catch (Exception exception) when (Http.StorageFaults.IsUnavailable(exception) || exception is Azure.RequestFailedException)
            {
                logger.LogWarning(exception, "Storage not reachable at start-up; retrying in {Delay}", delay);
                await Task.Delay(delay, stoppingToken);
                delay = TimeSpan.FromSeconds(Math.Min(60, delay.TotalSeconds * 2));
            }
        }
    }
}
