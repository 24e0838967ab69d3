using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using TetReadiness.Common;
using TetReadiness.FeedSchema;
using TetReadiness.Messages;
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
        var feedTable = FeedTables.Find(table) ?? throw Refusal.NotFound(c => c.UnknownFeedTable(table, FeedTables.All.Select(t => t.Name).ToList()));
        var errors = new Dictionary<string, IReadOnlyList<Message>>();

        var campaign = query["campaign"].ToString();
        if (campaign.Length > 0 && !Ids.IsValid(campaign))
        {
            errors["campaign"] = [c => c.InvalidId(IdKind.Campaign)];
        }

        var format = query["format"].ToString().ToLowerInvariant() switch
        {
            "" or "json" => FeedFormat.Json,
            "csv" => FeedFormat.Csv,
            _ => (FeedFormat?)null,
        };
        if (format is null)
        {
            errors["format"] = [c => c.FeedFormatInvalid()];
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
                errors["modifiedSince"] = [c => c.FeedModifiedSinceInvalid()];
            }
        }

        return errors.Count > 0
            ? throw Refusal.InvalidFields(errors)
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
