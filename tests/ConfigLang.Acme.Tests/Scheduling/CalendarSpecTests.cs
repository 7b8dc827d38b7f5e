using ConfigLang.Acme.Scheduling;

namespace ConfigLang.Acme.Tests.Scheduling;

/// <summary>Behaviour beyond the systemd golden cases: host timezones, error wording, precision.</summary>
public sealed class CalendarSpecTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    [Fact]
    public void Expression_without_timezone_follows_the_host_zone()
    {
        var spec = CalendarSpec.Parse("daily");
        var next = spec.NextElapse(new DateTimeOffset(2026, 7, 1, 12, 0, 0, TimeSpan.Zero), Berlin);
        // Midnight in Berlin summer time is 22:00 UTC.
        Assert.Equal(new DateTimeOffset(2026, 7, 1, 22, 0, 0, TimeSpan.Zero), next);
    }

    [Fact]
    public void Timezone_in_the_expression_beats_the_host_zone()
    {
        var spec = CalendarSpec.Parse("daily UTC");
        var next = spec.NextElapse(new DateTimeOffset(2026, 7, 1, 12, 0, 0, TimeSpan.Zero), Berlin);
        Assert.Equal(new DateTimeOffset(2026, 7, 2, 0, 0, 0, TimeSpan.Zero), next);
        Assert.Same(TimeZoneInfo.Utc, spec.TimeZone);
    }

    [Fact]
    public void Wall_clock_time_skipped_by_daylight_saving_is_not_an_elapse()
    {
        // 2026-03-29 02:30 does not exist in Berlin (clocks jump from 02:00 to 03:00).
        var spec = CalendarSpec.Parse("*-*-* 02:30:00 Europe/Berlin");
        var next = spec.NextElapse(new DateTimeOffset(2026, 3, 28, 12, 0, 0, TimeSpan.Zero), TimeZoneInfo.Utc);
        Assert.Equal(new DateTimeOffset(2026, 3, 30, 0, 30, 0, TimeSpan.Zero), next);
    }

    [Fact]
    public void Sub_second_base_time_still_gives_the_next_whole_second()
    {
        var spec = CalendarSpec.Parse("*:*:*");
        var next = spec.NextElapse(new DateTimeOffset(2026, 1, 1, 0, 0, 0, 500, TimeSpan.Zero), TimeZoneInfo.Utc);
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 0, 0, 1, TimeSpan.Zero), next);
    }

    [Theory]
    [InlineData("*-*-* 24:00", "hour 24 is outside 0..23")]
    [InlineData("*-13-01", "month 13 is outside 1..12")]
    [InlineData("*-*-* 10..5:00", "hour range 10..5 runs backwards")]
    [InlineData("Sun..Tue", "runs backwards")]
    [InlineData("daily Mon", "'daily' cannot be combined")]
    [InlineData("12:00 Mars/Olympus_Mons", "unknown timezone 'Mars/Olympus_Mons'")]
    [InlineData("*-*-* 12:00:00 Mon", "the order is [weekdays] [date] [time] [timezone]")]
    [InlineData("*:57/17", "minute 57/17 cannot repeat even once")]
    [InlineData("*-11~3,24,8", "day 24 counted from the end of the month is beyond 22")]
    [InlineData("*:0/60", "minute repetition /60 is longer than the field")]
    public void Errors_say_what_is_wrong(string expression, string expectedFragment)
    {
        Assert.False(CalendarSpec.TryParse(expression, out _, out var error));
        Assert.Contains(expectedFragment, error);
        var thrown = Assert.Throws<FormatException>(() => CalendarSpec.Parse(expression));
        Assert.Equal(error, thrown.Message);
    }

    [Fact]
    public void Syntax_errors_name_the_column()
    {
        Assert.False(CalendarSpec.TryParse("*-*-* 12:00:00 #", out _, out var error));
        Assert.Contains("column", error);
    }

    [Fact]
    public void Parsed_expressions_are_shared_not_parsed_again()
    {
        Assert.Same(CalendarSpec.Parse("Mon..Fri *-*-* 4:00"), CalendarSpec.Parse("Mon..Fri *-*-* 4:00"));
        Assert.NotSame(CalendarSpec.Parse("Mon..Fri *-*-* 4:00"), CalendarSpec.Parse("Mon..Fri *-*-* 04:00"));
    }

    [Fact]
    public void Next_elapses_stop_at_the_last_one()
    {
        var spec = CalendarSpec.Parse("2027-01-01");
        var all = spec.NextElapses(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), TimeZoneInfo.Utc, 5);
        Assert.Equal([new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero)], all);
    }
}
