using System.Globalization;

using Sprache;

namespace ConfigLang.Acme.Scheduling;

/// <summary>
/// The Sprache grammar of systemd calendar expressions (man systemd.time, "Calendar Events"):
/// whitespace-separated parts <c>[weekdays] [date] [time] [timezone]</c>, or a shorthand such
/// as <c>daily</c> optionally followed by a timezone. The grammar only shapes the parts;
/// <see cref="CalendarSpec.Parse"/> checks their order and ranges so errors can say what is wrong.
/// </summary>
internal static class CalendarGrammar
{
    /// <summary>One whitespace-separated part of an expression.</summary>
    internal abstract record Part;

    internal sealed record ShorthandPart(string Word) : Part;
    internal sealed record WeekdaysPart(IReadOnlyList<(DayOfWeek From, DayOfWeek? To)> Items) : Part;
    internal sealed record DatePart(CalendarField? Year, CalendarField Month, CalendarField Day, bool EndOfMonth, bool TwoDigitYear) : Part;
    internal sealed record TimePart(CalendarField Hour, CalendarField Minute, CalendarField? Second) : Part;
    internal sealed record ZonePart(string Name) : Part;

    private static readonly string[] Shorthands =
        ["minutely", "hourly", "daily", "weekly", "monthly", "yearly", "annually", "quarterly", "semiannually"];

    private static readonly Parser<string> Digits = Parse.Digit.AtLeastOnce().Text();

    // Up to nine digits so int.Parse cannot overflow; longer numbers fail as a parse error.
    private static readonly Parser<int> Number =
        Digits.Where(d => d.Length <= 9).Select(d => int.Parse(d, CultureInfo.InvariantCulture));

    private static readonly Parser<CalendarComponent> Component =
        from start in Number
        from stop in Parse.String("..").Then(_ => Number).Select(n => (int?)n).Optional()
        from repeat in Parse.Char('/').Then(_ => Number.Where(n => n > 0)).Optional()
        select new CalendarComponent(start, stop.GetOrDefault(), repeat.GetOrElse(0));

    private static readonly Parser<CalendarField> Field =
        Parse.Char('*').Return(CalendarField.Any)
            .Or(Component.DelimitedBy(Parse.Char(',')).Select(items => new CalendarField(items)));

    private static readonly Parser<char> DaySeparator = Parse.Char('-').Or(Parse.Char('~'));

    // year-month-day; '~' before the day counts it from the end of the month. Two-digit years
    // (as in "26-03-05") mean 1970..2069, like systemd.
    private static readonly Parser<Part> FullDate =
        from twoDigits in Parse.Digit.Repeat(2).Then(_ => Parse.Char('-')).Preview().Select(p => p.IsDefined)
        from year in Field
        from dash in Parse.Char('-')
        from month in Field
        from separator in DaySeparator
        from day in Field
        select (Part)new DatePart(year, month, day, separator == '~', twoDigits && IsSingleValue(year));

    // month-day, or "*~1" style month~day.
    private static readonly Parser<Part> MonthDay =
        from month in Field
        from separator in DaySeparator
        from day in Field
        select (Part)new DatePart(null, month, day, separator == '~', false);

    private static readonly Parser<Part> Date = FullDate.Or(MonthDay);

    private static readonly Parser<Part> Time =
        from hour in Field
        from colon in Parse.Char(':')
        from minute in Field
        from second in Parse.Char(':').Then(_ => Field).Optional()
        select new TimePart(hour, minute, second.GetOrDefault());

    private static readonly Parser<DayOfWeek> DayName =
        Parse.Letter.AtLeastOnce().Text()
            .Where(word => WeekdayNames.TryParse(word, out _))
            .Select(word => { WeekdayNames.TryParse(word, out var day); return day; });

    private static readonly Parser<Part> Weekdays =
        (from first in DayName
         from last in Parse.String("..").Then(_ => DayName).Select(d => (DayOfWeek?)d).Optional()
         select (first, last.GetOrDefault()))
        .DelimitedBy(Parse.Char(','))
        .Select(items => new WeekdaysPart(items.ToArray()));

    private static readonly Parser<Part> Shorthand =
        Shorthands.OrderByDescending(s => s.Length)
            .Select(word => Parse.String(word).Text())
            .Aggregate((a, b) => a.Or(b))
            .Select(word => (Part)new ShorthandPart(word));

    private static readonly Parser<Part> Zone =
        from first in Parse.Letter
        from rest in Parse.LetterOrDigit.Or(Parse.Chars("/_+-")).Many().Text()
        select (Part)new ZonePart(first + rest);

    private static readonly Parser<Part> AnyPart = Shorthand.Or(Weekdays).Or(Date).Or(Time).Or(Zone);

    /// <summary>
    /// The whole expression as a list of parts separated by whitespace. Like systemd-analyze,
    /// no leading or trailing whitespace is accepted, and every part must end at whitespace or
    /// the end (so <c>dailyx</c> is an error, not <c>daily</c> plus junk).
    /// </summary>
    internal static readonly Parser<IEnumerable<Part>> Expression =
        (from first in AnyPart
         from rest in Parse.WhiteSpace.AtLeastOnce().Then(_ => AnyPart).Many()
         select new[] { first }.Concat(rest))
        .End();

    private static bool IsSingleValue(CalendarField field) =>
        field.Components.Count == 1 && field.Components[0].Stop is null && field.Components[0].Repeat == 0;
}
