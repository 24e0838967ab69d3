using Azure;
using Azure.Data.Tables;

namespace TetReadiness.Storage;

/// <summary>
/// Writes many rows of one partition as entity-group transactions of at most 100 rows,
/// a few batches in flight at a time. Each batch is atomic; the whole set is not.
/// </summary>
public static class TableBatches
{
    public const int MaxBatchSize = 100;
    private const int Parallelism = 4;

    public static async Task<int> SubmitInChunksAsync(TableClient table, IReadOnlyList<TableTransactionAction> actions, CancellationToken cancellationToken)
    {
        if (actions.Count == 0)
        {
            return 0;
        }

        var chunks = actions.Chunk(MaxBatchSize).ToList();
        await Parallel.ForEachAsync(
            chunks,
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (chunk, token) => await table.SubmitTransactionAsync(chunk, token));
        return chunks.Count;
    }

    /// <summary>
    /// Adds the rows that do not exist yet, 100 to a batch per partition; a batch that meets an existing row (another
    /// writer's, with the same key) is retried row by row, and the existing row is left as it is. Every row that may
    /// have been added is in <paramref name="added"/> when this returns or throws: a batch cancelled once sent may
    /// have been committed.
    /// </summary>
    public static async Task AddNewAsync<T>(TableClient table, IReadOnlyList<T> rows, ICollection<T> added, CancellationToken cancellationToken)
        where T : class, ITableEntity
    {
        foreach (var chunk in rows.GroupBy(r => r.PartitionKey, StringComparer.Ordinal).SelectMany(partition => partition.Chunk(MaxBatchSize)))
        {
            try
            {
                await table.SubmitTransactionAsync(chunk.Select(r => new TableTransactionAction(TableTransactionActionType.Add, r)), cancellationToken);
                AddRange(added, chunk);
            }
            catch (OperationCanceledException)
            {
                AddRange(added, chunk);
                throw;
            }
            catch (TableTransactionFailedException exception) when (exception.Status == 409)
            {
                foreach (var row in chunk)
                {
                    try
                    {
                        row.ETag = (await table.AddEntityAsync(row, cancellationToken)).Headers.ETag ?? ETag.All;
                        added.Add(row);
                    }
                    catch (RequestFailedException conflict) when (conflict.Status == 409)
                    {
                    }
                }
            }
        }
    }

    private static void AddRange<T>(ICollection<T> added, IEnumerable<T> rows)
    {
        foreach (var row in rows)
        {
            added.Add(row);
        }
    }
}
