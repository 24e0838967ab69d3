using Azure.Storage.Queues;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace TetReadiness.Storage;

/// <summary>
/// Creates the tables the features register as their own (<see cref="OwnedTable"/>) and the queues when they are
/// missing (in Azure the template has created them already): at
/// start-up, retrying until storage answers, and again whenever <see cref="MissingResourceWatch"/> sees storage say
/// one is gone, so neither an app that starts during an outage nor storage that lost its data needs a restart. Once
/// the tables exist it runs the pending data migrations (<see cref="DataMigrations"/>).
/// </summary>
public sealed class StorageInitializer(
    TableClients tables,
    IEnumerable<OwnedTable> ownedTables,
    QueueServiceClient queues,
    MissingResourceWatch watch,
    DataMigrations migrations,
    ILogger<StorageInitializer> logger) : BackgroundService
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongestRetry = TimeSpan.FromSeconds(60);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = FirstRetry;
        var migrationsDone = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            // Taken before creating: a table found missing while this round runs starts another round.
            var missing = watch.Next;
            try
            {
                await CreateAllAsync(stoppingToken);
                logger.LogInformation("Storage tables and queues are ready");
                if (!migrationsDone)
                {
                    migrationsDone = await migrations.RunPendingAsync(stoppingToken);
                }

                delay = FirstRetry;
                if (!migrationsDone)
                {
                    // A migration that failed is tried again in a minute, not only at the next start-up.
                    await Task.WhenAny(Task.Delay(LongestRetry, stoppingToken), missing);
                    continue;
                }

                await missing.WaitAsync(stoppingToken);
                logger.LogWarning("Storage answered that a table or queue does not exist; creating them again");
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // Any exception, not only a storage fault: a background service that lets one escape has ended (and
                // under the default host options stops the whole app).
                logger.LogWarning(exception, "Storage tables and queues could not be created; retrying in {Delay}", delay);
                await Task.WhenAny(Task.Delay(delay, stoppingToken), missing);
                delay = TimeSpan.FromTicks(Math.Min(LongestRetry.Ticks, delay.Ticks * 2));
            }

            // However many requests find a table missing at once, at most one round a second.
            await Task.Delay(FirstRetry, stoppingToken);
        }
    }

    private async Task CreateAllAsync(CancellationToken cancellationToken)
    {
        foreach (var table in ownedTables)
        {
            await tables.Get(table.Name).CreateIfNotExistsAsync(cancellationToken);
        }

        foreach (var queue in QueueNames.All.SelectMany(q => new[] { q, q + "-poison" }))
        {
            await queues.GetQueueClient(queue).CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        }
    }
}
