using System.Globalization;
using Azure.Data.Tables;
using TetReadiness.Storage;
using TetReadiness.Tests.Infrastructure;

namespace TetReadiness.Tests.Backups;

/// <summary>
/// Every row of every app table with every property as <c>Name:ClrType=value</c>, in an exact text form of its own
/// (not the backup format, so the codec is not checked against itself). Timestamp and ETag are left out: storage
/// sets new ones on every write.
/// </summary>
public static class TableSnapshot
{
    // Between properties: a character no test value holds.
    private const string Separator = "\u001f";

    public static async Task<IReadOnlyDictionary<string, string>> TakeAsync(TestApp app, IEnumerable<string>? only = null)
    {
        var rows = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var table in only ?? TableNames.All)
        {
            foreach (var row in await app.ReadAllAsync(table))
            {
                rows[$"{table} {row.PartitionKey}/{row.RowKey}"] = Describe(row);
            }
        }

        return rows;
    }

    public static string Describe(TableEntity row) =>
        string.Join(Separator, row.Where(p => p.Key is not ("PartitionKey" or "RowKey" or "Timestamp") && !p.Key.StartsWith("odata.", StringComparison.Ordinal))
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => $"{p.Key}:{p.Value.GetType().Name}={Format(p.Value)}"));

    /// <summary>The rows without the <c>AuditLog</c> entries the maintenance tool wrote about itself.</summary>
    public static IReadOnlyDictionary<string, string> WithoutToolAudit(IReadOnlyDictionary<string, string> rows) =>
        rows.Where(row => !(row.Key.StartsWith(TableNames.AuditLog + " ", StringComparison.Ordinal) && row.Value.Contains(Separator + "Via:String=tool", StringComparison.Ordinal)))
            .ToDictionary(StringComparer.Ordinal);

    /// <summary>Lines <c>{row} {column}: {before} → {after}</c> for every property that differs.</summary>
    public static IReadOnlyList<string> Differences(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after)
    {
        var lines = new List<string>();
        foreach (var key in before.Keys.Union(after.Keys).Order(StringComparer.Ordinal))
        {
            var old = Properties(before.GetValueOrDefault(key));
            var now = Properties(after.GetValueOrDefault(key));
            foreach (var name in old.Keys.Union(now.Keys).Order(StringComparer.Ordinal))
            {
                var (a, b) = (old.GetValueOrDefault(name, "(none)"), now.GetValueOrDefault(name, "(none)"));
                if (a != b)
                {
                    lines.Add($"{key} {name}: {a} → {b}");
                }
            }
        }

        return lines;
    }

    /// <summary>Deletes every row of every app table, as a lost or corrupted account would leave them.</summary>
    public static async Task WipeAsync(TestApp app)
    {
        foreach (var name in TableNames.All)
        {
            var table = app.Tables.Get(name);
            foreach (var partition in (await app.ReadAllAsync(name)).GroupBy(r => r.PartitionKey))
            {
                await TableBatches.SubmitInChunksAsync(table, partition.Select(r => new TableTransactionAction(TableTransactionActionType.Delete, r, Azure.ETag.All)).ToList(), CancellationToken.None);
            }
        }
    }

    private static Dictionary<string, string> Properties(string? described) =>
        string.IsNullOrEmpty(described)
            ? []
            : described.Split(Separator).Select(p => p.Split('=', 2)).ToDictionary(p => p[0].Split(':')[0], p => p[0].Split(':')[1] + "=" + p[1]);

    private static string Format(object value) => value switch
    {
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        DateTimeOffset instant => instant.UtcTicks.ToString(CultureInfo.InvariantCulture) + "Z",
        byte[] bytes => Convert.ToBase64String(bytes),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
