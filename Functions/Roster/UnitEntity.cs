using Azure;
using Azure.Data.Tables;
using TetReadiness.Common;

namespace TetReadiness.Roster;

/// <summary>
/// A row of <c>Units</c> (partition <c>roster</c>: the current roster; row key = unit id), of <c>AreaUnits</c> (the
/// same rows, partition = the unit's area id) or of <c>CampaignUnits</c> (partition = campaign id: the roster a closed
/// campaign closed with; row key <c>{DistrictId}|{UnitId}</c>, so one area is one key range).
/// </summary>
internal sealed class UnitEntity : ITableEntity
{
    public const string CurrentPartition = "roster";

    public string PartitionKey { get; set; } = CurrentPartition;

    public string RowKey { get; set; } = string.Empty;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string UnitId { get; set; } = string.Empty;

    public string UnitName { get; set; } = string.Empty;

    public string DistrictId { get; set; } = string.Empty;

    public string DistrictName { get; set; } = string.Empty;

    /// <summary>';'-separated, lowercase.</summary>
    public string OfficerEmails { get; set; } = string.Empty;

    public int OfficerCount { get; set; }

    public bool Active { get; set; } = true;

    public DateTimeOffset ImportedAt { get; set; }

    public DateTimeOffset? DeactivatedAt { get; set; }

    /// <summary>Raised to revoke every link of the unit. Null on import rows, so an import (a merge) never resets it.</summary>
    public int? LinkGeneration { get; set; }

    /// <summary>Row keys of <c>CampaignUnits</c> before issue 15 were the unit id alone (see <see cref="CampaignUnitsKeysMigration"/>).</summary>
    public static string FrozenRowKey(string districtId, string unitId) => districtId + "|" + unitId;

    /// <summary>The first row key of an area's range in <c>CampaignUnits</c>.</summary>
    public static string FrozenAreaPrefix(string districtId) => districtId + "|";

    public static UnitEntity From(RosterUnit unit, DateTimeOffset importedAt, string partitionKey = CurrentPartition, string? rowKey = null) => new()
    {
        PartitionKey = partitionKey,
        RowKey = rowKey ?? unit.UnitId,
        UnitId = unit.UnitId,
        UnitName = unit.UnitName,
        DistrictId = unit.DistrictId,
        DistrictName = unit.DistrictName,
        OfficerEmails = Emails.Join(unit.OfficerEmails),
        OfficerCount = unit.OfficerEmails.Count,
        Active = unit.Active,
        ImportedAt = importedAt,
    };

    public RosterUnit ToUnit() => new(UnitId, UnitName, DistrictId, DistrictName, Emails.Parse(OfficerEmails), Active, LinkGeneration ?? 0);
}
