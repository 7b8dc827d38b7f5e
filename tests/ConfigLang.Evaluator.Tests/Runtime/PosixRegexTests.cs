using ConfigLang.Evaluator.Runtime.Builtins;

namespace ConfigLang.Evaluator.Tests.Runtime;

/// <summary>POSIX extended regular expressions as <c>match</c> and <c>split</c> read them (see also PosixEngineTests).</summary>
public sealed class PosixRegexTests
{
    [Theory]
    [InlineData("[[:alpha:]]+", "abcXYZ", true)]
    [InlineData("[[:alpha:]]+", "abc1", false)]
    [InlineData("[[:digit:][:space:]]+", "1 2\t3", true)]
    [InlineData("[]a]+", "]a]", true)]
    [InlineData("[\\]+", "\\\\", true)]
    [InlineData("a.c", "a\nc", true)]
    [InlineData("ab|a", "ab", true)]
    public void Match_is_anchored_on_the_whole_string(string pattern, string input, bool matches) =>
        Assert.Equal(matches, PosixRegex.Compile(pattern).IsMatch(input));

    [Fact]
    public void A_question_mark_after_a_star_is_not_a_lazy_quantifier()
    {
        // In ERE "a*?" is "(a*)?": greedy. .NET would read it as a lazy "a*".
        var match = PosixRegex.Compile("(a*?)").Matches("aaa").First();
        Assert.Equal("aaa", match.Groups[0]);
    }

    [Theory]
    [InlineData("builtins.match \"a{100000}\" \"\"", "a{100000}")]
    [InlineData("builtins.split \"(a{1000}){1000}\" \"\"", "(a{1000}){1000}")]
    public void A_pattern_that_unfolds_too_large_exceeds_the_memory_limit_as_in_Nix(string expression, string pattern) =>
        Assert.Equal($"error: memory limit exceeded by regular expression '{pattern}'", Evaluate.Error(expression).Split('\n')[0]);

    [Fact]
    public void A_match_whose_captures_pass_their_memory_limit_fails_as_a_pattern_too_large()
    {
        // 5,000 alternatives, each a loop with a group: 5,000 threads live on, each writing to its own set at every
        // byte, until the sets pass 64 MB while matching, not compiling. (Nix's first path matches.)
        var pattern = "(" + string.Join("|", Enumerable.Repeat("(a)*", 5_000)) + ")";
        var error = Evaluate.Error($"builtins.match \"{pattern}\" \"{new string('a', 2_000)}\"").Split('\n')[0];
        Assert.Equal($"error: memory limit exceeded by regular expression '{pattern[..200]}…'", error);
    }

    [Fact]
    public void A_pattern_used_by_match_and_split_is_compiled_once()
    {
        // A pattern no other test uses, so that it is not cached already.
        var pattern = $"x{Guid.NewGuid():N}(,)";
        Assert.Equal("null", Evaluate.Value($"builtins.match \"{pattern}\" \"a\""));
        var afterMatch = PosixRegex.Cached(pattern);
        Assert.NotNull(afterMatch);
        Assert.Equal("[ \"a\" ]", Evaluate.Value($"builtins.split \"{pattern}\" \"a\""));
        Assert.Same(afterMatch, PosixRegex.Cached(pattern));
    }

    [Fact]
    public void Backslash_digit_is_not_a_backreference() =>
        Assert.True(PosixRegex.Compile("(a)\\1").IsMatch("a1"));

    [Fact]
    public void Builtins_match_and_split_use_the_translation()
    {
        Assert.Equal("[ \"foo\" ]", Evaluate.Value("builtins.match \"([[:alpha:]]+)[[:digit:]]*\" \"foo123\""));
        Assert.Equal("null", Evaluate.Value("builtins.match \"[[:alpha:]]+\" \"foo1\""));
        Assert.Equal("[ \"\" [ \"a\" ] \"b\" [ \"a\" ] \"c\" ]", Evaluate.Value("builtins.split \"(a)\" \"abac\""));
    }

    [Theory]
    [InlineData("builtins.match \"(.*\" \"\"", "(.*")]
    [InlineData("builtins.split \"f(o*o\" \"\"", "f(o*o")]
    [InlineData("builtins.match \"ü(\" \"\"", "ü(")] // the pattern's bytes shown as the text they encode
    [InlineData("builtins.match \"[[:word:]]\" \"\"", "[[:word:]]")]
    public void A_syntax_error_names_only_the_pattern_as_Nix_does(string expression, string pattern)
    {
        // Nix 2.8 (nix-instantiate --eval) prints no detail after the pattern.
        Assert.Equal($"error: invalid regular expression '{pattern}'", Evaluate.Error(expression).Split('\n')[0]);
    }
}
