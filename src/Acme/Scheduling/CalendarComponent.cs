using System.Globalization;

namespace ConfigLang.Acme.Scheduling;

/// <summary>
/// One item of a calendar field list: a value, a range <c>a..b</c>, and an optional repetition
/// <c>/n</c> (<c>0/15</c> = 0, 15, 30, 45; <c>8..18/2</c> = 8, 10, …, 18). As in systemd a range
/// without repetition steps by one, and a repetition without range runs to the field's end.
/// </summary>
/// <param name="Start">The first value.</param>
/// <param name="Stop">The last value of a range, null for none.</param>
/// <param name="Repeat">The step, 0 for none.</param>
public sealed record CalendarComponent(int Start, int? Stop = null, int Repeat = 0)
{
    /// <summary>True when <paramref name="value"/> is one of the values this item stands for.</summary>
    public bool Matches(int value) => Matches(value, Start, Stop);

    /// <summary>Matching with the bounds replaced (used for days counted from the end of the month).</summary>
    internal bool Matches(int value, int start, int? stop)
    {
        if (value == start) return true;
        if (value < start) return false;
        if (stop is { } last && value > last) return false;
        var step = Repeat > 0 ? Repeat : stop is null ? 0 : 1;
        return step > 0 && (value - start) % step == 0;
    }

    /// <summary>The smallest matching value ≥ <paramref name="value"/>, or null if none is ≤ <paramref name="max"/>.</summary>
    public int? NextAtOrAfter(int value, int max)
    {
        if (value <= Start) return Start <= max ? Start : null;
        var step = Repeat > 0 ? Repeat : Stop is null ? 0 : 1;
        if (step == 0) return null;
        var candidate = Start + step * ((value - Start + step - 1) / step);
        var last = Math.Min(max, Stop ?? max);
        return candidate <= last ? candidate : null;
    }

    /// <summary>
    /// The same values in systemd's canonical form: a range steps by at least one, its stop is
    /// pulled back to the last value actually reached (<c>30..35/3</c> → <c>30..33/3</c>), and a
    /// range or step that selects a single value becomes that value (<c>6..9/4</c> → <c>6</c>).
    /// </summary>
    public CalendarComponent Normalized()
    {
        var stop = Stop;
        var repeat = Stop is not null && Repeat == 0 ? 1 : Repeat;
        if (stop > Start && repeat > 0) stop -= (stop.Value - Start) % repeat;
        if ((stop > Start && Start + repeat > stop) || stop == Start) return new CalendarComponent(Start);
        return new CalendarComponent(Start, stop, repeat);
    }

    /// <summary>systemd's normalized spelling, values zero-padded to <paramref name="width"/> digits.</summary>
    public string Format(int width)
    {
        var text = Start.ToString("D" + width, CultureInfo.InvariantCulture);
        if (Stop is { } stop) text += ".." + stop.ToString("D" + width, CultureInfo.InvariantCulture);
        // A range steps by one unless told otherwise, so "/1" after a range is not printed.
        if (Repeat > 0 && !(Stop is not null && Repeat == 1)) text += "/" + Repeat.ToString(CultureInfo.InvariantCulture);
        return text;
    }
}
