using ConfigLang.TestSupport;

namespace ConfigLang.Evaluator.Tests.Differential;

/// <summary>
/// <c>builtins.match</c> and <c>builtins.split</c> on a list of patterns, by ConfigLang's own engine and by Nix 2.8
/// (libstdc++'s <c>std::regex::extended</c>): results, captures and errors must be the same. Patterns ConfigLang
/// deliberately reads differently (<c>\w</c>, <c>\1</c>, which Nix rejects) are not listed. The valid cases run as one
/// list in one nix-instantiate process (a process per case took 5 s), each alone only to name the ones that disagree.
/// </summary>
public sealed class RegexAgainstNixTests
{
    /// <summary>(function, pattern, input) as Nix string literal contents.</summary>
    private static readonly string[][] Cases =
    [
        ["match", "(.*)e?abi.*", "linux-gnueabihf"],
        ["match", "[[:alnum:]+_?=-][[:alnum:]+._?=-]*", "glibc-2.40-66"],
        ["match", "mirror://([a-z]+)/(.*)", "mirror://gnu/hello/hello-2.12.tar.gz"],
        ["match", "(a|ab)(c|bcd)(d*)", "abcd"],
        ["match", "((a)|b)*", "ab"],
        ["match", "(a|)*", "aa"],
        ["match", "(|a)*", "aa"],
        ["match", "(a|)+", ""],
        ["match", "(a*)*", ""],
        ["match", "(a*)*", "b"],
        ["match", "(a*)+", "aa"],
        ["match", "(a*)+(b)", "aab"],
        ["match", "()*", ""],
        ["match", "(x){0}y", "y"],
        ["match", "(a){2,3}", "aaa"],
        ["match", "(a){2,3}(a*)", "aaaaa"],
        ["match", "a{2}{3}", "aaaaaa"],
        ["match", "(a*?)", "aaa"],
        ["match", "(a+|b+)*c", "aabbac"],
        ["match", "(^a)", "a"],
        ["match", "x*^a", "a"],
        ["match", "a^", "a"],
        ["match", "(a$)*", "a"],
        ["match", "a.c", "a\nc"],
        ["match", "[]a]+", "]a]"],
        ["match", "[^]a]+", "bc"],
        ["match", "[a-]+", "a-a"],
        ["match", "[]-a]+", "^_`"],
        ["match", "[--/]+", "-./"],
        ["match", "[[.hyphen.]]", "-"],
        ["match", "[[.period.]-z]+", "abc"],
        ["match", "[[.space.]]", " "],
        ["match", "[[=a=]b]+", "ab"],
        ["match", "[[:w:]]+", "a_1"],
        ["match", "[[:punct:]]+", "!/:@[`{~"],
        ["match", "[[:xdigit:][:blank:]]+", "0aF \t"],
        ["match", "[\\\\]+", "\\\\"],
        ["match", "\\\\.\\\\*\\\\[", ".*["],
        ["match", "a]}", "a]}"],
        ["match", "ab|a", "ab"],
        ["match", "(a|ab)(b*)", "abb"],
        ["match", "([0-9]+)\\\\.([0-9]+)(\\\\.([0-9]+))?", "1.2"],
        ["match", "([^/]+)/(.*)", "a/b/c"],
        ["match", "a{0,34000}", "aaa"],
        ["match", "abc", "abc"],
        ["match", "abc", "abcabc"],
        ["split", "a|ab", "xaby"],
        ["split", "(a|ab)(c|bcd)(d*)", "xabcd"],
        ["split", "(ab|a)(bc)?", "abc"],
        ["split", "(a|ab)(bab)?", "xabab"],
        ["split", "a*", "baac"],
        ["split", "", "ab"],
        ["split", "(a*)(ab)*(b*)", "aabab"],
        ["split", "(a|b)*", "abab"],
        ["split", "x(a|ab)(b*)", "xabbb"],
        ["split", "^a", "aaa"],
        ["split", "(^|b)", "bab"],
        ["split", "$", "ab"],
        ["split", "a?$", "aa"],
        ["split", "[[:space:]]+", " a  b\tc "],
        ["split", "(\\\\.|-)", "1.2-3"],
        ["split", "(,)|(;)", "a,b;c"],
        ["split", "(a)|b", "ab"],
        ["split", "c|a*(ab)*", "aabab"],
        ["split", "(c|a*)(ab)*", "aabab"],
        ["split", "(c|a)*(ab)*", "aabab"],
        ["split", "c|a?(ab)?", "aabx"],
        ["split", "(c|a{0,2})(ab)*", "aaababc"],
        ["split", "(^a|b)*(ab)*", "aabab"],
        ["split", "(x|y)*a*$", "xyaa"],
        ["split", "(a|b)*?c", "abcabc"],
        ["split", "aa", "aaaaa"],
        ["split", ", ", "a, b, , c, "],
        ["split", "\\\\.", "1.2..3"],
        ["split", "a]}", "xa]}a]}"],
    ];

    /// <summary>Invalid patterns: the first error line of both tools must agree.</summary>
    private static readonly string[] InvalidPatterns =
    [
        "(.*", "a)", ")", "*a", "a|*b", "^*", "(*a)", "a{", "a{1", "a{1,", "a{x}", "a{,3}", "a{ 1}", "{1}", "a|{1}", "a{3,2}",
        "a{1,2,3}", "[a", "[]", "[^]", "[z-a]", "[a-c-e]", "[[:alpha:]-z]", "[a-[.z.]]", "[[:foo:]]", "[[:word:]]", "[[.foo.]]",
        "[[=ab=]]", "[[:alpha:", "a\\\\", "\\\\a", "\\\\n", "\\\\]", "\\\\}", "\\\\-", "\\\\/", "a{100000}", "a{0,50000}",
        "a{99999999999999999999}", "a{0}{99999999}{99999999}", "a{99998}",
    ];

    [NixInstantiateFact]
    public void Valid_patterns_match_as_Nix_matches_them() =>
        CompareInOneRun(Cases.Select(c => $"builtins.{c[0]} \"{c[1]}\" \"{c[2]}\"").ToArray());

    /// <summary>Patterns too long to list: many groups, each nested in the one before or one after another.</summary>
    private static readonly string[][] GeneratedCases =
    [
        .. new[] { "a", "b", "c" }.Select(input => new[] { "match", Runtime.PosixEngineTests.NestedAlternatives(3_000), input }),
        ["split", Runtime.PosixEngineTests.NestedAlternatives(3_000), "xabyb"],
        ["split", Runtime.PosixEngineTests.NestedAlternatives(10_000), "ab"],
        ["match", string.Concat(Enumerable.Repeat("(a)", 20_000)), new string('a', 20_000)],
        ["match", string.Concat(Enumerable.Repeat("(a*)", 300)), new string('a', 300)],
        // Loops in sequence: the work limit failed the first two before (groups² work a position), the memory limit the third.
        ["match", string.Concat(Enumerable.Repeat("(a*)", 300)), new string('a', 2_000)],
        ["match", string.Concat(Enumerable.Repeat("(a*)", 3_000)), new string('a', 200)],
        ["match", string.Concat(Enumerable.Repeat("(a*)", 16_000)), new string('a', 200)],
        ["split", string.Concat(Enumerable.Repeat("(a*)", 300)), new string('a', 300) + "b" + new string('a', 300)],
    ];

    [NixInstantiateFact]
    public void Generated_patterns_of_many_groups_match_as_Nix_matches_them() =>
        CompareInOneRun(GeneratedCases.Select(c => $"builtins.{c[0]} \"{c[1]}\" \"{c[2]}\"").ToArray());

    [NixInstantiateFact]
    public void Invalid_patterns_fail_as_Nix_fails_on_them() =>
        // One run each: an invalid pattern ends the whole evaluation, and Nix 2.8's tryEval does not catch it.
        WithDirectory(directory => CompareOneByOne(directory, InvalidPatterns.Select(p => $"builtins.match \"{p}\" \"a\"").ToArray()));

    /// <summary>All <paramref name="expressions"/> as one list in one nix-instantiate run; only when the lists differ
    /// (or Nix fails) is each expression run alone, to name the ones that disagree.</summary>
    private static void CompareInOneRun(string[] expressions) => WithDirectory(directory =>
    {
        var list = DifferentialAgainstNixTests.AsList(expressions);
        var nix = DifferentialAgainstNixTests.Nix(directory, list);
        var ours = DifferentialAgainstNixTests.Ours(list);
        if (nix == ours && !nix.StartsWith("error: ", StringComparison.Ordinal)) return;
        CompareOneByOne(directory, expressions);
        Assert.Fail(nix == ours
            ? $"every expression agrees alone, but the list fails in both (a valid case must not fail): {DifferentialAgainstNixTests.Shown(nix)}"
            : $"every expression agrees alone, but not in one list:\nnix-instantiate: {DifferentialAgainstNixTests.Shown(nix)}\nconfiglang:      {DifferentialAgainstNixTests.Shown(ours)}");
    });

    private static void CompareOneByOne(string directory, string[] expressions)
    {
        var disagreements = new List<string>();
        foreach (var expression in expressions)
        {
            var nix = DifferentialAgainstNixTests.Nix(directory, expression);
            var ours = DifferentialAgainstNixTests.Ours(expression);
            if (nix != ours) disagreements.Add($"{expression}\nnix-instantiate: {DifferentialAgainstNixTests.Shown(nix)}\nconfiglang:      {DifferentialAgainstNixTests.Shown(ours)}");
        }
        Assert.True(disagreements.Count == 0, $"{disagreements.Count} of {expressions.Length} disagree:\n\n" + string.Join("\n\n", disagreements));
    }

    private static void WithDirectory(Action<string> action)
    {
        var directory = Directory.CreateTempSubdirectory("configlang-regex-");
        try
        {
            action(directory.FullName);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
