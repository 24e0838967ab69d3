using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using TetReadiness.Backups;

namespace TetReadiness.Tests.Migrations;

/// <summary>
/// The store the code before issue 15 wrote (<c>Tests/Migrations/LegacyStore</c>, see its README): its tables as the
/// nightly backup has them, and what the old API answered over them. <see cref="LoadAsync"/> writes the rows into
/// tables named as the app names them (<c>{prefix}{Table}</c>), so a test app over that prefix sees the old store.
/// </summary>
public static class LegacyStoreLoader
{
    /// <summary>When the old API was read (<c>api/</c>): Vietnam time 11:29:56 on 2 December 2026.</summary>
    public static readonly DateTimeOffset CapturedAt = new(2026, 12, 2, 4, 29, 56, TimeSpan.Zero);

    /// <summary>A batch holds at most 100 rows and 4 MiB; the lines' length keeps a batch well under the latter.</summary>
    private const int MaxBatchBytes = 2 * 1024 * 1024;

    public static string Folder { get; } = Path.Combine(AppContext.BaseDirectory, "Migrations", "LegacyStore");

    /// <summary>Every table of the store, in the order of its manifest.</summary>
    public static IReadOnlyList<string> Tables { get; } = ReadManifest();

    /// <summary>The rows of one table, as exported (the <c>Timestamp</c> is the one recorded then).</summary>
    public static IEnumerable<TableEntity> ReadRows(string table)
    {
        using var file = File.OpenRead(Path.Combine(Folder, "tables", table + ".jsonl.gz"));
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                yield return BackupRowFormat.Read(line);
            }
        }
    }

    /// <summary>What the old code answered, e.g. <c>ApiAnswer("tet-2024-units")</c> for <c>api/tet-2024-units.json</c>.</summary>
    public static string ApiAnswer(string name) => File.ReadAllText(Path.Combine(Folder, "api", name + ".json"));

    /// <summary>
    /// Writes every row of <paramref name="tables"/> (all of them when null) into <c>{tablePrefix}{Table}</c>, creating
    /// the table when missing; returns the number of rows written. Rows are upserted whole, so loading twice is harmless.
    /// </summary>
    public static async Task<int> LoadAsync(TableServiceClient service, string tablePrefix, IEnumerable<string>? tables = null, CancellationToken cancellationToken = default)
    {
        var written = 0;
        foreach (var table in tables ?? Tables)
        {
            if (!Tables.Contains(table))
            {
                throw new ArgumentException($"The legacy store has no table {table}.", nameof(tables));
            }

            var client = service.GetTableClient(tablePrefix + table);
            await client.CreateIfNotExistsAsync(cancellationToken);
            var batch = new List<TableTransactionAction>();
            var bytes = 0;
            foreach (var row in ReadRows(table))
            {
                var size = row.Sum(p => p.Key.Length + p.Value switch { string text => Encoding.UTF8.GetByteCount(text), byte[] binary => binary.Length * 4 / 3, _ => 16 });
                if (batch.Count > 0 && (batch[0].Entity.PartitionKey != row.PartitionKey || batch.Count == 100 || bytes + size > MaxBatchBytes))
                {
                    await client.SubmitTransactionAsync(batch, cancellationToken);
                    written += batch.Count;
                    batch = [];
                    bytes = 0;
                }

                batch.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, row));
                bytes += size;
            }

            if (batch.Count > 0)
            {
                await client.SubmitTransactionAsync(batch, cancellationToken);
                written += batch.Count;
            }
        }

        return written;
    }

    private static IReadOnlyList<string> ReadManifest()
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "tables", "manifest.json")));
        return manifest.RootElement.GetProperty("tables").EnumerateArray().Select(t => t.GetProperty("table").GetString()!).ToList();
    }
}
