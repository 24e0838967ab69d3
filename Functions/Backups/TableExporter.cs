using System.Buffers;
using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TetReadiness.Storage;
using TetReadiness.Time;

namespace TetReadiness.Backups;

/// <summary>
/// Writes every table a feature registers as its own (<see cref="OwnedTable"/>, in the order registered) to the
/// backup container, one page of up to 1,000 rows at a
/// time through gzip into a block blob upload: the process holds one page and one block per table, never a table.
/// A second run on the same day overwrites that day's blobs (each blob is committed whole or not at all) and
/// withdraws the day's manifest first, so a run that dies half-way leaves no manifest over a mix of two runs.
/// </summary>
public sealed class TableExporter(
    TableClients tables,
    IEnumerable<OwnedTable> ownedTables,
    BlobServiceClient blobs,
    IOptions<BackupOptions> options,
    TimeProvider clock,
    ILogger<TableExporter> logger)
{
    /// <summary>Bytes of compressed rows staged per block; tests make it small to watch blocks leave during the read.</summary>
    internal int BlockSizeBytes { get; init; } = 4 * 1024 * 1024;

    public async Task<BackupManifest> ExportAsync(CancellationToken cancellationToken)
    {
        var elapsed = Stopwatch.StartNew();
        var startedAt = clock.GetUtcNow();
        var date = VietnamTime.DateOf(startedAt);
        var container = blobs.GetBlobContainerClient(options.Value.Container);
        await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await container.DeleteBlobIfExistsAsync(BackupLayout.Manifest(date), cancellationToken: cancellationToken);

        var entries = new List<BackupTableEntry>();
        foreach (var table in ownedTables)
        {
            entries.Add(await ExportTableAsync(container, date, table.Name, cancellationToken));
        }

        var manifest = new BackupManifest(BackupManifest.CurrentFormat, BackupLayout.Folder(date), startedAt, clock.GetUtcNow(), entries);
        await container.GetBlobClient(BackupLayout.Manifest(date)).UploadAsync(
            BinaryData.FromObjectAsJson(manifest, BackupManifest.JsonOptions),
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" } },
            cancellationToken);
        logger.LogInformation(
            "Exported {Tables} tables, {Rows} rows to {Container}/{Folder} in {ElapsedMs} ms",
            entries.Count, manifest.Rows, container.Name, manifest.Date, elapsed.ElapsedMilliseconds);
        return manifest;
    }

    private async Task<BackupTableEntry> ExportTableAsync(BlobContainerClient container, DateOnly date, string table, CancellationToken cancellationToken)
    {
        var name = BackupLayout.TableBlob(date, table);
        var blob = container.GetBlockBlobClient(name);
        var rows = 0L;
        var openOptions = new BlockBlobOpenWriteOptions { BufferSize = BlockSizeBytes, HttpHeaders = new BlobHttpHeaders { ContentType = "application/gzip" } };
        await using (var upload = await blob.OpenWriteAsync(overwrite: true, openOptions, cancellationToken))
        {
            await using var gzip = new GZipStream(upload, CompressionLevel.Optimal, leaveOpen: true);
            var page = new ArrayBufferWriter<byte>(256 * 1024);
            await using var json = new Utf8JsonWriter(page);
            try
            {
                await foreach (var rowsOfPage in tables.Get(table).QueryAsync<TableEntity>(maxPerPage: TableQueries.PageSize, cancellationToken: cancellationToken).AsPages())
                {
                    foreach (var row in rowsOfPage.Values)
                    {
                        BackupRowFormat.Write(json, row);
                        json.Flush();
                        json.Reset();
                        page.Write("\n"u8);
                        rows++;
                    }

                    await gzip.WriteAsync(page.WrittenMemory, cancellationToken);
                    page.ResetWrittenCount();
                }
            }
            catch (RequestFailedException exception) when (exception.Status == 404)
            {
                // A table the app has not created yet (a feature added since start-up) is exported empty.
                logger.LogWarning("Table {Table} does not exist; exported as empty", table);
            }
        }

        logger.LogInformation("Exported {Table}: {Rows} rows to {Blob}", table, rows, name);
        return new BackupTableEntry(table, name, rows);
    }
}
