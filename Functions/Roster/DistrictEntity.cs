using Azure;
using Azure.Data.Tables;
using TetReadiness.Common;

namespace TetReadiness.Roster;

/// <summary>A row of <c>Districts</c>: partition <c>roster</c>, row key = district id.</summary>
internal sealed class DistrictEntity : ITableEntity
{
    public string PartitionKey { get; set; } = UnitEntity.CurrentPartition;

    public string RowKey { get; set; } = string.Empty;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string DistrictId { get; set; } = string.Empty;

    public string DistrictName { get; set; } = string.Empty;

    /// <summary>What this level of area is called (Quận/Huyện, Phường/Xã, ...): data, not code.</summary>
    public string AreaLevel { get; set; } = RosterDistrict.DefaultAreaLevel;

    public string CoordinatorEmails { get; set; } = string.Empty;

    public bool Active { get; set; } = true;

    public DateTimeOffset ImportedAt { get; set; }

    public DateTimeOffset? DeactivatedAt { get; set; }

    public static DistrictEntity From(RosterDistrict district, DateTimeOffset importedAt) => new()
    {
        RowKey = district.DistrictId,
        DistrictId = district.DistrictId,
        DistrictName = district.DistrictName,
        AreaLevel = district.AreaLevel,
        CoordinatorEmails = Emails.Join(district.CoordinatorEmails),
        Active = district.Active,
        ImportedAt = importedAt,
    };

    public RosterDistrict ToDistrict() => new(DistrictId, DistrictName, Emails.Parse(CoordinatorEmails), AreaLevel, Active);
}
