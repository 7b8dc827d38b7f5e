using System.Text.RegularExpressions;
using ConfigLang.Cli.Rendering.DiagnosticFormats;
using ConfigLang.Cli.Tests.Support;
using ConfigLang.Evaluator.Diagnostics;

namespace ConfigLang.Cli.Tests.Commands;

/// <summary>
/// The reproducers of issue 13 against the whole CLI: input nested beyond the limit is a located
/// error with exit 1 in <c>eval --parse</c>, <c>eval</c> and <c>lint</c> (never a signal), and the
/// diagnostics of a file with thousands of errors stay a bounded amount of output. What these
/// assert is the diagnostics' content; <see cref="Hostile.HostileInputTests"/> runs the same kinds of
/// input under processor, memory and output limits.
/// </summary>
public sealed class HostileInputDiagnosticsTests : IDisposable
{
    private readonly ScratchFolder _folder = new("configlang-hostile-");

    public void Dispose() => _folder.Dispose();

    private string Write(string name, string text) => _folder.Write(name, text);

    private static string Repeat(string unit, int count) => string.Concat(Enumerable.Repeat(unit, count));

    private static string ChainsInParentheses(int levels, int chain)
    {
        var text = "1";
        for (var i = 0; i < levels; i++) text = "(" + text + ")" + Repeat("+1", chain);
        return text;
    }

    public static TheoryData<string, string> TooDeep() => new()
    {
        // eval --parse died with SIGSEGV (exit 139) on this one.
        { "or-fallbacks.nix", Repeat("{}.a or ", 87_500) + "1" },
        // No parenthesis and no chain deep on its own, a tree 76,000 levels deep (exit 134).
        { "chains.nix", ChainsInParentheses(400, 190) },
        { "path.nix", "{ a" + Repeat(".a", 200_000) + " = 1; }" },
        { "negations.nix", new string('-', 200_000) + "1" },
    };

    [Theory]
    [MemberData(nameof(TooDeep))]
    public void Nesting_beyond_the_limit_is_a_located_error_in_every_command(string name, string text)
    {
        var file = Write(name, text);
        foreach (var command in new[] { new[] { "eval", "--parse", file }, new[] { "eval", file }, new[] { "lint", file } })
        {
            var run = CliProcess.Run(command);

            Assert.True(run.ExitCode == ExitCodes.InputErrors, $"{string.Join(' ', command)}: exit {run.ExitCode}\n{run.Stderr[..Math.Min(2000, run.Stderr.Length)]}");
            Assert.Contains("nested too deeply", run.Stderr);
            Assert.Matches($@"{Regex.Escape(name)}:1:\d+", run.Stderr);
            Assert.True(run.Stderr.Length < 4_000, $"{string.Join(' ', command)}: {run.Stderr.Length} characters on stderr");
        }
    }

    [Fact]
    public void Ten_thousand_duplicate_attributes_give_a_hundred_short_diagnostics_and_a_count_of_the_rest()
    {
        // Was 14 s, 4.2 GB and 1 GB of standard error.
        var file = Write("dup.nix", "{" + Repeat("a=1;", 10_000) + "}");

        var run = CliRun.Invoke("eval", "--parse", file);

        Assert.Equal(ExitCodes.InputErrors, run.ExitCode);
        Assert.Equal(DiagnosticCap.MaxPerFile, CountOf("error[CL0013]", run.Stderr));
        Assert.Contains($"note[{DiagnosticCap.MoreDiagnosticsCode}]: and 9,899 more errors in {file}", run.Stderr);
        Assert.All(run.Stderr.Split('\n'), line => Assert.True(line.Length <= SourceExcerpt.MaxWidth + 20, line));
        Assert.True(run.Stderr.Length < 100_000, $"{run.Stderr.Length} characters");
    }

    [Fact]
    public void Twenty_thousand_comment_openers_give_bounded_output()
    {
        // Was 46 MB of output.
        var file = Write("comments.nix", Repeat("/*", 20_000));

        foreach (var command in new[] { new[] { "eval", "--parse", file }, new[] { "eval", file }, new[] { "lint", file } })
        {
            var run = CliRun.Invoke(command);

            Assert.Equal(ExitCodes.InputErrors, run.ExitCode);
            Assert.Contains("comments.nix:1:", run.Stderr);
            Assert.True(run.Stderr.Length < 100_000, $"{string.Join(' ', command)}: {run.Stderr.Length} characters");
        }
    }

    [Fact]
    public void The_evaluation_error_of_a_long_line_shows_a_window_of_it()
    {
        var file = Write("long.nix", "[" + Repeat(" 1", 50_000) + " (1 + \"a\")" + Repeat(" 1", 50_000) + " ]");

        var run = CliRun.Invoke("eval", "--strict", file);

        Assert.Equal(ExitCodes.InputErrors, run.ExitCode);
        Assert.Contains("long.nix:1:", run.Stderr);
        Assert.All(run.Stderr.Split('\n'), line => Assert.True(line.Length <= SourceExcerpt.MaxWidth + 20, line));
    }

    [Fact]
    public void Long_flat_input_still_prints_the_right_tree()
    {
        var file = Write("select.nix", "{a=1;}" + Repeat(".a", 40_000));

        var run = CliRun.Invoke("eval", "--parse", file);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Equal("({ a = 1; })" + Repeat(".a", 40_000) + "\n", run.Stdout);
    }

    private static int CountOf(string needle, string text)
    {
        var count = 0;
        for (var i = text.IndexOf(needle, StringComparison.Ordinal); i >= 0; i = text.IndexOf(needle, i + needle.Length, StringComparison.Ordinal)) count++;
        return count;
    }
}
