using ConfigLang.Evaluator.Runtime;

namespace ConfigLang.Evaluator.Tests.Runtime;

/// <summary><c>--lint-*-literals fatal|warn</c>: a fatal lint rejects the literal, a warned one is reported on stderr and evaluated.</summary>
public sealed class LiteralLintTests
{
    private static EvaluatorOptions With(LiteralLints fatal, LiteralLints warned) => new()
    {
        CurrentDirectory = Path.GetTempPath(),
        EnvironmentVariables = new Dictionary<string, string> { ["HOME"] = "/home/someone" },
        Lints = fatal,
        LintWarnings = warned,
    };

    [Fact]
    public void A_home_path_is_rejected_by_the_absolute_path_lint_even_where_HOME_is_set() =>
        Assert.Contains("home path literals are not portable",
            Evaluate.Error("~/foo", With(LiteralLints.AbsolutePathLiterals, LiteralLints.None)));

    [Fact]
    public void A_warned_literal_is_reported_with_its_location_and_still_evaluated()
    {
        var result = Evaluate.Run("http://example.com", With(LiteralLints.None, LiteralLints.UrlLiterals));
        Assert.Equal("\"http://example.com\"\n", result.Stdout);
        Assert.StartsWith("warning: URL literals are discouraged. Consider using a string literal \"http://example.com\" instead (lint-url-literals)\n         at ", result.Stderr);
    }
}
