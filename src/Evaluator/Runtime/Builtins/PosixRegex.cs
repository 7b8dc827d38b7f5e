namespace ConfigLang.Evaluator.Runtime.Builtins;

/// <summary>
/// POSIX extended regular expressions, what Nix's <c>match</c> and <c>split</c> take, on an engine of our own
/// (<see cref="PosixParser"/>, <see cref="PosixProgram"/>, <see cref="PosixMachine"/>): <c>.</c> matches newlines,
/// <c>$</c> means end of input, a quantifier after a quantifier (<c>a*?</c>) repeats the repetition, and
/// <c>\1</c> is not a backreference.
/// <para>
/// Patterns and inputs come from configurations, so matching takes time linear in the input (<c>(a*)*b</c> cannot
/// take exponential time) and bounded memory: the program's size, the threads' captures (at most 64 MB, else
/// Nix's memory error) and, for <c>split</c>, a reachability table of at most input length × pattern size, bounded
/// at 32 MB. Patterns are bounded in length and unfolded
/// size, and the cache in entries, so neither construction nor caching grows with hostile input.
/// </para>
/// </summary>
public static class PosixRegex
{
    /// <summary>The longest pattern accepted; far beyond any hand-written one.</summary>
    public const int MaxPatternLength = 64 * 1024;

    /// <summary>How many compiled patterns are kept; a configuration generating patterns starts the cache over.</summary>
    private const int MaxCached = 1024;

    /// <summary>By pattern alone: <c>match</c> and <c>split</c> run the same program (<c>match</c> anchors it when it runs).</summary>
    private static readonly Dictionary<string, PosixPattern> Cache = new(StringComparer.Ordinal);

    /// <summary>The compiled pattern, for both whole-string matching and searching.
    /// Throws <see cref="InvalidPosixPatternException"/> for a pattern that is invalid or unfolds too large,
    /// <see cref="ArgumentException"/> for one too long.</summary>
    public static PosixPattern Compile(string pattern)
    {
        lock (Cache)
        {
            if (Cache.TryGetValue(pattern, out var cached)) return cached;
            if (pattern.Length > MaxPatternLength)
            {
                throw new ArgumentException($"the pattern is {pattern.Length} characters long, more than the {MaxPatternLength} allowed");
            }
            var compiled = new PosixPattern(pattern);
            if (Cache.Count >= MaxCached) Cache.Clear();
            Cache[pattern] = compiled;
            return compiled;
        }
    }

    /// <summary>The cached compilation of <paramref name="pattern"/>, if any, without compiling (for tests).</summary>
    internal static PosixPattern? Cached(string pattern)
    {
        lock (Cache) return Cache.GetValueOrDefault(pattern);
    }
}
