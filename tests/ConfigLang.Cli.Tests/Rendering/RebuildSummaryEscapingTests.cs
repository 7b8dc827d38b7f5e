using ConfigLang.Acme.Execution;
using ConfigLang.Acme.Planning;
using ConfigLang.Cli.Rendering.Rebuild;

namespace ConfigLang.Cli.Tests.Rendering;

/// <summary>
/// The summary's cells are escaped before the columns are measured: an ESC in a name is as wide as it is
/// shown (<c>\u001b</c>), so the columns stay aligned, and a line break in a name stays on its row.
/// </summary>
public sealed class RebuildSummaryEscapingTests
{
    private static CertificateOutcome Installed(string name) =>
        new() { Name = name, Action = PlanAction.Issue, Reason = "no certificate on disk", Kind = CertificateOutcomeKind.Installed };

    private static string Table(params string[] names) => RebuildSummaryWriter.Write(new RebuildSummary
    {
        Plan = new Plan(DateTimeOffset.UnixEpoch, [], []),
        Certificates = [.. names.Select(Installed)],
        Result = RebuildResult.Succeeded,
    }, dryRun: false);

    [Fact]
    public void An_escape_character_in_a_name_keeps_the_columns_aligned()
    {
        var lines = Table("a\u001b[31mb", "plain.example").TrimEnd('\n').Split('\n');

        Assert.Equal(3, lines.Length);
        Assert.StartsWith("a\\u001b[31mb", lines[1]);
        var action = lines[0].IndexOf("ACTION", StringComparison.Ordinal);
        Assert.All(lines[1..], line => Assert.Equal("issue", line.Substring(action, 5)));
    }

    [Fact]
    public void A_line_break_in_a_name_stays_on_its_row()
    {
        var lines = Table("x\ny.example").TrimEnd('\n').Split('\n');

        Assert.Equal(2, lines.Length);
        Assert.StartsWith("x\\u000ay.example  issue", lines[1]);
    }
}
