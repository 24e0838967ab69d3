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
}
