using System.Globalization;

namespace TetReadiness.Time;

/// <summary>
/// Every deadline and every "today" in this product is a Vietnam calendar date (UTC+7, no daylight saving).
/// Storage keeps UTC; conversion happens here and nowhere else.
/// </summary>
public static class VietnamTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    public static TimeZoneInfo Zone { get; } = FindZone();

    public static DateTimeOffset ToVietnam(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(ToVietnam(instant).DateTime);

    public static DateOnly Today(TimeProvider clock) => DateOf(clock.GetUtcNow());

    /// <summary>Start of a Vietnam calendar day as an instant.</summary>
    public static DateTimeOffset StartOf(DateOnly date) => new(date.ToDateTime(TimeOnly.MinValue), Offset);

    /// <summary>Last second of a Vietnam calendar day: what a bare date means as a deadline.</summary>
    public static DateTimeOffset EndOf(DateOnly date) => new(date.ToDateTime(new TimeOnly(23, 59, 59)), Offset);

    /// <summary>
    /// Reads a campaign time: ISO 8601 with an offset as given; without an offset it is Vietnam time;
    /// a date alone means 23:59:59 Vietnam time that day.
    /// </summary>
    public static bool TryParseCampaignTime(string? text, out DateTimeOffset value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        text = text.Trim();
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            value = EndOf(date);
            return true;
        }

        var hasOffset = text.EndsWith('Z') || text.EndsWith('z') || HasNumericOffset(text);
        if (hasOffset)
        {
            return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
        }

        if (DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            value = new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Offset);
            return true;
        }

        return false;
    }

    /// <summary>Whole Vietnam calendar days from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static int DaysBetween(DateOnly from, DateOnly to) => to.DayNumber - from.DayNumber;

    public static string Format(DateTimeOffset instant) =>
        ToVietnam(instant).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);

    public static string FormatDate(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    private static bool HasNumericOffset(string text)
    {
        var timeStart = text.IndexOf('T');
        if (timeStart < 0)
        {
            timeStart = text.IndexOf(' ');
        }

        if (timeStart < 0)
        {
            return false;
        }

        var time = text[timeStart..];
        return time.Contains('+') || time.Contains('-');
    }

    private static TimeZoneInfo FindZone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");
        }
        catch (Exception exception) when (exception is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            // Containers without tzdata still need the right answers; Vietnam has had no DST since 1975.
            return TimeZoneInfo.CreateCustomTimeZone("Asia/Ho_Chi_Minh", Offset, "Indochina Time", "ICT");
        }
    }
}
