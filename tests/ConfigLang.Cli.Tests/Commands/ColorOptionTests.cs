using ConfigLang.Cli.Rendering;
using ConfigLang.TestSupport;

namespace ConfigLang.Cli.Tests.Commands;

/// <summary>The global <c>--color auto|always|never</c> option and the rule behind <c>auto</c>.</summary>
public sealed class ColorOptionTests : IDisposable
{
    private const string Escape = "\u001b[";
    private readonly string _folder = Directory.CreateTempSubdirectory("configlang-color-").FullName;
    private readonly string _broken;

    public ColorOptionTests()
    {
        _broken = Path.Combine(_folder, "broken.nix");
        File.WriteAllText(_broken, "{ a = ; }\n");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string Example(string name) => Path.Combine(RepositoryRoot.Path, "examples", "broken", name);

    [Fact]
    public void Always_colours_syntax_diagnostics_of_eval()
    {
        var run = CliRun.Invoke("--color", "always", "eval", "--parse", _broken);
        Assert.Equal(ExitCodes.InputErrors, run.ExitCode);
        Assert.Contains(Escape, run.Stderr);
    }

    [Fact]
    public void The_option_may_follow_the_sub_command()
    {
        var run = CliRun.Invoke("eval", "--parse", _broken, "--color", "always");
        Assert.Equal(ExitCodes.InputErrors, run.ExitCode);
        Assert.Contains(Escape, run.Stderr);
    }

    [Fact]
    public void Never_leaves_diagnostics_plain()
    {
        var run = CliRun.Invoke("--color", "never", "eval", "--parse", _broken);
        Assert.Equal(ExitCodes.InputErrors, run.ExitCode);
        Assert.Contains("error[", run.Stderr);
        Assert.DoesNotContain(Escape, run.Stderr);
    }

    [Fact]
    public void Lint_text_diagnostics_follow_the_option()
    {
        var coloured = CliRun.Invoke("--color", "always", "lint", Example("no-email.nix"));
        Assert.Equal(ExitCodes.InputErrors, coloured.ExitCode);
        Assert.Contains(Escape, coloured.Stderr);

        var plain = CliRun.Invoke("--color", "never", "lint", Example("no-email.nix"));
        Assert.Equal(ExitCodes.InputErrors, plain.ExitCode);
        Assert.DoesNotContain(Escape, plain.Stderr);
        Assert.Equal(Strip(coloured.Stderr), plain.Stderr);
    }

    [Fact]
    public void Auto_does_not_colour_captured_output()
    {
        var run = CliRun.Invoke("eval", "--parse", _broken);
        Assert.DoesNotContain(Escape, run.Stderr);
    }

    [Fact]
    public void A_bad_value_is_a_usage_error()
    {
        var run = CliRun.Invoke("--color", "sometimes", "eval", "--parse", _broken);
        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("sometimes", run.Stderr);
        Assert.Equal("", run.Stdout);
    }

    [Theory]
    [InlineData(ColorMode.Auto, true, null, true)]
    [InlineData(ColorMode.Auto, true, "", true)]
    [InlineData(ColorMode.Auto, true, "1", false)]
    [InlineData(ColorMode.Auto, false, null, false)]
    [InlineData(ColorMode.Always, false, "1", true)]
    [InlineData(ColorMode.Never, true, null, false)]
    public void Auto_colours_a_terminal_unless_NO_COLOR_is_set(ColorMode mode, bool isTerminal, string? noColor, bool expected) =>
        Assert.Equal(expected, ColorDecision.UseColor(mode, isTerminal, noColor));

    private static string Strip(string text) => System.Text.RegularExpressions.Regex.Replace(text, "\u001b\\[[0-9;]*m", "");
}
