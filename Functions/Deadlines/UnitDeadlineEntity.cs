using Azure;
using Azure.Data.Tables;

namespace TetReadiness.Deadlines;

/// <summary>
/// A row of <c>UnitDeadlines</c>: the later deadline a coordinator granted one unit in one campaign (partition =
/// campaign id, row key = unit id). Replaced by a new grant, deleted when the unit goes back to the campaign's
/// deadline; both are in the audit log.
/// </summary>
internal sealed class UnitDeadlineEntity : ITableEntity
{
    public string PartitionKey { get; set; } = string.Empty;

    public string RowKey { get; set; } = string.Empty;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string CampaignId { get; set; } = string.Empty;

    public string UnitId { get; set; } = string.Empty;

    /// <summary>The unit's name and area when the deadline was granted, for the feed and for reading the table by eye.</summary>
    public string UnitName { get; set; } = string.Empty;

    public string DistrictId { get; set; } = string.Empty;

    /// <summary>UTC.</summary>
    public DateTimeOffset Deadline { get; set; }

    public string Reason { get; set; } = string.Empty;

    /// <summary>Who granted it (<c>Caller.Identity</c>: an email for a signed-in coordinator).</summary>
    public string GrantedBy { get; set; } = string.Empty;

    public DateTimeOffset GrantedAt { get; set; }

    public UnitDeadline ToUnitDeadline() => new(UnitId, Deadline, Reason, GrantedBy, GrantedAt, DistrictId, UnitName);

    public static UnitDeadlineEntity From(string campaignId, UnitDeadline deadline) => new()
    {
        PartitionKey = campaignId,
        RowKey = deadline.UnitId,
        CampaignId = campaignId,
        UnitId = deadline.UnitId,
        UnitName = deadline.UnitName,
        DistrictId = deadline.DistrictId,
        Deadline = deadline.Deadline.ToUniversalTime(),
        Reason = deadline.Reason,
        GrantedBy = deadline.GrantedBy,
        GrantedAt = deadline.GrantedAt.ToUniversalTime(),
    };
}
