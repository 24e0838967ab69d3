using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Azure.Data.Tables;
using TetReadiness.Reminders;

namespace TetReadiness.Status;

/// <summary>
/// How an <see cref="AreaSummary"/> is laid out in <c>AreaSummaries</c>: a typed row <c>{DistrictId}|area</c> with the
/// figures and the item tallies (<c>itemId=ready,partial,notReady,notApplicable;…</c>), and the notes and reminder
/// tallies as JSON cut into rows <c>{DistrictId}|data|{nn}</c> of at most 30,000 characters each (a table string holds
/// 32,768), so an area of any size fits. All rows of an area are written in one batch.
/// </summary>
internal static class AreaSummaryRows
{
    public const string AreaRowType = "area";
    public const string DataRowType = "data";
    public const int PieceLength = 30_000;

    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string AreaKey(string districtId) => districtId + "|" + AreaRowType;

    public static string Prefix(string districtId) => districtId + "|";

    public static string DistrictOf(string rowKey) => rowKey[..rowKey.IndexOf('|', StringComparison.Ordinal)];

    public static List<TableEntity> ToRows(string campaignId, AreaSummary summary, bool final, DateTimeOffset changedAt)
    {
        var pieces = Cut(JsonSerializer.Serialize(
            new Data(
                summary.Items.SelectMany(t => t.Notes.Select(n => new NoteData(t.ItemId, n.UnitId, n.UnitName, n.Note, n.SubmittedAt))).ToList(),
                summary.Reminders.Select(r => new ReminderData(r.Key, r.Value.Sent, r.Value.LastSentAt, r.Value.NoEmail)).ToList()),
            Json));
        var rows = new List<TableEntity>
        {
            new(campaignId, AreaKey(summary.DistrictId))
            {
                ["RowType"] = AreaRowType,
                ["CampaignId"] = campaignId,
                ["DistrictId"] = summary.DistrictId,
                ["DistrictName"] = summary.DistrictName,
                ["ActiveUnits"] = summary.Units,
                ["Reported"] = summary.Reported,
                ["OnTime"] = summary.OnTime,
                ["Late"] = summary.Late,
                ["Missing"] = summary.Missing,
                ["Readiness"] = summary.Readiness,
                ["ReadinessTotal"] = summary.ReadinessTotal,
                ["ReadinessCount"] = summary.ReadinessCount,
                ["Accepted"] = summary.Review.Accepted,
                ["Returned"] = summary.Review.Returned,
                ["AwaitingReview"] = summary.Review.AwaitingReview,
                ["ReopenRequests"] = summary.Review.ReopenRequests,
                ["ItemTallies"] = string.Join(';', summary.Items.Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.ItemId}={t.Ready},{t.Partial},{t.NotReady},{t.NotApplicable}"))),
                ["DataRows"] = pieces.Count,
                ["Final"] = final,
                ["ChangedAt"] = changedAt,
            },
        };
        rows.AddRange(pieces.Select((piece, index) => new TableEntity(campaignId, DataKey(summary.DistrictId, index))
        {
            ["RowType"] = DataRowType,
            ["CampaignId"] = campaignId,
            ["DistrictId"] = summary.DistrictId,
            ["Json"] = piece,
        }));
        return rows;
    }

    /// <summary>The summary an area's rows hold; null when they are incomplete (no area row, a piece missing).</summary>
    public static (AreaSummary Summary, bool Final, DateTimeOffset ChangedAt)? FromRows(IReadOnlyList<TableEntity> rows)
    {
        var area = rows.FirstOrDefault(r => r.GetString("RowType") == AreaRowType);
        if (area is null)
        {
            return null;
        }

        var districtId = area.GetString("DistrictId") ?? string.Empty;
        var count = area.GetInt32("DataRows") ?? 0;
        var pieces = new List<string>();
        for (var index = 0; index < count; index++)
        {
            if (rows.FirstOrDefault(r => r.RowKey == DataKey(districtId, index))?.GetString("Json") is not { } piece)
            {
                return null;
            }

            pieces.Add(piece);
        }

        var data = pieces.Count == 0 ? new Data([], []) : JsonSerializer.Deserialize<Data>(string.Concat(pieces), Json) ?? new Data([], []);
        var notes = data.Notes.GroupBy(n => n.ItemId, StringComparer.Ordinal).ToDictionary(
            g => g.Key, g => (IReadOnlyList<TalliedNote>)g.Select(n => new TalliedNote(n.UnitId, n.UnitName, n.Note, n.SubmittedAt)).ToList(), StringComparer.Ordinal);
        var items = (area.GetString("ItemTallies") ?? string.Empty)
            .Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(entry =>
            {
                var (itemId, counts) = (entry[..entry.IndexOf('=', StringComparison.Ordinal)], entry[(entry.IndexOf('=', StringComparison.Ordinal) + 1)..].Split(','));
                int At(int i) => int.Parse(counts[i], CultureInfo.InvariantCulture);
                return new ItemTally(itemId, At(0), At(1), At(2), At(3), notes.GetValueOrDefault(itemId) ?? []);
            })
            .ToList();
        var summary = new AreaSummary(
            districtId,
            area.GetString("DistrictName") ?? string.Empty,
            area.GetInt32("ActiveUnits") ?? 0,
            area.GetInt32("Reported") ?? 0,
            area.GetInt32("OnTime") ?? 0,
            area.GetInt32("Late") ?? 0,
            area.GetDouble("ReadinessTotal") ?? 0,
            area.GetInt32("ReadinessCount") ?? 0,
            items,
            data.Reminders.ToDictionary(r => r.UnitId, r => new ReminderHistory(r.Sent, r.LastSentAt, r.NoEmail), StringComparer.Ordinal),
            // Rows stored before reviews existed have no review columns: 0 each, until the rollup rewrites them.
            new ReviewFigures(area.GetInt32("Accepted") ?? 0, area.GetInt32("Returned") ?? 0, area.GetInt32("AwaitingReview") ?? 0, area.GetInt32("ReopenRequests") ?? 0));
        return (summary, area.GetBoolean("Final") ?? false, area.GetDateTimeOffset("ChangedAt") ?? DateTimeOffset.MinValue);
    }

    /// <summary>Whether two sets of rows hold the same figures (what changed, not when).</summary>
    public static bool SameContent(IReadOnlyList<TableEntity> stored, IReadOnlyList<TableEntity> computed) =>
        stored.Count == computed.Count
        && computed.All(row => stored.FirstOrDefault(s => s.RowKey == row.RowKey) is { } match
            && row.Keys.Where(k => k != "ChangedAt").All(k => Equals(Normalize(match.TryGetValue(k, out var value) ? value : null), Normalize(row[k]))));

    private static string DataKey(string districtId, int index) => string.Create(CultureInfo.InvariantCulture, $"{districtId}|{DataRowType}|{index:00}");

    private static object? Normalize(object? value) => value switch
    {
        DateTimeOffset at => at.UtcTicks,
        DateTime at => new DateTimeOffset(at.ToUniversalTime()).UtcTicks,
        _ => value,
    };

    private static List<string> Cut(string json)
    {
        var pieces = new List<string>();
        for (var start = 0; start < json.Length;)
        {
            var length = Math.Min(PieceLength, json.Length - start);
            if (start + length < json.Length && char.IsHighSurrogate(json[start + length - 1]))
            {
                length--;
            }

            pieces.Add(json.Substring(start, length));
            start += length;
        }

        return pieces;
    }

    private sealed record Data(List<NoteData> Notes, List<ReminderData> Reminders);

    private sealed record NoteData(string ItemId, string UnitId, string UnitName, string Note, DateTimeOffset SubmittedAt);

    private sealed record ReminderData(string UnitId, int Sent, DateTimeOffset? LastSentAt, bool NoEmail);
}
