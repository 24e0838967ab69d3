using System.IO.Compression;
using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TetReadiness.Backups;
using TetReadiness.Storage;

using TetReadiness.Tests.Infrastructure;

namespace TetReadiness.Tests.Backups;

public sealed class ExportStreamingTests
{
    [Fact]
    public async Task Export_uploads_a_table_block_by_block_while_it_is_still_reading_its_pages()
    {
        await using var harness = await BackupHarness.StartAsync(BackupHarness.NightOf20January);
        var random = new Random(13);
        var rows = Enumerable.Range(0, 3000).Select(i => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("tet-2024", $"u{i:D5}")
        {
            ["Note"] = Convert.ToHexString(Enumerable.Range(0, 96).Select(_ => (byte)random.Next(256)).ToArray()),
        })).ToList();
        await TableBatches.SubmitInChunksAsync(harness.App.Tables.Answers, rows, CancellationToken.None);
        var recorder = new RequestRecorder();
        var tableOptions = new TableClientOptions();
        tableOptions.AddPolicy(recorder, HttpPipelinePosition.PerCall);
        var blobOptions = new BlobClientOptions();
        blobOptions.AddPolicy(recorder, HttpPipelinePosition.PerCall);
        var exporter = new TableExporter(
            new TableClients(new TableServiceClient(harness.App.ConnectionString, tableOptions), Options.Create(new StorageOptions { TablePrefix = harness.App.TablePrefix })),
            harness.App.Services.GetServices<OwnedTable>(),
            new BlobServiceClient(harness.App.ConnectionString, blobOptions),
            Options.Create(new BackupOptions { Container = harness.ContainerName }),
            harness.App.Clock,
            NullLogger<TableExporter>.Instance)
        { BlockSizeBytes = 64 * 1024 };

        var manifest = await exporter.ExportAsync(CancellationToken.None);

        var requests = recorder.Requests.ToList();
        var pages = requests.Select((request, index) => (request, index)).Where(r => r.request.StartsWith($"GET /devstoreaccount1/{harness.App.TablePrefix}Answers()", StringComparison.Ordinal)).ToList();
        var blocks = requests.Select((request, index) => (request, index)).Where(r => r.request.StartsWith("PUT ", StringComparison.Ordinal) && r.request.Contains("/2024-01-20/Answers.jsonl.gz?", StringComparison.Ordinal) && r.request.Split('?', 2)[1].Split('&').Contains("comp=block")).ToList();
        Assert.True(pages.Count >= 3, $"{pages.Count} pages");
        Assert.True(blocks.Count >= 4, $"{blocks.Count} blocks");
        Assert.True(blocks[0].index < pages[^1].index, "The first block must leave before the table's last page is read:\n" + string.Join('\n', requests));
        Assert.Equal(3000, manifest.Tables.Single(t => t.Table == TableNames.Answers).Rows);
        await using var gzip = new GZipStream(await harness.Container.GetBlobClient("2024-01-20/Answers.jsonl.gz").OpenReadAsync(), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        var lines = 0;
        while (await reader.ReadLineAsync() is { } line)
        {
            Assert.Equal(96 * 2, BackupRowFormat.Read(line).GetString("Note")!.Length);
            lines++;
        }

        Assert.Equal(3000, lines);
    }
}
