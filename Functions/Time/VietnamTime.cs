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
    /// Reads a campaign time (<see cref="IsoTime"/>: ISO 8601 only): with an offset as given; without an offset it is
    /// Vietnam time; a date alone means 23:59:59 Vietnam time that day.
    /// </summary>
    public static bool TryParseCampaignTime(string? text, out DateTimeOffset value) => IsoTime.TryParse(text, EndOf, out value);

    /// <summary>Whole Vietnam calendar days from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static int DaysBetween(DateOnly from, DateOnly to) => to.DayNumber - from.DayNumber;

    public static string Format(DateTimeOffset instant) =>
        ToVietnam(instant).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);

    public static string FormatDate(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

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
