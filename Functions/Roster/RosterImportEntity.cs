using Azure;
using Azure.Data.Tables;

namespace TetReadiness.Roster;

/// <summary>A row of <c>RosterImports</c>: one per import, newest first (row key = inverted ticks).</summary>
internal sealed class RosterImportEntity : ITableEntity
{
    public const string Partition = "imports";

    public string PartitionKey { get; set; } = Partition;

    public string RowKey { get; set; } = string.Empty;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public DateTimeOffset ImportedAt { get; set; }

    public string ImportedBy { get; set; } = string.Empty;

    public string AreaLevel { get; set; } = string.Empty;

    public int Districts { get; set; }

    public int Units { get; set; }

    public int Added { get; set; }

    public int Updated { get; set; }

    public int Deactivated { get; set; }

    public int Reactivated { get; set; }

    public int Unchanged { get; set; }

    /// <summary>Newest first; the random suffix keeps two imports in the same clock tick from colliding.</summary>
    public static string RowKeyFor(DateTimeOffset at) =>
        (DateTimeOffset.MaxValue.UtcTicks - at.UtcTicks).ToString("D19") + "-" + Guid.NewGuid().ToString("N")[..8];
}
