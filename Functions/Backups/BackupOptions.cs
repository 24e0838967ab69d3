using System.ComponentModel.DataAnnotations;

namespace TetReadiness.Backups;

/// <summary>Settings under <c>Backups</c> (the schedule itself is the app setting <c>ExportTablesSchedule</c>).</summary>
public sealed class BackupOptions
{
    public const string SectionName = "Backups";

    /// <summary>The blob container of the storage account (<c>Storage</c> connection) that holds the nightly exports.</summary>
    [Required]
    [RegularExpression("^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$", ErrorMessage = "Backups:Container must be a valid blob container name (3-63 lowercase letters, digits and single hyphens).")]
    public string Container { get; set; } = "backups";
}
