using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Text;

using Sprache;

namespace ConfigLang.Acme.Scheduling;

/// <summary>
/// A systemd calendar event (<c>OnCalendar=</c>, man systemd.time): which weekdays, dates and
/// times it elapses at, and in which timezone. Parsed with <see cref="CalendarGrammar"/>;
/// <see cref="ToString"/> gives systemd's normalized form (what <c>systemd-analyze calendar</c>
/// prints) and <see cref="NextElapse"/> the next time after a given instant.
/// </summary>
public sealed class CalendarSpec
{
    private const int MinYear = 1970;
    private const int MaxYear = 2199;

    /// <summary>Selected weekdays as a Monday-first bit mask (bit 0 = Monday); 0 = any day.</summary>
    public int WeekdayMask { get; }

    /// <summary>The year field (<c>*</c> by default).</summary>
    public CalendarField Year { get; }

    /// <summary>The month field.</summary>
    public CalendarField Month { get; }

    /// <summary>The day field; counted from the end of the month when <see cref="EndOfMonth"/>.</summary>
    public CalendarField Day { get; }

    /// <summary>True for <c>~</c> dates: <c>*-02~1</c> is the last day of February.</summary>
    public bool EndOfMonth { get; }

    /// <summary>The hour field.</summary>
    public CalendarField Hour { get; }

    /// <summary>The minute field.</summary>
    public CalendarField Minute { get; }

    /// <summary>The second field.</summary>
    public CalendarField Second { get; }

    /// <summary>The timezone named in the expression; null = the caller's (host) zone.</summary>
    public TimeZoneInfo? TimeZone { get; }

    /// <summary>The timezone as written (<c>UTC</c>, <c>Europe/Berlin</c>), null when absent.</summary>
    public string? TimeZoneName { get; }

    private CalendarSpec(int weekdayMask, CalendarField year, CalendarField month, CalendarField day, bool endOfMonth,
        CalendarField hour, CalendarField minute, CalendarField second, string? zoneName, TimeZoneInfo? zone)
    {
        WeekdayMask = weekdayMask;
        Year = year;
        Month = month;
        Day = day;
        EndOfMonth = endOfMonth;
        Hour = hour;
        Minute = minute;
        Second = second;
        TimeZoneName = zoneName;
        TimeZone = zone;
    }

    /// <summary>Parses an expression or throws <see cref="FormatException"/> saying what is wrong.</summary>
    public static CalendarSpec Parse(string text) =>
        TryParse(text, out var spec, out var error) ? spec : throw new FormatException(error);

    /// <summary>
    /// Parses an expression; on failure <paramref name="error"/> says what is wrong. Results are
    /// cached (specs are immutable and a configuration repeats the same few expressions).
    /// </summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out CalendarSpec? spec, [NotNullWhen(false)] out string? error)
    {
        if (!Cache.TryGetValue(text, out var outcome))
        {
            outcome = ParseUncached(text);
            if (Cache.Count >= CacheLimit) Cache.Clear();
            Cache[text] = outcome;
        }
        (spec, error) = outcome;
        return spec is not null;
    }

    private const int CacheLimit = 1024;
    private static readonly ConcurrentDictionary<string, (CalendarSpec? Spec, string? Error)> Cache = new(StringComparer.Ordinal);

    private static (CalendarSpec? Spec, string? Error) ParseUncached(string text)
    {
        var result = CalendarGrammar.Expression.TryParse(text);
        if (!result.WasSuccessful)
        {
            return (null, $"'{text}' is not a systemd calendar expression (at column {result.Remainder.Column}: {result.Message})");
        }
        return CalendarSpecBuilder.TryBuild(text, result.Value.ToArray(), out var spec, out var error) ? (spec, null) : (null, error);
    }

    internal static CalendarSpec Create(int weekdayMask, CalendarField? year, CalendarField month, CalendarField day, bool endOfMonth,
        CalendarField hour, CalendarField minute, CalendarField second, string? zoneName, TimeZoneInfo? zone) =>
        new(weekdayMask, year ?? CalendarField.Any, month, day, endOfMonth, hour, minute, second, zoneName, zone);

    internal static int MinimumYear => MinYear;

    internal static int MaximumYear => MaxYear;

    /// <summary>
    /// The first instant strictly after <paramref name="after"/> (at whole-second precision) that the
    /// expression selects, evaluated in the expression's timezone or else <paramref name="hostZone"/>;
    /// null when there is none before the year 2200 (e.g. <c>2026-02-30</c>).
    /// </summary>
    public DateTimeOffset? NextElapse(DateTimeOffset after, TimeZoneInfo hostZone)
    {
        var zone = TimeZone ?? hostZone;
        var wholeSeconds = after.UtcTicks - after.UtcTicks % TimeSpan.TicksPerSecond;
        var t = TimeZoneInfo.ConvertTime(new DateTimeOffset(wholeSeconds, TimeSpan.Zero), zone).DateTime.AddSeconds(1);
        while (true)
        {
            if (t.Year > MaxYear) return null;
            if (!Year.Matches(t.Year))
            {
                if (Year.NextAtOrAfter(t.Year + 1, MaxYear) is not { } year) return null;
                t = new DateTime(year, 1, 1);
                continue;
            }
            if (!Month.Matches(t.Month))
            {
                t = Month.NextAtOrAfter(t.Month + 1, 12) is { } month
                    ? new DateTime(t.Year, month, 1)
                    : new DateTime(t.Year, 1, 1).AddYears(1);
                continue;
            }
            if (!DayMatches(t))
            {
                t = t.Date.AddDays(1);
                continue;
            }
            if (!Hour.Matches(t.Hour))
            {
                t = Hour.NextAtOrAfter(t.Hour + 1, 23) is { } hour ? t.Date.AddHours(hour) : t.Date.AddDays(1);
                continue;
            }
            if (!Minute.Matches(t.Minute))
            {
                var hourStart = t.Date.AddHours(t.Hour);
                t = Minute.NextAtOrAfter(t.Minute + 1, 59) is { } minute ? hourStart.AddMinutes(minute) : hourStart.AddHours(1);
                continue;
            }
            if (!Second.Matches(t.Second))
            {
                var minuteStart = t.Date.AddHours(t.Hour).AddMinutes(t.Minute);
                t = Second.NextAtOrAfter(t.Second + 1, 59) is { } second ? minuteStart.AddSeconds(second) : minuteStart.AddMinutes(1);
                continue;
            }
            if (zone.IsInvalidTime(t))
            {
                // Wall-clock times skipped by a DST change never happen; look further.
                t = t.AddSeconds(1);
                continue;
            }
            // In a repeated hour the earlier instant (the larger offset) comes first.
            var offset = zone.IsAmbiguousTime(t) ? zone.GetAmbiguousTimeOffsets(t).Max() : zone.GetUtcOffset(t);
            return new DateTimeOffset(DateTime.SpecifyKind(t, DateTimeKind.Unspecified), offset).ToUniversalTime();
        }
    }

    /// <summary>The next <paramref name="count"/> elapses after <paramref name="after"/>.</summary>
    public IReadOnlyList<DateTimeOffset> NextElapses(DateTimeOffset after, TimeZoneInfo hostZone, int count)
    {
        var result = new List<DateTimeOffset>(count);
        var from = after;
        while (result.Count < count && NextElapse(from, hostZone) is { } next)
        {
            result.Add(next);
            from = next;
        }
        return result;
    }

    private bool DayMatches(DateTime date)
    {
        if (WeekdayMask != 0 && (WeekdayMask & (1 << WeekdayNames.MondayFirstIndex(date.DayOfWeek))) == 0) return false;
        if (!EndOfMonth) return Day.Matches(date.Day);
        if (Day.IsAny) return true;
        // systemd maps "~n" to the n-th last day (1 = last) and swaps a range so it runs forward.
        var daysInMonth = DateTime.DaysInMonth(date.Year, date.Month);
        int FromEnd(int n) => n >= 1 && n <= daysInMonth ? daysInMonth + 1 - n : -1;
        foreach (var component in Day.Components)
        {
            var start = FromEnd(component.Start);
            if (start < 0) continue;
            int? stop = component.Stop is { } s ? FromEnd(s) : null;
            if (stop is > 0) (start, stop) = (stop.Value, start);
            if (stop is < 0) stop = null;
            if (component.Matches(date.Day, start, stop)) return true;
        }
        return false;
    }

    /// <summary>systemd's normalized form, e.g. <c>Mon..Fri *-*-* 04:00:00</c>.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        if (WeekdayMask != 0) text.Append(FormatWeekdays()).Append(' ');
        text.Append(Year.Format(4)).Append('-').Append(Month.Format(2)).Append(EndOfMonth ? '~' : '-').Append(Day.Format(2));
        text.Append(' ').Append(Hour.Format(2)).Append(':').Append(Minute.Format(2)).Append(':').Append(Second.Format(2));
        if (TimeZoneName is not null) text.Append(' ').Append(TimeZoneName);
        return text.ToString();
    }

    private string FormatWeekdays()
    {
        // Runs of three or more days print as a range (Mon..Wed), shorter runs as a list.
        var items = new List<string>();
        for (var i = 0; i < 7;)
        {
            if ((WeekdayMask & (1 << i)) == 0) { i++; continue; }
            var end = i;
            while (end + 1 < 7 && (WeekdayMask & (1 << (end + 1))) != 0) end++;
            var first = WeekdayNames.Abbreviation(WeekdayNames.FromMondayFirstIndex(i));
            if (end - i >= 2)
            {
                items.Add(first + ".." + WeekdayNames.Abbreviation(WeekdayNames.FromMondayFirstIndex(end)));
            }
            else
            {
                for (var d = i; d <= end; d++) items.Add(WeekdayNames.Abbreviation(WeekdayNames.FromMondayFirstIndex(d)));
            }
            i = end + 1;
        }
        return string.Join(',', items);
    }
}
