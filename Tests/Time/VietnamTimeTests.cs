using TetReadiness.Tests.Infrastructure;
using TetReadiness.Time;

namespace TetReadiness.Tests.Time;

public sealed class VietnamTimeTests
{
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    [Fact]
    public void A_date_alone_means_the_last_second_of_that_day_in_Vietnam()
    {
        Assert.True(VietnamTime.TryParseCampaignTime("2024-01-31", out var deadline));

        Assert.Equal(new DateTimeOffset(2024, 1, 31, 23, 59, 59, Vietnam), deadline);
        Assert.Equal(new DateTimeOffset(2024, 1, 31, 16, 59, 59, TimeSpan.Zero), deadline.ToUniversalTime());
    }

    [Theory]
    [InlineData("2024-01-31T17:00:00")]
    [InlineData("2024-01-31T17:00")]
    [InlineData("2024-01-31 17:00:00")]
    public void A_time_without_an_offset_is_Vietnam_time(string text)
    {
        Assert.True(VietnamTime.TryParseCampaignTime(text, out var value));

        Assert.Equal(new DateTimeOffset(2024, 1, 31, 10, 0, 0, TimeSpan.Zero), value.ToUniversalTime());
    }

    [Theory]
    [InlineData("2024-01-31T17:00:00Z", 17)]
    [InlineData("2024-01-31T17:00:00+00:00", 17)]
    [InlineData("2024-01-31T17:00:00+07:00", 10)]
    [InlineData("2024-01-31T17:00:00-05:00", 22)]
    public void A_time_with_an_offset_keeps_its_offset(string text, int utcHour)
    {
        Assert.True(VietnamTime.TryParseCampaignTime(text, out var value));

        Assert.Equal(new DateTimeOffset(2024, 1, 31, utcHour, 0, 0, TimeSpan.Zero), value.ToUniversalTime());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("tomorrow")]
    [InlineData("2024-13-01")]
    [InlineData("2024-02-30")]
    [InlineData("2024-01-31T25:00:00")]
    public void Text_that_is_not_a_time_is_refused(string? text)
    {
        Assert.False(VietnamTime.TryParseCampaignTime(text, out _));
    }

    [Theory]
    [InlineData("05/02/2027")]
    [InlineData("02/05/2027")]
    [InlineData("5/2/2027")]
    [InlineData("05/02/2027 17:00")]
    [InlineData("05/02/2027 17:00:00 +07:00")]
    [InlineData("05/02/2027T17:00:00+07:00")]
    [InlineData("05-02-2027")]
    [InlineData("05.02.2027")]
    [InlineData("2027/02/05")]
    [InlineData("Feb 5, 2027")]
    [InlineData("5 February 2027")]
    [InlineData("Friday, February 5, 2027 5:00:00 PM")]
    [InlineData("2/5/2027 5:00 PM")]
    [InlineData("20270205")]
    [InlineData("2027-02-05T17")]
    [InlineData("2027-02-05T17:00:00 +07:00")]
    [InlineData("2027-02-05T17:00+15:00")]
    [InlineData("2027-02-05T17:00.5")]
    [InlineData("２０２７-02-05")]
    public void Culture_dependent_and_other_non_ISO_forms_are_refused_whatever_the_culture(string text)
    {
        var before = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            foreach (var culture in new[] { "en-US", "vi-VN", "" })
            {
                System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo(culture);

                Assert.False(VietnamTime.TryParseCampaignTime(text, out var value), $"{text} was read as {value:O} under '{culture}'");
                Assert.False(IsoTime.TryParse(text, VietnamTime.StartOf, out _));
            }
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = before;
        }
    }

    [Theory]
    [InlineData("2027-02-05T17:00:00.5+07:00", "2027-02-05T10:00:00.5000000+00:00")]
    [InlineData("2027-02-05T17:00:00,25Z", "2027-02-05T17:00:00.2500000+00:00")]
    [InlineData("2027-02-05T17:00+0700", "2027-02-05T10:00:00.0000000+00:00")]
    [InlineData("2027-02-05T17:00-03:30", "2027-02-05T20:30:00.0000000+00:00")]
    [InlineData(" 2027-02-05T17:00 ", "2027-02-05T10:00:00.0000000+00:00")]
    public void ISO_8601_with_fractions_and_offsets_in_either_form_is_read(string text, string utc)
    {
        Assert.True(VietnamTime.TryParseCampaignTime(text, out var value));

        Assert.Equal(utc, value.ToUniversalTime().ToString("O", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void What_a_date_alone_means_is_the_callers_choice()
    {
        Assert.True(IsoTime.TryParse("2027-02-05", VietnamTime.StartOf, out var start));
        Assert.True(IsoTime.TryParse("2027-02-05", VietnamTime.EndOf, out var end));

        Assert.Equal(new DateTimeOffset(2027, 2, 5, 0, 0, 0, Vietnam), start);
        Assert.Equal(new DateTimeOffset(2027, 2, 5, 23, 59, 59, Vietnam), end);
    }

    [Fact]
    public void The_first_day_of_the_calendar_is_refused_not_a_crash()
    {
        // 0001-01-01 00:00 in Vietnam is before the calendar's first instant in UTC: a 400 for the caller, not a 500.
        Assert.False(IsoTime.TryParse("0001-01-01", VietnamTime.StartOf, out _));
        Assert.True(IsoTime.TryParse("0001-01-02", VietnamTime.StartOf, out _));
    }

    [Fact]
    public void Instants_are_shown_in_Vietnam_time_with_their_offset()
    {
        var vietnam = VietnamTime.ToVietnam(new DateTimeOffset(2024, 2, 9, 17, 30, 0, TimeSpan.Zero));

        Assert.Equal(Vietnam, vietnam.Offset);
        Assert.Equal(new DateTime(2024, 2, 10, 0, 30, 0), vietnam.DateTime);
    }

    [Fact]
    public void The_Vietnam_date_turns_at_midnight_Vietnam_time_not_midnight_UTC()
    {
        Assert.Equal(new DateOnly(2024, 2, 9), VietnamTime.DateOf(new DateTimeOffset(2024, 2, 9, 16, 59, 59, TimeSpan.Zero)));
        Assert.Equal(new DateOnly(2024, 2, 10), VietnamTime.DateOf(new DateTimeOffset(2024, 2, 9, 17, 0, 0, TimeSpan.Zero)));
        Assert.Equal(new DateOnly(2024, 2, 10), VietnamTime.DateOf(new DateTimeOffset(2024, 2, 10, 0, 0, 0, Vietnam)));
    }

    [Fact]
    public void Today_is_the_Vietnam_date_of_the_clock()
    {
        var clock = new TestClock(new DateTimeOffset(2024, 2, 9, 18, 0, 0, TimeSpan.Zero));

        Assert.Equal(new DateOnly(2024, 2, 10), VietnamTime.Today(clock));
    }

    [Fact]
    public void A_day_starts_and_ends_in_Vietnam_time()
    {
        var date = new DateOnly(2024, 2, 10);

        Assert.Equal(new DateTimeOffset(2024, 2, 9, 17, 0, 0, TimeSpan.Zero), VietnamTime.StartOf(date).ToUniversalTime());
        Assert.Equal(new DateTimeOffset(2024, 2, 10, 16, 59, 59, TimeSpan.Zero), VietnamTime.EndOf(date).ToUniversalTime());
    }

    [Fact]
    public void Days_between_counts_calendar_days_across_months_and_leap_days()
    {
        Assert.Equal(0, VietnamTime.DaysBetween(new DateOnly(2024, 2, 10), new DateOnly(2024, 2, 10)));
        Assert.Equal(2, VietnamTime.DaysBetween(new DateOnly(2024, 2, 28), new DateOnly(2024, 3, 1)));
        Assert.Equal(-1, VietnamTime.DaysBetween(new DateOnly(2024, 2, 10), new DateOnly(2024, 2, 9)));
    }

    [Fact]
    public void Format_writes_Vietnam_local_time_day_first()
    {
        Assert.Equal("10/02/2024 00:30", VietnamTime.Format(new DateTimeOffset(2024, 2, 9, 17, 30, 0, TimeSpan.Zero)));
        Assert.Equal("10/02/2024", VietnamTime.FormatDate(new DateOnly(2024, 2, 10)));
    }

    [Fact]
    public void The_zone_is_seven_hours_ahead_of_UTC_all_year()
    {
        Assert.Equal(Vietnam, VietnamTime.Zone.GetUtcOffset(new DateTime(2024, 1, 15, 0, 0, 0, DateTimeKind.Utc)));
        Assert.Equal(Vietnam, VietnamTime.Zone.GetUtcOffset(new DateTime(2024, 7, 15, 0, 0, 0, DateTimeKind.Utc)));
    }
}
