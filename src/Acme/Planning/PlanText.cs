using System.Globalization;

namespace ConfigLang.Acme.Planning;

/// <summary>How instants appear in reasons and messages: UTC, to the minute, culture-independent.</summary>
internal static class PlanText
{
    public static string Date(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Time(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    public static string Days(long days) => days == 1 ? "1 day" : $"{days} days";
}
