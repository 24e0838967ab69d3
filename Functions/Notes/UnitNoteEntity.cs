using System.Globalization;
using Azure;
using Azure.Data.Tables;

namespace TetReadiness.Notes;

/// <summary>
/// A row of <c>UnitNotes</c>: one note a coordinator wrote on a unit in a campaign, never changed. Partition = campaign
/// id; row key = <c>{UnitId}|{inverted ticks D19}|{random}</c>, so a unit's notes are one key range, newest first.
/// <see cref="DistrictId"/> is the unit's area when the note was written, for an area's read.
/// </summary>
internal sealed class UnitNoteEntity : ITableEntity
{
    public string PartitionKey { get; set; } = string.Empty;

    public string RowKey { get; set; } = string.Empty;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string CampaignId { get; set; } = string.Empty;

    public string UnitId { get; set; } = string.Empty;

    public string DistrictId { get; set; } = string.Empty;

    public string Text { get; set; } = string.Empty;

    /// <summary>Who wrote it (<c>Caller.Identity</c>: a coordinator's email).</summary>
    public string By { get; set; } = string.Empty;

    public DateTimeOffset At { get; set; }

    public UnitNote ToUnitNote() => new(Text, By, At);

    public static string UnitPrefix(string unitId) => unitId + "|";

    public static UnitNoteEntity Create(string campaignId, string unitId, string districtId, string text, string by, DateTimeOffset at) => new()
    {
        PartitionKey = campaignId,
        RowKey = UnitPrefix(unitId) + (DateTimeOffset.MaxValue.UtcTicks - at.UtcTicks).ToString("D19", CultureInfo.InvariantCulture) + "|" + Guid.NewGuid().ToString("N")[..8],
        CampaignId = campaignId,
        UnitId = unitId,
        DistrictId = districtId,
        Text = text,
        By = by,
        At = at.ToUniversalTime(),
    };
}
