using System.Globalization;
using System.Text.RegularExpressions;

namespace TetReadiness.Time;

/// <summary>
/// The one reader of times the API accepts: ISO 8601 only (<c>2027-02-05</c>, <c>2027-02-05T17:00</c>,
/// <c>2027-02-05T17:00:00.5+07:00</c>, <c>…Z</c>; a space may stand for the <c>T</c>). Anything else is refused,
/// never guessed: <c>05/02/2027</c> is 5 February in Vietnam and 2 May to a US-culture parser, so it is not read at all.
/// A time without an offset is Vietnam time; what a date alone means is the caller's choice.
/// </summary>
public static partial class IsoTime
{
    public static bool TryParse(string? text, Func<DateOnly, DateTimeOffset> dateAlone, out DateTimeOffset value)
    {
        value = default;
        var match = text is null ? null : Shape().Match(text.Trim());
        if (match is not { Success: true }
            || !DateOnly.TryParseExact(match.Groups["date"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return false;
        }

        if (!match.Groups["time"].Success)
        {
            try
            {
                value = dateAlone(date);
                return true;
            }
            catch (ArgumentOutOfRangeException)
            {
                // 0001-01-01 at Vietnam time is before the calendar's first instant in UTC.
                return false;
            }
        }

        var fraction = match.Groups["fraction"].Value.PadRight(7, '0');
        var clock = match.Groups["time"].Value + ":" + (match.Groups["seconds"].Success ? match.Groups["seconds"].Value : "00");
        if (!TimeOnly.TryParseExact(clock, "HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            || !TryOffset(match.Groups["offset"].Value, out var offset))
        {
            return false;
        }

        try
        {
            value = new DateTimeOffset(date.ToDateTime(time).AddTicks(long.Parse(fraction, NumberStyles.None, CultureInfo.InvariantCulture)), offset);
            return true;
        }
        catch (ArgumentOutOfRangeException)
        {
            // Year 1 or 9999 pushed past the calendar by its offset.
            return false;
        }
    }

    private static bool TryOffset(string text, out TimeSpan offset)
    {
        offset = VietnamTime.Offset;
        if (text.Length == 0)
        {
            return true;
        }

        if (text is "Z" or "z")
        {
            offset = TimeSpan.Zero;
            return true;
        }

        var hours = int.Parse(text.AsSpan(1, 2), NumberStyles.None, CultureInfo.InvariantCulture);
        var minutes = int.Parse(text.AsSpan(text.Length - 2), NumberStyles.None, CultureInfo.InvariantCulture);
        if (hours > 14 || minutes > 59 || (hours == 14 && minutes > 0))
        {
            return false;
        }

        offset = new TimeSpan(hours, minutes, 0) * (text[0] == '-' ? -1 : 1);
        return true;
    }

    [GeneratedRegex(@"^(?<date>[0-9]{4}-[0-9]{2}-[0-9]{2})(?:[T ](?<time>[0-9]{2}:[0-9]{2})(?::(?<seconds>[0-9]{2})(?:[.,](?<fraction>[0-9]{1,7}))?)?(?<offset>[Zz]|[+-][0-9]{2}:?[0-9]{2})?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
