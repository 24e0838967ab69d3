using System.Globalization;
using Azure.Data.Tables;
using TetReadiness.Time;

namespace TetReadiness.FeedSchema;

/// <summary>
/// Reads stored properties leniently (a row written before a column existed gives null, an int stored where a
/// double is expected still reads) and formats values the one way the feed writes them, in JSON and CSV alike.
/// </summary>
public static class FeedValues
{
    public static string? Text(TableEntity row, string property) => Raw(row, property) switch
    {
        null => null,
        string text => text,
        IFormattable value => value.ToString(null, CultureInfo.InvariantCulture),
        var value => value.ToString(),
    };

    public static int? Int(TableEntity row, string property) => Raw(row, property) switch
    {
        int value => value,
        long value => (int)value,
        double value => (int)value,
        string text when int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) => value,
        _ => null,
    };

    public static double? Number(TableEntity row, string property) => Raw(row, property) switch
    {
        double value => value,
        int value => value,
        long value => value,
        string text when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) => value,
        _ => null,
    };

    public static bool? Bool(TableEntity row, string property) => Raw(row, property) switch
    {
        bool value => value,
        string text when bool.TryParse(text, out var value) => value,
        _ => null,
    };

    public static DateTimeOffset? Instant(TableEntity row, string property) => Raw(row, property) switch
    {
        DateTimeOffset value => value,
        DateTime value => new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Utc)),
        string text when DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value) => value,
        _ => null,
    };

    /// <summary>A calendar date stored as <c>yyyy-MM-dd</c> text (already a Vietnam date).</summary>
    public static DateOnly? Date(TableEntity row, string property) =>
        DateOnly.TryParseExact(Text(row, property), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    /// <summary>How many entries a ';'-separated list holds (emails are counted, never published).</summary>
    public static int Count(TableEntity row, string property) =>
        Text(row, property)?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Length ?? 0;

    /// <summary>The text a column of <paramref name="type"/> writes for <paramref name="value"/>; null stays null.</summary>
    public static string? Format(FeedColumnType type, object? value) => (type, value) switch
    {
        (_, null) => null,
        (FeedColumnType.DateTimeUtc, DateTimeOffset instant) => FormatUtc(instant),
        (FeedColumnType.Date, DateTimeOffset instant) => VietnamTime.DateOf(instant).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        (FeedColumnType.Date, DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        (FeedColumnType.Time, DateTimeOffset instant) => VietnamTime.ToVietnam(instant).ToString("HH:mm:ss", CultureInfo.InvariantCulture),
        (FeedColumnType.Bool, bool flag) => flag ? "true" : "false",
        (FeedColumnType.Number, double number) => number.ToString("R", CultureInfo.InvariantCulture),
        (_, IFormattable formattable) => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    /// <summary>ISO 8601 in UTC with as many fractional digits as the instant has (storage timestamps have seven).</summary>
    public static string FormatUtc(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    private static object? Raw(TableEntity row, string property) =>
        row.TryGetValue(property, out var value) ? value : null;
}
