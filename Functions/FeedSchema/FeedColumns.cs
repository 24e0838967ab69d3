using System.Globalization;

namespace TetReadiness.FeedSchema;

/// <summary>
/// The kinds of feed columns the owners of the stored tables declare. Every instant comes three times:
/// <c>{name}Utc</c>, and the Vietnam <c>{name}Date</c> and <c>{name}Time</c>; <c>modifiedAtUtc</c> is the storage
/// timestamp (for incremental refresh).
/// </summary>
public static class FeedColumns
{
    public static FeedColumn Text(string name, string property) =>
        new(name, FeedColumnType.Text, row => FeedValues.Text(row.Entity, property), [property]);

    public static FeedColumn Int(string name, string property) =>
        new(name, FeedColumnType.Int, row => FeedValues.Int(row.Entity, property), [property]);

    public static FeedColumn Number(string name, string property) =>
        new(name, FeedColumnType.Number, row => FeedValues.Number(row.Entity, property), [property]);

    public static FeedColumn Bool(string name, string property) =>
        new(name, FeedColumnType.Bool, row => FeedValues.Bool(row.Entity, property), [property]);

    public static FeedColumn Date(string name, string property) =>
        new(name, FeedColumnType.Date, row => FeedValues.Date(row.Entity, property), [property]);

    /// <summary><c>{name}Utc</c>, <c>{name}Date</c> and <c>{name}Time</c> from one stored instant.</summary>
    public static FeedColumn[] Instant(string name, string property)
    {
        Func<FeedRow, object?> value = row => FeedValues.Instant(row.Entity, property);
        return
        [
            new(name + "Utc", FeedColumnType.DateTimeUtc, value, [property]),
            new(name + "Date", FeedColumnType.Date, value, [property]),
            new(name + "Time", FeedColumnType.Time, value, [property]),
        ];
    }

    public static FeedColumn Modified() =>
        new("modifiedAtUtc", FeedColumnType.DateTimeUtc, row => row.Entity.Timestamp, []);

    public static FeedColumn Computed(string name, FeedColumnType type, Func<FeedRow, object?> value, params string[] sources) =>
        new(name, type, value, sources);

    /// <summary>The key that joins a row to its campaign's unit (<c>campaignUnitKey</c>), from the row's own columns.</summary>
    public static FeedColumn CampaignUnitKey() =>
        Computed("campaignUnitKey", FeedColumnType.Text,
            row => Key(FeedValues.Text(row.Entity, "CampaignId"), FeedValues.Text(row.Entity, "UnitId")), "CampaignId", "UnitId");

    /// <summary>The key that joins a row to its checklist item of one version (<c>checklistItemKey</c>).</summary>
    public static object? ChecklistItemKey(FeedRow row) =>
        Key(FeedValues.Text(row.Entity, "CampaignId"), FeedValues.Int(row.Entity, "ChecklistVersion")?.ToString(CultureInfo.InvariantCulture), FeedValues.Text(row.Entity, "ItemId"));

    /// <summary>The id of the campaign a row was read for (tables read campaign by campaign).</summary>
    public static string? CampaignOf(FeedRow row) => row.Campaign?.CampaignId;

    /// <summary>A relationship key of several ids, '|'-separated (ids never contain '|'); null when a part is missing.</summary>
    public static string? Key(params string?[] parts) => parts.Any(p => p is null) ? null : string.Join('|', parts);
}
