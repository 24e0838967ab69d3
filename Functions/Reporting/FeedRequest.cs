using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using TetReadiness.Common;
using TetReadiness.FeedSchema;
using TetReadiness.Http;
using TetReadiness.Time;

namespace TetReadiness.Reporting;

/// <summary>
/// What a feed request asks for: a table, optionally one campaign (<c>campaign</c>), rows changed since an instant
/// (<c>modifiedSince</c>), and a format. Parsing checks everything before storage is touched.
/// </summary>
public sealed partial record FeedRequest(FeedTable Table, string? CampaignId, DateTimeOffset? ModifiedSince, FeedFormat Format)
{
    public static FeedRequest Parse(string table, IQueryCollection query)
    {
        var feedTable = FeedTables.Find(table) ?? throw ProblemException.NotFound(
            $"Không có bảng '{table}'. (No feed table '{table}'; the tables are: {string.Join(", ", FeedTables.All.Select(t => t.Name))}.)");
        var errors = new Dictionary<string, string[]>();

        var campaign = query["campaign"].ToString();
        if (campaign.Length > 0 && !Ids.IsValid(campaign))
        {
            errors["campaign"] = ["A campaign id is a lowercase slug: a-z, 0-9 and '-'."];
        }

        var format = query["format"].ToString().ToLowerInvariant() switch
        {
            "" or "json" => FeedFormat.Json,
            "csv" => FeedFormat.Csv,
            _ => (FeedFormat?)null,
        };
        if (format is null)
        {
            errors["format"] = ["Use format=json (the default) or format=csv."];
        }

        var modifiedSinceText = query["modifiedSince"].ToString();
        DateTimeOffset? modifiedSince = null;
        if (modifiedSinceText.Length > 0)
        {
            if (TryParseInstant(modifiedSinceText, out var instant))
            {
                modifiedSince = instant;
            }
            else
            {
                errors["modifiedSince"] = ["An ISO 8601 time such as 2024-02-01T00:00:00Z or 2024-02-01T07:00:00%2B07:00 (without an offset it is Vietnam time)."];
            }
        }

        return errors.Count > 0
            ? throw ProblemException.Validation(errors)
            : new FeedRequest(feedTable, campaign.Length > 0 ? campaign : null, modifiedSince, format!.Value);
    }

    /// <summary>
    /// ISO 8601 with an offset as given; without one it is Vietnam time; a date alone is the start of that Vietnam day.
    /// A '+' that arrived as a space (an unencoded query string) is read as '+'.
    /// </summary>
    public static bool TryParseInstant(string text, out DateTimeOffset instant) =>
        IsoTime.TryParse(UnencodedPlus().Replace(text.Trim(), "+$1"), VietnamTime.StartOf, out instant);

    [GeneratedRegex(@" (\d{2}:?\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex UnencodedPlus();
}
