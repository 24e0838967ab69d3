using Azure;
using Azure.Data.Tables;

namespace TetReadiness.Storage;

/// <summary>
/// Writes conditional on the row's ETag, as every outbox store makes them: true when the write took (the row's ETag is
/// refreshed after a replace), false when someone changed the row since it was read (or, for a delete, removed it).
/// </summary>
public static class ConditionalWrites
{
    public static async Task<bool> TryReplaceAsync<T>(TableClient table, T row, CancellationToken cancellationToken)
        where T : class, ITableEntity
    {
        try
        {
            row.ETag = (await table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, cancellationToken)).Headers.ETag ?? ETag.All;
            return true;
        }
        catch (RequestFailedException exception) when (exception.Status == 412)
        {
            return false;
        }
    }

    public static async Task<bool> TryDeleteAsync(TableClient table, ITableEntity row, CancellationToken cancellationToken)
    {
        try
        {
            await table.DeleteEntityAsync(row.PartitionKey, row.RowKey, row.ETag, cancellationToken);
            return true;
        }
        catch (RequestFailedException exception) when (exception.Status is 412 or 404)
        {
            return false;
        }
    }
}
