using System.Globalization;

using ConfigLang.Acme.Scheduling;
using ConfigLang.TestSupport;

namespace ConfigLang.Acme.Tests.Scheduling;

/// <summary>
/// Each row of <c>Golden/calendar-expected.tsv</c> was produced by systemd itself
/// (<c>Golden/regenerate.sh</c> runs <c>systemd-analyze calendar --iterations=3</c>): the
/// normalized form and the next three elapses must be the same here, and what systemd rejects
/// must be rejected.
/// </summary>
public sealed class CalendarSpecGoldenTests
{
    private static readonly string GoldenFile =
        Path.Combine(RepositoryRoot.Path, "tests", "ConfigLang.Acme.Tests", "Scheduling", "Golden", "calendar-expected.tsv");

    public static TheoryData<string, string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string, string>();
        foreach (var line in File.ReadAllLines(GoldenFile))
        {
            var columns = line.Split('\t');
            data.Add(columns[0], columns[1], columns[2], columns[3]);
        }
        return data;
    }

    [Fact]
    public void Golden_file_has_accepted_and_rejected_cases()
    {
        var rows = Cases().Select(row => (string)row[2]).ToArray();
        Assert.True(rows.Count(r => r == "error") >= 10);
        Assert.True(rows.Count(r => r != "error") >= 50);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Matches_systemd_analyze(string baseTime, string expression, string normalized, string elapses)
    {
        var parsed = CalendarSpec.TryParse(expression, out var spec, out var error);
        if (normalized == "error")
        {
            Assert.False(parsed, $"systemd rejects '{expression}' but it parsed as '{spec}'");
            Assert.Contains(expression, error);
            return;
        }
        Assert.True(parsed, error);
        Assert.Equal(normalized, spec!.ToString());

        var start = DateTimeOffset.ParseExact(baseTime + "Z", "yyyy-MM-dd HH:mm:ssK", CultureInfo.InvariantCulture);
        var expected = elapses == "never" ? [] : elapses.Split(' ');
        var actual = spec.NextElapses(start, TimeZoneInfo.Utc, 3)
            .Select(t => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        Assert.Equal(expected, actual);
    }
}
