using System.Globalization;
using Azure;
using Azure.Data.Tables;
using TetReadiness.Status;

namespace TetReadiness.Digests;

/// <summary>
/// A row of <c>StatusSnapshots</c>: a campaign's progress in one district (or the whole city) as the daily digest run
/// saw it, so Power BI can draw progress over time. Partition = campaign id; row key = <c>{yyyy-MM-dd}|{districtId}</c>,
/// <c>{yyyy-MM-dd}|_city</c> for the city total (no district id contains '_'). A second run the same day replaces the row.
/// </summary>
public sealed class StatusSnapshotEntity : ITableEntity
{
    public const string CityKey = "_city";
    public const string CityScope = "city";
    public const string DistrictScope = "district";

    public string PartitionKey { get; set; } = string.Empty;

    public string RowKey { get; set; } = string.Empty;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string CampaignId { get; set; } = string.Empty;

    /// <summary>The Vietnam calendar date, <c>yyyy-MM-dd</c>.</summary>
    public string SnapshotDate { get; set; } = string.Empty;

    /// <summary><c>city</c> or <c>district</c>.</summary>
    public string Scope { get; set; } = DistrictScope;

    /// <summary>Empty on the city total.</summary>
    public string DistrictId { get; set; } = string.Empty;

    public string DistrictName { get; set; } = string.Empty;

    public int Units { get; set; }

    public int Reported { get; set; }

    public int OnTime { get; set; }

    public int Late { get; set; }

    public int Missing { get; set; }

    /// <summary>Reported ÷ units, 0 to 1.</summary>
    public double ReportingRate { get; set; }

    /// <summary>Mean readiness of the reporting units, 0 to 1; empty while none has reported.</summary>
    public double? Readiness { get; set; }

    public DateTimeOffset TakenAt { get; set; }

    public static string DateKey(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string RowKeyFor(DateOnly date, string? districtId) => $"{DateKey(date)}|{districtId ?? CityKey}";

    /// <summary>The city total and one row per district of a campaign's status.</summary>
    public static IReadOnlyList<StatusSnapshotEntity> From(CampaignStatus status, DateOnly date, DateTimeOffset takenAt)
    {
        var rows = new List<StatusSnapshotEntity>
        {
            Row(status.CampaignId, date, null, "Toàn thành phố", status.Units, status.Reported, status.OnTime, status.Late, status.Missing, status.Readiness, takenAt),
        };
        rows.AddRange(status.Districts.Select(d =>
            Row(status.CampaignId, date, d.DistrictId, d.DistrictName, d.Units, d.Reported, d.OnTime, d.Late, d.Missing, d.Readiness, takenAt)));
        return rows;
    }

    private static StatusSnapshotEntity Row(
        string campaignId, DateOnly date, string? districtId, string districtName, int units, int reported, int onTime, int late, int missing, double? readiness, DateTimeOffset takenAt) => new()
        {
            PartitionKey = campaignId,
            RowKey = RowKeyFor(date, districtId),
            CampaignId = campaignId,
            SnapshotDate = DateKey(date),
            Scope = districtId is null ? CityScope : DistrictScope,
            DistrictId = districtId ?? string.Empty,
            DistrictName = districtName,
            Units = units,
            Reported = reported,
            OnTime = onTime,
            Late = late,
            Missing = missing,
            ReportingRate = units == 0 ? 0 : (double)reported / units,
            Readiness = readiness,
            TakenAt = takenAt,
        };
}
