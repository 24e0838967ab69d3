using Azure;
using Azure.Data.Tables;
using TetReadiness.Storage;

namespace TetReadiness.Digests;

/// <summary>The <c>Digests</c> table: one point read or write per call.</summary>
public sealed class DigestStore(StorageTables tables)
{
    /// <summary>Adds the day's row for a recipient; false when it exists already (an earlier run planned it).</summary>
    public async Task<bool> TryAddAsync(DigestEntity row, CancellationToken cancellationToken)
    {
        try
        {
            row.ETag = (await tables.Digests.AddEntityAsync(row, cancellationToken)).Headers.ETag ?? ETag.All;
            return true;
        }
        catch (RequestFailedException exception) when (exception.Status == 409)
        {
            return false;
        }
    }

    public async Task<DigestEntity?> GetAsync(string date, string recipient, CancellationToken cancellationToken)
    {
        var response = await tables.Digests.GetEntityIfExistsAsync<DigestEntity>(date, DigestEntity.RowKeyFor(recipient), cancellationToken: cancellationToken);
        return response.HasValue ? response.Value : null;
    }

    public async Task MarkEnqueuedAsync(DigestEntity row, DateTimeOffset at, CancellationToken cancellationToken)
    {
        // Merge without a condition: a sender may already have claimed the row, and only this column changes.
        var patch = new TableEntity(row.PartitionKey, row.RowKey) { [nameof(DigestEntity.EnqueuedAt)] = at };
        await tables.Digests.UpdateEntityAsync(patch, ETag.All, TableUpdateMode.Merge, cancellationToken);
    }

    /// <summary>
    /// Rows of the days before <paramref name="date"/> still waiting to be sent: one filtered query over the earlier
    /// partitions (a row per recipient per day), which returns only the few rows that never went out.
    /// </summary>
    public async Task<IReadOnlyList<DigestEntity>> ReadWaitingBeforeAsync(string date, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey lt {date} and (State eq {DigestState.Queued} or State eq {DigestState.Sending})");
        var rows = new List<DigestEntity>();
        await foreach (var row in TableQueries.ReadPartitionAsync<DigestEntity>(tables.Digests, filter, cancellationToken))
        {
            rows.Add(row);
        }

        return rows;
    }

    /// <summary>Writes the row if nobody changed it since it was read; false when someone did (the claim is lost).</summary>
    public async Task<bool> TryReplaceAsync(DigestEntity row, CancellationToken cancellationToken)
    {
        try
        {
            row.ETag = (await tables.Digests.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, cancellationToken)).Headers.ETag ?? ETag.All;
            return true;
        }
        catch (RequestFailedException exception) when (exception.Status == 412)
        {
            return false;
        }
    }
}
