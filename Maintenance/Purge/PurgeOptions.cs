using System.ComponentModel.DataAnnotations;

namespace TetReadiness.Maintenance.Purge;

/// <summary>Settings under <c>Purge</c>, read by the tool from the operator's environment (not an app setting).</summary>
public sealed class PurgeOptions
{
    public const string SectionName = "Purge";

    /// <summary>
    /// Days after a campaign closes during which its personal data is kept: two years by default, so the next Tết's
    /// campaign can be compared with this one and questions from an inspection or a complaint about who reported
    /// what can still be answered. A city sets its own period in its personal data processing notice.
    /// </summary>
    [Range(0, 36500)]
    public int RetentionDays { get; set; } = 730;
}
