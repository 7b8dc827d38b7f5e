using System.Diagnostics;
using ConfigLang.Evaluator.Runtime.Builtins;

namespace ConfigLang.Evaluator.Tests.Runtime;

/// <summary>
/// The POSIX extended regular expression engine behind <c>match</c> and <c>split</c> (<see cref="PosixPattern"/>):
/// expected values are Nix 2.8's (libstdc++'s <c>std::regex::extended</c>), asked with <c>nix-instantiate --eval</c>.
/// </summary>
public sealed class PosixEngineTests
{
    /// <summary>The match as <c>match</c> finds it, and the same from the machine alone (what answers when the
    /// search gives up or the input is long), which must agree.</summary>
    private static string?[]? Match(string pattern, string input)
    {
        var groups = PosixRegex.Compile(pattern).MatchWhole(input);
        var machineGroups = new PosixPattern(pattern) { TriesBacktracking = false }.MatchWhole(input);
        Assert.Equal(Show(machineGroups), Show(groups));
        return groups;
    }

    private static string Show(string?[]? groups) => groups is null ? "no match" : string.Join(",", groups.Select(g => g ?? "null"));

    /// <summary>The split of <paramref name="input"/> as Nix prints it, groups as <c>[a,null]</c>.</summary>
    private static string Split(string pattern, string input)
    {
        var parts = new List<string>();
        var position = 0;
        foreach (var match in PosixRegex.Compile(pattern).Matches(input))
        {
            parts.Add(input[position..match.Index]);
            parts.Add("[" + string.Join(",", match.Groups.Select(g => g ?? "null")) + "]");
            position = match.Index + match.Length;
        }
        parts.Add(input[position..]);
        return string.Join("|", parts);
    }

    [Theory]
    [InlineData("abc", "abc", true)]
    [InlineData("abc", "abcd", false)]
    [InlineData("abc", "ab", false)]
    [InlineData("abc", "xabc", false)]
    [InlineData("", "", true)]
    [InlineData("", "a", false)]
    [InlineData("a.c", "a\nc", true)]
    [InlineData("a+b?c*", "aaac", true)]
    [InlineData("a+b?c*", "bc", false)]
    [InlineData("ab|cd", "cd", true)]
    [InlineData("a(b|c)*d", "abcbcd", true)]
    [InlineData("a||b", "", true)]
    [InlineData("a]}", "a]}", true)]
    [InlineData("\\.\\*\\[\\(\\)\\+\\?\\{\\|\\^\\$\\\\", ".*[()+?{|^$\\", true)]
    public void Matches_the_whole_input(string pattern, string input, bool matches) =>
        Assert.Equal(matches, Match(pattern, input) is not null);

    [Theory]
    [InlineData("[[:alpha:]]+", "abcXYZ", true)]
    [InlineData("[[:alpha:]]+", "abc1", false)]
    [InlineData("[[:digit:][:space:]]+", "1 2\t3\n", true)]
    [InlineData("[[:alnum:]_.-]+", "a_1.b-2", true)]
    [InlineData("[[:upper:]][[:lower:]]*", "Hello", true)]
    [InlineData("[[:xdigit:]]+", "09afAF", true)]
    [InlineData("[[:xdigit:]]", "g", false)]
    [InlineData("[[:punct:]]+", "!/:@[`{~", true)]
    [InlineData("[[:cntrl:]]", "\u007f", true)]
    [InlineData("[[:print:]]+", " ~", true)]
    [InlineData("[[:graph:]]", " ", false)]
    [InlineData("[[:blank:]]+", " \t", true)]
    [InlineData("[[:w:]]+", "a_1", true)]
    [InlineData("[]a]+", "]a]", true)]
    [InlineData("[^]a]+", "bc", true)]
    [InlineData("[^]a]", "]", false)]
    [InlineData("[a-]+", "a-", true)]
    [InlineData("[--/]+", "-./", true)]
    [InlineData("[]-a]+", "^_`", true)]
    [InlineData("[\\]+", "\\\\", true)]
    [InlineData("[[.hyphen.]]", "-", true)]
    [InlineData("[[.period.]-z]+", "abc", true)]
    [InlineData("[[=a=]b]+", "ab", true)]
    [InlineData("[^a]", "\u00C3", true)] // a byte above 0x7F is in a negated set
    [InlineData("[[:alpha:]]", "\u00C3", false)] // and in no class (the C locale)
    public void Bracket_expressions_read_as_libstdcxx_reads_them(string pattern, string input, bool matches) =>
        Assert.Equal(matches, Match(pattern, input) is not null);

    [Theory]
    [InlineData("(a)(b)?", "a", "a,null")]
    [InlineData("(x){0}y", "y", "null")]
    [InlineData("((a)|b)*", "ab", "b,a")]
    [InlineData("(a|ab)(c|bcd)(d*)", "abcd", "a,bcd,")]
    [InlineData("(a*?)", "aaa", "aaa")]
    [InlineData("(a*)*", "", "")]
    [InlineData("(a*)+", "aa", "")]
    [InlineData("(a|)*", "aa", "")]
    [InlineData("(a){2,3}(a*)", "aaaaa", "a,aa")]
    [InlineData("([0-9]+)\\.([0-9]+)(\\.([0-9]+))?", "1.2", "1,2,null,null")]
    [InlineData("(.*)e?abi.*", "linux-gnueabihf", "linux-gnue")] // greedy: e? takes nothing
    public void Groups_hold_their_last_iteration_and_null_when_unused(string pattern, string input, string groups) =>
        Assert.Equal(groups, string.Join(",", Match(pattern, input)!.Select(g => g ?? "null")));

    [Theory]
    [InlineData("^a", "a", true)]
    [InlineData("x*^a", "a", true)]
    [InlineData("a^", "a", false)]
    [InlineData("a$b", "a", false)]
    [InlineData("(a$)*", "a", true)]
    [InlineData("a$", "a\n", false)] // $ is the end of input, not of a line
    public void Anchors_are_the_ends_of_the_input(string pattern, string input, bool matches) =>
        Assert.Equal(matches, Match(pattern, input) is not null);

    [Theory]
    [InlineData("a{3}", "aaa", true)]
    [InlineData("a{3}", "aa", false)]
    [InlineData("a{2,}", "aaaaa", true)]
    [InlineData("a{2,3}", "aaaa", false)]
    [InlineData("a{0}", "", true)]
    [InlineData("a{2}{3}", "aaaaaa", true)]
    [InlineData("a{1000}", "a", false)]
    public void Bounds_repeat_exactly(string pattern, string input, bool matches) =>
        Assert.Equal(matches, Match(pattern, input) is not null);

    [Theory]
    [InlineData("a", "banana", "b|[]|n|[]|n|[]|")]
    [InlineData("aa", "aaaaa", "|[]||[]|a")] // a literal's matches do not overlap
    [InlineData(", ", "a, b, , c", "a|[]|b|[]||[]|c")]
    [InlineData("(a)|b", "ab", "|[a]||[null]|")]
    [InlineData("a*", "baac", "|[]|b|[]||[]|c|[]|")]
    [InlineData("", "ab", "|[]|a|[]|b|[]|")]
    [InlineData("^a", "aaa", "|[]|aa")]
    [InlineData("(^|b)", "bab", "|[b]|a|[b]|")]
    [InlineData("$", "ab", "ab|[]|")]
    [InlineData("a|ab", "xaby", "x|[]|y")] // the longest alternative, as POSIX wants
    [InlineData("(ab|a)(bc)?", "abc", "|[a,bc]|")]
    [InlineData("a*(ab)*", "aabab", "|[null]||[null]|b|[null]||[null]|b|[null]|")] // but repetitions stay greedy
    [InlineData("c|a*(ab)*", "aabab", "|[null]||[null]|b|[null]||[null]|b|[null]|")] // also with alternatives: "aa", not "aabab"
    [InlineData("(c|a)*(ab)*", "aabab", "|[a,null]||[null,null]|b|[a,null]||[null,null]|b|[null,null]|")]
    public void Split_finds_the_matches_sregex_iterator_finds(string pattern, string input, string parts) =>
        Assert.Equal(parts, Split(pattern, input));

    [Theory]
    [InlineData("(.*")]
    [InlineData("a)")]
    [InlineData("*a")]
    [InlineData("a|*b")]
    [InlineData("^*")]
    [InlineData("a{")]
    [InlineData("a{x}")]
    [InlineData("a{,3}")]
    [InlineData("a{3,2}")]
    [InlineData("{1}")]
    [InlineData("[a")]
    [InlineData("[]")]
    [InlineData("[z-a]")]
    [InlineData("[a-c-e]")]
    [InlineData("[[:alpha:]-z]")]
    [InlineData("[[:foo:]]")]
    [InlineData("[[.foo.]]")]
    [InlineData("a\\")]
    [InlineData("\\n")]
    [InlineData("\\]")]
    [InlineData("\u0100")] // not a byte string, which no string value is
    [InlineData("[^\u0100]")]
    public void Invalid_patterns_are_refused(string pattern)
    {
        var error = Assert.Throws<InvalidPosixPatternException>(() => PosixRegex.Compile(pattern));
        Assert.False(error.ExceedsMemoryLimit);
    }

    [Theory]
    [InlineData("a{100000}")]
    [InlineData("a{0,50000}")]
    [InlineData("((a{100}){100}){100}")]
    [InlineData("a{99999999999999999999}")]
    public void Patterns_that_unfold_too_large_exceed_the_memory_limit(string pattern) =>
        Assert.True(Assert.Throws<InvalidPosixPatternException>(() => PosixRegex.Compile(pattern)).ExceedsMemoryLimit);

    [Fact]
    public void Twenty_thousand_groups_in_sequence_match_as_in_Nix()
    {
        // Nix 2.8: 20000 groups, each "a". Refused before, as slots times instructions passed a limit on the worst case.
        var groups = Match(string.Concat(Enumerable.Repeat("(a)", 20_000)), new string('a', 20_000));
        Assert.Equal(20_000, groups!.Length);
        Assert.All(groups, group => Assert.Equal("a", group));
    }

    /// <summary><c>(a|(a|(a|...b)))</c>: <paramref name="depth"/> groups, each nested in the one before.</summary>
    internal static string NestedAlternatives(int depth) =>
        string.Concat(Enumerable.Repeat("(a|", depth)) + "b" + new string(')', depth);

    [Theory]
    [InlineData(3_000)]
    [InlineData(10_000)]
    public void Thousands_of_nested_groups_match_as_in_Nix(int depth)
    {
        // Every group's thread is alive at the first character, each differing from the others in one slot.
        var pattern = NestedAlternatives(depth);
        // The parser and compiler recurse into groups, as the evaluator's large stack allows.
        var (onA, onB, onC, parts) = ConfigEvaluator.RunWithLargeStack(() => (Match(pattern, "a"), Match(pattern, "b"), Match(pattern, "c"), Split(pattern, "xaby")));
        var nulls = string.Concat(Enumerable.Repeat(",null", depth - 1));
        var bs = string.Join(",", Enumerable.Repeat("b", depth));
        Assert.Equal("a" + nulls, string.Join(",", onA!.Select(g => g ?? "null")));
        Assert.Equal(bs, string.Join(",", onB!.Select(g => g ?? "null")));
        Assert.Null(onC);
        Assert.Equal($"x|[a{nulls}]||[{bs}]|y", parts);
    }

    [Fact]
    public void Many_groups_in_sequence_match_in_work_linear_in_the_pattern()
    {
        // Nix 2.8 matches this at once (its first path succeeds). At each position the first thread's path leaves
        // every loop, and each set it leaves behind is the one before and a write: copied whole, 3,000 groups wrote
        // 9 million slots a position (past this lowered limit after 3 bytes); as chains, 6 units a group.
        var pattern = string.Concat(Enumerable.Repeat("(a*)", 3_000));
        var compiled = new PosixPattern(pattern) { MinWork = 27_000_000, TriesBacktracking = false };
        var groups = compiled.MatchWhole(new string('a', 1_000))!;
        Assert.Equal(new string('a', 1_000), groups[0]);
        Assert.All(groups[1..], group => Assert.Equal("", group));
    }

    [Fact]
    public void Sets_shared_by_every_alternative_are_not_copied_by_each()
    {
        // 2,000 empty alternatives in a loop: at each "a" every alternative's path writes to the set it shares. Copied
        // whole, 2,000 copies of 4,006 slots a byte (past this lowered limit after 4 bytes; 21,800 groups: hours for
        // a few thousand bytes); as chains, a few nodes each.
        var pattern = "((" + string.Join("|", Enumerable.Repeat("()", 2_000)) + ")a)*";
        var compiled = new PosixPattern(pattern) { MinWork = 27_000_000, TriesBacktracking = false };
        var groups = compiled.MatchWhole(new string('a', 100))!;
        Assert.Equal("a||", string.Join("|", groups[..3]));
        Assert.All(groups[3..], group => Assert.Null(group));
    }

    [Fact]
    public void Threads_that_end_on_a_loop_head_taken_already_write_nothing_on_the_way()
    {
        // At each "a" the thread of the d-th alternative closes d groups, then finds the loop head (and its exit's
        // match) taken by the first thread: 500,000 writes a position for 1,000 groups, past this lowered limit
        // long before the end. Those threads now end before writing: the work is linear in the pattern. Nix 2.8 gives
        // [ "a" null null null ] for four groups.
        var pattern = string.Concat(Enumerable.Repeat("(a|", 999)) + "(a)" + new string(')', 999) + "*";
        var compiled = new PosixPattern(pattern) { MinWork = 27_000_000, TriesBacktracking = false };
        var groups = compiled.MatchWhole(new string('a', 1_000))!;
        Assert.Equal("a", groups[0]);
        Assert.All(groups[1..], group => Assert.Null(group));
        Assert.Equal(1_000, groups.Length);
    }

    // Two thousand alternatives in a loop, then 4,000 empty groups. At each "a" the threads of alternatives 2..2,000
    // reach the loop the first thread took and walked its exit: 8 million writes a position, past the lowered limit
    // after 4 bytes, before each thread ended on something taken already. Now they end before writing. Nix 2.8 gives
    // "a" and empty groups (checked with three alternatives and two groups each).
    public static TheoryData<string, string, string> PathsEndingOnTakenGround => new()
    {
        // Three loops in a chain, too few for exits to be recorded: the threads went through b* and c* to "d".
        { "a short chain of loops", "(" + string.Join("|", Enumerable.Repeat("a", 2_000)) + ")*b*" + Empties(2_000) + "c*" + Empties(2_000) + "d", new string('a', 300) + "d" },
        // One loop: each alternative's own d? is a new choice, so its thread goes on, then reaches the taken loop.
        { "a choice of the thread's own first", "(" + string.Join("|", Enumerable.Repeat("ad?", 2_000)) + ")*" + Empties(4_000) + "d", new string('a', 300) + "d" },
        // Before the end of the input the first thread's exit ends on $ and marks nothing.
        { "an exit that fails an anchor", "(" + string.Join("|", Enumerable.Repeat("a", 2_000)) + ")*" + Empties(4_000) + "$", new string('a', 300) },
    };

    private static string Empties(int count) => string.Concat(Enumerable.Repeat("()", count));

    [Theory]
    [MemberData(nameof(PathsEndingOnTakenGround))]
    public void Threads_that_reach_a_loop_taken_already_write_nothing_on_the_way(string _, string pattern, string input)
    {
        var groups = new PosixPattern(pattern) { MinWork = 27_000_000, TriesBacktracking = false }.MatchWhole(input)!;
        Assert.Equal("a", groups[0]);
        Assert.All(groups[1..], group => Assert.Equal("", group));
        Assert.Equal(4_001, groups.Length);
    }

    /// <summary>Patterns whose groups depend on how loops over empty or ambiguous text are taken: each way the
    /// machine can run (loop exits recorded, the search first) must give the same groups for them.</summary>
    public static TheoryData<string> AmbiguousLoopPatterns => new()
    {
        "(a*)(b*)(a*)",
        "a*b*a*",
        "(a|ab)*(b*)c*(a?)",
        "((a*)*b?)*(a*)",
        "(a*)*",
        "((a|b)*c?)*d?",
        "(a|a|a)*b*()c*()d",
        "(ad?|ad?)*()()d",
        "(x*|y*)(a*)(b*|c*)$",
        "^(a*)(a*)(a*)$",
        "((a*)(b*))*((c*)|(d*))",
        "([^=]*)=(.*)",
        "(a|a)*()$b*",
        "(a*)^(b*)a*",
    };

    [Theory]
    [MemberData(nameof(AmbiguousLoopPatterns))]
    public void Groups_do_not_depend_on_whether_loop_exits_are_recorded(string pattern)
    {
        // Exits are recorded only for long chains of loops; forced on, every pattern must give the same groups for
        // whole matches and for split's searches (which cut repetitions, and then record nothing).
        string[] inputs = ["", "a", "aa", "aab", "aaad", "abab", "aadd", "ba", "abcabd", "k=v", "aabbaacd"];
        // Otherwise both sides record and the comparison proves nothing.
        Assert.False(PosixProgram.Compile(pattern).LoopExitsWorthRecording);
        var usual = new PosixPattern(pattern) { TriesBacktracking = false };
        var recording = new PosixPattern(pattern) { RecordLoopExitsAlways = true, TriesBacktracking = false };
        static string Show(string?[]? groups) => groups is null ? "no match" : string.Join(",", groups.Select(g => g ?? "null"));
        var wholeMatches = 0;
        foreach (var input in inputs)
        {
            var expected = usual.MatchWhole(input);
            Assert.Equal(Show(expected), Show(recording.MatchWhole(input)));
            if (expected is not null) wholeMatches++;
            Assert.Equal(
                string.Join("|", usual.Matches(input).Select(m => $"{m.Index}:{Show(m.Groups)}")),
                string.Join("|", recording.Matches(input).Select(m => $"{m.Index}:{Show(m.Groups)}")));
        }
        Assert.True(wholeMatches > 0);
    }

    [Fact]
    public void A_large_pattern_keeps_its_arrays_for_the_next_call()
    {
        // 21,404 slots: an array of them is 85 KB, on the large-object heap. Each iteration writes every slot, so its
        // thread's chain turns into an array, and leaves up to 21,400 nodes (1.4 MB) spare. The machine kept keeps
        // spares up to 1 MB, dropping nodes first, so the next call allocates no array (dropping every spare past
        // 1 MB, as before, it allocated them all again).
        var compiled = new PosixPattern("(" + string.Concat(Enumerable.Repeat("()", 10_700)) + "a)*") { TriesBacktracking = false };
        Assert.Equal("a", compiled.MatchWhole("aaaa")![0]);
        var (arrays, bytes) = compiled.IdleCaptures!.Value;
        Assert.InRange(arrays, 3, 20);
        Assert.InRange(bytes, 1, PosixCaptures.MaxRetainedBytes);
        Assert.Equal("a", compiled.MatchWhole("aaaa")![0]);
        Assert.Equal(arrays, compiled.IdleCaptures!.Value.Arrays);
    }

    [Fact]
    public void Loops_in_sequence_walk_their_exits_once_a_position()
    {
        // No group but the match's: each of 3,000 threads reaches its loop again at every position, and took its exit
        // and every later loop's (4.5 million instructions a position, past this lowered limit after 6 bytes). Those
        // exits were walked already by the first thread's path: now skipped, the work is linear in the pattern (12,000
        // units a byte).
        var compiled = new PosixPattern(string.Concat(Enumerable.Repeat("a*", 3_000))) { MinWork = 27_000_000, TriesBacktracking = false };
        Assert.Empty(compiled.MatchWhole(new string('a', 1_000))!);
        Assert.Null(compiled.MatchWhole(new string('a', 1_000) + "b"));
    }

    [Fact]
    public void A_machine_stopped_by_the_limit_is_not_kept_for_the_next_call()
    {
        // split hands its machine back in a finally, so a run stopped mid-way (threads and references left behind)
        // reaches Return; it must not be kept. match does the same and must behave alike.
        // A pattern of the test above, with a lowered limit: "a" is within it, 1,000 bytes are not (63,000 units a byte).
        var compiled = new PosixPattern("((" + string.Join("|", Enumerable.Repeat("()", 2_000)) + ")a)*") { MinWork = 27_000_000, TriesBacktracking = false };
        var input = new string('a', 1_000);
        Assert.NotNull(compiled.MatchWhole("a"));
        Assert.True(compiled.HasIdleMachine);
        var error = Assert.Throws<InvalidPosixPatternException>(() => compiled.Matches(input).ToList());
        Assert.True(error.ExceedsMemoryLimit);
        Assert.False(compiled.HasIdleMachine);
        Assert.Equal(2, compiled.Matches("a").Count()); // "a", then the empty match at the end
        Assert.True(compiled.HasIdleMachine);
        Assert.Throws<InvalidPosixPatternException>(() => compiled.MatchWhole(input));
        Assert.False(compiled.HasIdleMachine);
        // The pattern still matches afterwards, with a new machine.
        Assert.Equal("a||", string.Join("|", compiled.MatchWhole("a")![..3]));
    }

    [Fact]
    public void Nested_repetitions_take_linear_time()
    {
        // A backtracking engine takes exponential time here; the whole test has a generous bound, not a benchmark.
        var input = new string('a', 100_000);
        var watch = Stopwatch.StartNew();
        Assert.Null(Match("(a*)*b", input));
        Assert.Equal("", Assert.Single(Match("(a*)*", input)!));
        Assert.Equal(input.Length + 1, Assert.Single(PosixRegex.Compile("(a|aa)*b").Matches(input + "b")).Length);
        // Each search finds "a"; the other alternative's thread must not run to the end of the input every time.
        Assert.Equal(input.Length, PosixRegex.Compile("a|a[^z]*z").Matches(input).Count());
        Assert.Equal(input.Length, PosixRegex.Compile("(a[^z]*z)?a").Matches(input).Count());
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"took {watch.Elapsed}");
    }
}
