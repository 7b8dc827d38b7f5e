using System.Diagnostics.CodeAnalysis;

using Sprache;

using static ConfigLang.Acme.Scheduling.CalendarGrammar;

namespace ConfigLang.Acme.Scheduling;

/// <summary>
/// Turns the parts found by <see cref="CalendarGrammar"/> into a <see cref="CalendarSpec"/>:
/// expands shorthands, fills omitted parts (date <c>*-*-*</c>, time <c>00:00:00</c>, seconds
/// <c>00</c>), and rejects what systemd rejects (out-of-range values, reversed ranges, parts
/// out of order or repeated, unknown timezones).
/// </summary>
internal static class CalendarSpecBuilder
{
    private static readonly Dictionary<string, string> ShorthandMeaning = new(StringComparer.Ordinal)
    {
        ["minutely"] = "*-*-* *:*:00",
        ["hourly"] = "*-*-* *:00:00",
        ["daily"] = "*-*-* 00:00:00",
        ["weekly"] = "Mon *-*-* 00:00:00",
        ["monthly"] = "*-*-01 00:00:00",
        ["yearly"] = "*-01-01 00:00:00",
        ["annually"] = "*-01-01 00:00:00",
        ["quarterly"] = "*-01,04,07,10-01 00:00:00",
        ["semiannually"] = "*-01,07-01 00:00:00",
    };

    public static bool TryBuild(string text, IReadOnlyList<Part> parts, [NotNullWhen(true)] out CalendarSpec? spec, [NotNullWhen(false)] out string? error)
    {
        spec = null;
        string Fail(string why) => $"'{text}' is not a systemd calendar expression: {why}";

        ZonePart? zonePart = null;
        if (parts[^1] is ZonePart z) { zonePart = z; parts = parts.Take(parts.Count - 1).ToArray(); }
        if (parts.Count == 0) { error = Fail("it names only a timezone"); return false; }

        if (parts[0] is ShorthandPart shorthand)
        {
            if (parts.Count > 1) { error = Fail($"'{shorthand.Word}' cannot be combined with other parts"); return false; }
            var expanded = CalendarGrammar.Expression.Parse(ShorthandMeaning[shorthand.Word]).ToArray();
            return TryBuildFrom(expanded, zonePart, Fail, out spec, out error);
        }
        return TryBuildFrom(parts, zonePart, Fail, out spec, out error);
    }

    private static bool TryBuildFrom(IReadOnlyList<Part> parts, ZonePart? zonePart, Func<string, string> fail,
        [NotNullWhen(true)] out CalendarSpec? spec, [NotNullWhen(false)] out string? error)
    {
        spec = null;
        WeekdaysPart? weekdays = null;
        DatePart? date = null;
        TimePart? time = null;
        var rank = 0;
        foreach (var part in parts)
        {
            var (partRank, name) = part switch
            {
                WeekdaysPart => (1, "weekdays"),
                DatePart => (2, "date"),
                TimePart => (3, "time"),
                ZonePart => (4, "timezone"),
                _ => (9, "shorthand"),
            };
            if (partRank <= rank || partRank > 3)
            {
                error = fail($"unexpected {name}; the order is [weekdays] [date] [time] [timezone], each at most once");
                return false;
            }
            rank = partRank;
            switch (part)
            {
                case WeekdaysPart w: weekdays = w; break;
                case DatePart d: date = d; break;
                case TimePart t: time = t; break;
            }
        }

        var mask = 0;
        foreach (var (first, last) in weekdays?.Items ?? [])
        {
            var from = WeekdayNames.MondayFirstIndex(first);
            var to = last is { } l ? WeekdayNames.MondayFirstIndex(l) : from;
            if (to < from) { error = fail($"weekday range {WeekdayNames.Abbreviation(first)}..{WeekdayNames.Abbreviation(last!.Value)} runs backwards (weeks start on Monday)"); return false; }
            for (var i = from; i <= to; i++) mask |= 1 << i;
        }

        var year = date?.Year is { } y && date.TwoDigitYear ? ExpandTwoDigitYear(y) : date?.Year;
        var month = date?.Month ?? CalendarField.Any;
        var day = date?.Day ?? CalendarField.Any;
        var hour = time?.Hour ?? CalendarField.Single(0);
        var minute = time?.Minute ?? CalendarField.Single(0);
        var second = time is null ? CalendarField.Single(0) : time.Second ?? CalendarField.Single(0);
        // "~*" is every day, and all seven weekdays are no restriction: systemd prints neither.
        var endOfMonth = date is { EndOfMonth: true } && !day.IsAny;
        if (mask == 0b111_1111) mask = 0;

        foreach (var (field, name, min, max) in new[]
                 {
                     (year ?? CalendarField.Any, "year", CalendarSpec.MinimumYear, CalendarSpec.MaximumYear),
                     (month, "month", 1, 12), (day, "day", 1, 31),
                     (hour, "hour", 0, 23), (minute, "minute", 0, 59), (second, "second", 0, 59),
                 })
        {
            if (CheckRange(field, name, min, max) is { } problem) { error = fail(problem); return false; }
        }

        // systemd normalizes first, then checks that every repetition can happen at least once.
        year = year?.Normalized();
        (month, day, hour, minute, second) = (month.Normalized(), day.Normalized(), hour.Normalized(), minute.Normalized(), second.Normalized());
        foreach (var (field, name, min, max, fromEnd) in new[]
                 {
                     (year ?? CalendarField.Any, "year", CalendarSpec.MinimumYear, CalendarSpec.MaximumYear, false),
                     (month, "month", 1, 12, false), (day, "day", 1, 31, endOfMonth),
                     (hour, "hour", 0, 23, false), (minute, "minute", 0, 59, false), (second, "second", 0, 59, false),
                 })
        {
            if (CheckRepetitions(field, name, min, max, fromEnd) is { } problem) { error = fail(problem); return false; }
        }

        TimeZoneInfo? zone = null;
        if (zonePart is not null && !TryFindZone(zonePart.Name, out zone))
        {
            error = fail($"unknown timezone '{zonePart.Name}'");
            return false;
        }

        spec = CalendarSpec.Create(mask, year, month, day, endOfMonth, hour, minute, second, zonePart?.Name, zone);
        error = null;
        return true;
    }

    private static CalendarField ExpandTwoDigitYear(CalendarField year) =>
        new(year.Components.Select(c => c with { Start = c.Start < 70 ? c.Start + 2000 : c.Start + 1900 }));

    private static string? CheckRange(CalendarField field, string name, int min, int max)
    {
        foreach (var c in field.Components)
        {
            // systemd reads seconds as decimals and rejects an empty range such as "5..5" there.
            if (name == "second" && c.Stop == c.Start && c.Repeat == 0) return $"second range {c.Start}..{c.Stop} is empty";
            if (c.Start < min || c.Start > max) return $"{name} {c.Start} is outside {min}..{max}";
            if (c.Stop is { } stop && (stop < min || stop > max)) return $"{name} {stop} is outside {min}..{max}";
            if (c.Stop is { } last && last < c.Start) return $"{name} range {c.Start}..{last} runs backwards";
        }
        return null;
    }

    // systemd's chain_valid, quirks included: a step longer than the field is an error, and an
    // open-ended step must be possible at least once (forward, or backward for '~' days). For
    // '~' days the upper bound starts at 28 and drops by 3 for each further list item.
    private static string? CheckRepetitions(CalendarField field, string name, int min, int max, bool fromEnd)
    {
        var to = max;
        foreach (var c in field.Components)
        {
            if (fromEnd) to -= 3;
            if (c.Start > to || c.Stop > to)
            {
                return $"{name} {(c.Start > to ? c.Start : c.Stop)} counted from the end of the month is beyond {to} (28 for the first item, 3 less for each further one)";
            }
            if (c.Repeat > to - min) return $"{name} repetition /{c.Repeat} is longer than the field";
            if (c.Stop is null && (fromEnd ? c.Start - c.Repeat < min : c.Start + c.Repeat > to))
            {
                return $"{name} {c.Start}/{c.Repeat} cannot repeat even once";
            }
        }
        return null;
    }

    private static bool TryFindZone(string name, [NotNullWhen(true)] out TimeZoneInfo? zone)
    {
        if (name is "UTC" or "GMT" or "Z")
        {
            zone = TimeZoneInfo.Utc;
            return true;
        }
        return TimeZoneInfo.TryFindSystemTimeZoneById(name, out zone);
    }
}
