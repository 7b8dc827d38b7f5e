namespace ConfigLang.Acme.Scheduling;

/// <summary>
/// Weekday spellings of systemd calendar expressions: the English name or its first three
/// letters, any case (<c>Mon</c>, <c>monday</c>). systemd orders weeks Monday first.
/// </summary>
internal static class WeekdayNames
{
    private static readonly (DayOfWeek Day, string Name)[] Days =
    [
        (DayOfWeek.Monday, "Monday"), (DayOfWeek.Tuesday, "Tuesday"), (DayOfWeek.Wednesday, "Wednesday"),
        (DayOfWeek.Thursday, "Thursday"), (DayOfWeek.Friday, "Friday"), (DayOfWeek.Saturday, "Saturday"),
        (DayOfWeek.Sunday, "Sunday"),
    ];

    /// <summary>Position in a Monday-first week, 0..6.</summary>
    public static int MondayFirstIndex(DayOfWeek day) => ((int)day + 6) % 7;

    /// <summary>The day at a Monday-first position.</summary>
    public static DayOfWeek FromMondayFirstIndex(int index) => Days[index].Day;

    /// <summary>The three-letter spelling systemd prints, e.g. <c>Mon</c>.</summary>
    public static string Abbreviation(DayOfWeek day) => Days[MondayFirstIndex(day)].Name[..3];

    /// <summary>Parses a full or three-letter name, ignoring case.</summary>
    public static bool TryParse(string word, out DayOfWeek day)
    {
        foreach (var (d, name) in Days)
        {
            if (string.Equals(word, name, StringComparison.OrdinalIgnoreCase)
                || string.Equals(word, name[..3], StringComparison.OrdinalIgnoreCase))
            {
                day = d;
                return true;
            }
        }
        day = default;
        return false;
    }
}
