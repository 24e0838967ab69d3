using Azure.Data.Tables;
using TetReadiness.Storage;

namespace TetReadiness.Roster;

/// <summary>
/// The roster's bulk writes: rows grouped by partition, up to 100 to an entity-group transaction, several transactions
/// in flight (bounded), the rows of each batch made only when it is sent, so a national import never holds every
/// entity at once. A delete of a row that is already gone, or an add of a row that is already there (an import or
/// migration run again, or run by two instances at once), is dropped from its batch and the rest sent again: the row
/// another writer put there is left as it is.
/// </summary>
internal static class RosterBatches
{
    public const int Parallelism = 8;

    /// <summary>Writes the rows; returns how many actions took effect (those dropped as above do not count).</summary>
    public static async Task<int> WriteAsync<T>(
        TableClient table,
        IEnumerable<KeyValuePair<string, List<T>>> partitions,
        Func<T, TableTransactionAction> action,
        CancellationToken cancellationToken)
    {
        var written = 0;
        var chunks = partitions.SelectMany(partition => partition.Value.Chunk(TableBatches.MaxBatchSize));
        await Parallel.ForEachAsync(
            chunks,
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (chunk, token) => Interlocked.Add(ref written, await SubmitAsync(table, chunk.Select(action).ToList(), token)));
        return written;
    }

    /// <summary>Writes the rows of one partition.</summary>
    public static Task<int> WriteAsync<T>(TableClient table, string partitionKey, List<T> rows, Func<T, TableTransactionAction> action, CancellationToken cancellationToken) =>
        WriteAsync(table, [KeyValuePair.Create(partitionKey, rows)], action, cancellationToken);

    /// <summary>Groups items by the partition <paramref name="partitionOf"/> names, in the order they come.</summary>
    public static Dictionary<string, List<T>> ByPartition<T>(IEnumerable<T> items, Func<T, string> partitionOf)
    {
        var partitions = new Dictionary<string, List<T>>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            var key = partitionOf(item);
            (partitions.TryGetValue(key, out var list) ? list : partitions[key] = []).Add(item);
        }

        return partitions;
    }

    private static async Task<int> SubmitAsync(TableClient table, List<TableTransactionAction> batch, CancellationToken cancellationToken)
    {
        while (batch.Count > 0)
        {
            try
            {
                await table.SubmitTransactionAsync(batch, cancellationToken);
                return batch.Count;
            }
            catch (TableTransactionFailedException exception) when (Skippable(exception.Status) && exception.FailedTransactionActionIndex is { } index
                && index < batch.Count && Skippable(exception.Status, batch[index].ActionType))
            {
                batch.RemoveAt(index);
            }
            catch (TableTransactionFailedException exception) when (Skippable(exception.Status) && exception.FailedTransactionActionIndex is null)
            {
                // The service did not say which row: send them one by one.
                var written = 0;
                foreach (var single in batch)
                {
                    try
                    {
                        await table.SubmitTransactionAsync([single], cancellationToken);
                        written++;
                    }
                    catch (TableTransactionFailedException one) when (Skippable(one.Status, single.ActionType))
                    {
                    }
                }

                return written;
            }
        }

        return 0;
    }

    private static bool Skippable(int status) => status is 404 or 409;

    private static bool Skippable(int status, TableTransactionActionType action) =>
        (status == 404 && action == TableTransactionActionType.Delete) || (status == 409 && action == TableTransactionActionType.Add);
}
