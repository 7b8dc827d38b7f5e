namespace ConfigLang.Acme.Scheduling;

/// <summary>
/// One field of a calendar expression (year, month, day, hour, minute or second): either
/// <c>*</c> (every value) or a comma-separated list of <see cref="CalendarComponent"/>s.
/// </summary>
public sealed class CalendarField
{
    /// <summary>The <c>*</c> field.</summary>
    public static CalendarField Any { get; } = new([]);

    /// <summary>A field holding one value, e.g. the <c>00</c> of <c>00:00:00</c>.</summary>
    public static CalendarField Single(int value) => new([new CalendarComponent(value)]);

    /// <summary>The items, sorted as systemd prints them; empty for <c>*</c>.</summary>
    public IReadOnlyList<CalendarComponent> Components { get; }

    /// <summary>Creates a field; items are ordered by start, then stop, then repetition (systemd's order), without duplicates.</summary>
    public CalendarField(IEnumerable<CalendarComponent> components) =>
        Components = components
            .OrderBy(c => c.Start).ThenBy(c => c.Stop ?? -1).ThenBy(c => c.Repeat)
            .Distinct()
            .ToArray();

    /// <summary>The field with every item in canonical form (<see cref="CalendarComponent.Normalized"/>).</summary>
    public CalendarField Normalized() => IsAny ? this : new CalendarField(Components.Select(c => c.Normalized()));

    /// <summary>True for <c>*</c>.</summary>
    public bool IsAny => Components.Count == 0;

    /// <summary>True when the value is selected.</summary>
    public bool Matches(int value) => IsAny || Components.Any(c => c.Matches(value));

    /// <summary>The smallest selected value in [<paramref name="value"/>, <paramref name="max"/>], or null.</summary>
    public int? NextAtOrAfter(int value, int max)
    {
        if (IsAny) return value <= max ? value : null;
        int? best = null;
        foreach (var component in Components)
        {
            if (component.NextAtOrAfter(value, max) is { } next && (best is null || next < best)) best = next;
        }
        return best;
    }

    /// <summary>systemd's normalized spelling of the field.</summary>
    public string Format(int width) =>
        IsAny ? "*" : string.Join(',', Components.Select(c => c.Format(width)));
}
