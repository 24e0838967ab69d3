namespace TetReadiness.Reporting;

/// <summary>
/// Settings under <c>Feed</c>: the read-only keys of the reporting feed (Key Vault references in Azure).
/// Two at a time, so a key can be rotated without breaking a report; with neither set the feed is off.
/// </summary>
public sealed class FeedOptions
{
    public const string SectionName = "Feed";

    public string? PrimaryKey { get; set; }

    /// <summary>Set only while rotating: the previous key, until every report uses the new one.</summary>
    public string? SecondaryKey { get; set; }
}
