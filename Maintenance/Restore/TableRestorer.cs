using System.IO.Compression;
using System.Text;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using TetReadiness.Backups;
using TetReadiness.Storage;

namespace TetReadiness.Maintenance.Restore;

/// <summary>
/// Writes a day's export back into the app's tables (with the configured <c>Storage__TablePrefix</c>). Every selected
/// table is checked before anything is written: a table with rows is refused unless <c>--replace</c>, which deletes
/// its rows first so it ends up exactly as in the backup. Rows stream from the blob and go back as batches of one
/// partition (at most 100 rows, under the 4 MiB batch limit); messages that were in flight come back failed
/// (<see cref="InFlightMessages"/>). Storage sets a new <c>Timestamp</c> and ETag on every restored row.
/// </summary>
public sealed class TableRestorer(TableClients tables, IReadOnlyList<OwnedTable> ownedTables, BlobContainerClient container, TextWriter output)
{
    private const int BatchBytes = 3 * 1024 * 1024;
    private const int BatchesInFlight = 4;

    public async Task<RestoreResult> RestoreAsync(DateOnly date, IReadOnlyList<string>? only, bool replace, CancellationToken cancellationToken)
    {
        var manifest = await ReadManifestAsync(date, cancellationToken);
        var selected = Select(manifest, only);

        var nonEmpty = new List<string>();
        foreach (var entry in selected)
        {
            var table = tables.Get(entry.Table);
            await table.CreateIfNotExistsAsync(cancellationToken);
            if (await HasRowsAsync(table, cancellationToken))
            {
                nonEmpty.Add(entry.Table);
            }
        }

        if (nonEmpty.Count > 0 && !replace)
        {
            throw new ToolException(
                $"Not restored: {string.Join(", ", nonEmpty)} already {(nonEmpty.Count == 1 ? "has" : "have")} rows. Nothing was written. " +
                "Restore into empty tables, or add --replace to delete their rows and write the backup's.");
        }

        var results = new List<RestoredTable>();
        foreach (var entry in selected)
        {
            var table = tables.Get(entry.Table);
            var deleted = nonEmpty.Contains(entry.Table) ? await DeleteAllAsync(table, cancellationToken) : 0;
            var (rows, settled) = await WriteAsync(table, entry, manifest.Date, cancellationToken);
            if (rows != entry.Rows)
            {
                throw new ToolException($"{entry.Table}: the backup blob holds {rows} rows but its manifest says {entry.Rows}; the day was exported twice at once. Restore another day.");
            }

            results.Add(new RestoredTable(entry.Table, rows, deleted, settled));
            output.WriteLine($"  {entry.Table}: {rows} rows restored{(deleted > 0 ? $", {deleted} rows replaced" : string.Empty)}{(settled > 0 ? $", {settled} in-flight messages marked failed (NeedsReview)" : string.Empty)}");
        }

        foreach (var missing in ownedTables.Select(t => t.Name).Where(name => manifest.Tables.All(t => t.Table != name)))
        {
            output.WriteLine($"  {missing}: not in this backup (a table added since {manifest.Date}); left as it is");
        }

        return new RestoreResult(manifest.Date, results);
    }

    public async Task<BackupManifest> ReadManifestAsync(DateOnly date, CancellationToken cancellationToken)
    {
        var blob = container.GetBlobClient(BackupLayout.Manifest(date));
        BackupManifest? manifest;
        try
        {
            var content = await blob.DownloadContentAsync(cancellationToken);
            manifest = content.Value.Content.ToObjectFromJson<BackupManifest>(BackupManifest.JsonOptions);
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            var days = await CompleteDaysAsync(cancellationToken);
            throw new ToolException(
                $"No complete backup for {BackupLayout.Folder(date)} in container '{container.Name}' (no {BackupLayout.ManifestName}: the export did not finish that day). " +
                (days.Count == 0 ? "The container holds no complete backup." : $"Complete backups: {string.Join(", ", days.TakeLast(10))}."));
        }

        if (manifest is null || manifest.Format != BackupManifest.CurrentFormat)
        {
            throw new ToolException($"The backup of {BackupLayout.Folder(date)} has format {manifest?.Format}; this tool reads format {BackupManifest.CurrentFormat}.");
        }

        return manifest;
    }

    /// <summary>The days with a manifest, oldest first.</summary>
    public async Task<IReadOnlyList<string>> CompleteDaysAsync(CancellationToken cancellationToken)
    {
        var days = new List<string>();
        try
        {
            await foreach (var blob in container.GetBlobsAsync(cancellationToken: cancellationToken))
            {
                if (blob.Name.EndsWith("/" + BackupLayout.ManifestName, StringComparison.Ordinal))
                {
                    days.Add(blob.Name[..blob.Name.IndexOf('/', StringComparison.Ordinal)]);
                }
            }
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            // No container: no export has run against this account (or Backups__Container names another).
        }

        return days.Order(StringComparer.Ordinal).ToList();
    }

    private static IReadOnlyList<BackupTableEntry> Select(BackupManifest manifest, IReadOnlyList<string>? only)
    {
        if (only is null)
        {
            return manifest.Tables;
        }

        var unknown = only.Where(name => manifest.Tables.All(t => !t.Table.Equals(name, StringComparison.OrdinalIgnoreCase))).ToList();
        if (unknown.Count > 0)
        {
            throw new ToolException($"Not in the backup of {manifest.Date}: {string.Join(", ", unknown)}. Its tables: {string.Join(", ", manifest.Tables.Select(t => t.Table))}.");
        }

        return manifest.Tables.Where(t => only.Contains(t.Table, StringComparer.OrdinalIgnoreCase)).ToList();
    }

    private static async Task<bool> HasRowsAsync(TableClient table, CancellationToken cancellationToken)
    {
        await foreach (var _ in table.QueryAsync<TableEntity>(maxPerPage: 1, select: ["PartitionKey"], cancellationToken: cancellationToken))
        {
            return true;
        }

        return false;
    }

    private static async Task<long> DeleteAllAsync(TableClient table, CancellationToken cancellationToken)
    {
        var deleted = 0L;
        var batches = new Batches(table);
        await foreach (var row in table.QueryAsync<TableEntity>(maxPerPage: TableQueries.PageSize, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            await batches.AddAsync(new TableTransactionAction(TableTransactionActionType.Delete, row, ETag.All), 0, cancellationToken);
            deleted++;
        }

        await batches.FlushAsync(cancellationToken);
        return deleted;
    }

    private async Task<(long Rows, int Settled)> WriteAsync(TableClient table, BackupTableEntry entry, string backupDate, CancellationToken cancellationToken)
    {
        var rows = 0L;
        var settled = 0;
        var batches = new Batches(table);
        await using var download = await container.GetBlobClient(entry.Blob).OpenReadAsync(cancellationToken: cancellationToken);
        await using var gzip = new GZipStream(download, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }

            var row = BackupRowFormat.Read(line);
            if (InFlightMessages.Settle(entry.Table, row, backupDate))
            {
                settled++;
            }

            await batches.AddAsync(new TableTransactionAction(TableTransactionActionType.UpsertReplace, row), Encoding.UTF8.GetByteCount(line), cancellationToken);
            rows++;
        }

        await batches.FlushAsync(cancellationToken);
        return (rows, settled);
    }

    /// <summary>
    /// Collects consecutive actions of one partition (the export's rows come sorted by partition) into batches of
    /// at most 100 and under the batch size limit, a few in flight at once.
    /// </summary>
    private sealed class Batches(TableClient table)
    {
        private readonly List<Task> inFlight = [];
        private List<TableTransactionAction> current = [];
        private long currentBytes;

        public async Task AddAsync(TableTransactionAction action, int bytes, CancellationToken cancellationToken)
        {
            if (current.Count > 0 && (current[0].Entity.PartitionKey != action.Entity.PartitionKey || current.Count == TableBatches.MaxBatchSize || currentBytes + bytes > BatchBytes))
            {
                await SubmitAsync(cancellationToken);
            }

            current.Add(action);
            currentBytes += bytes;
        }

        public async Task FlushAsync(CancellationToken cancellationToken)
        {
            if (current.Count > 0)
            {
                await SubmitAsync(cancellationToken);
            }

            await Task.WhenAll(inFlight);
            inFlight.Clear();
        }

        private async Task SubmitAsync(CancellationToken cancellationToken)
        {
            inFlight.Add(table.SubmitTransactionAsync(current, cancellationToken));
            current = [];
            currentBytes = 0;
            if (inFlight.Count >= BatchesInFlight)
            {
                var done = await Task.WhenAny(inFlight);
                inFlight.Remove(done);
                await done;
            }
        }
    }
}
