using System.Text.Json;

namespace TetReadiness.Backups;

/// <summary>
/// The last blob an export writes: its presence says every table of the day was written completely; a restore
/// refuses a day without one and checks each table's row count against it.
/// </summary>
public sealed record BackupManifest(int Format, string Date, DateTimeOffset StartedAt, DateTimeOffset CompletedAt, IReadOnlyList<BackupTableEntry> Tables)
{
    /// <summary>The row format of <see cref="BackupRowFormat"/>; a restore refuses a format it does not know.</summary>
    public const int CurrentFormat = 1;

    public static JsonSerializerOptions JsonOptions { get; } = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public long Rows => Tables.Sum(t => t.Rows);
}
