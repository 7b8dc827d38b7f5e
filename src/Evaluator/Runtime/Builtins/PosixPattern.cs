namespace ConfigLang.Evaluator.Runtime.Builtins;

/// <summary>One match: where it is and each group's text (null for a group that took no part).</summary>
public sealed record PosixMatch(int Index, int Length, string?[] Groups);

/// <summary>
/// A POSIX extended regular expression compiled to a <see cref="PosixProgram"/>, with the two operations Nix has:
/// a whole-string <c>match</c> (<c>std::regex_match</c>) and the successive matches of <c>split</c>
/// (<c>std::sregex_iterator</c>). Inputs are byte strings (one char per byte).
/// </summary>
public sealed class PosixPattern
{
    private readonly PosixProgram _program;

    /// <summary>A machine kept for the next call: most patterns are matched many times against short inputs.</summary>
    private PosixMachine? _idle;

    /// <summary>A search kept for the next <see cref="MatchWhole"/>, as the machine is.</summary>
    private PosixBacktracker? _idleBacktracker;

    internal PosixPattern(string pattern) => _program = PosixProgram.Compile(pattern);

    /// <summary>The machines' least limit on work: instructions followed, captures written and copied (tests lower
    /// it to reach it quickly).</summary>
    internal long MinWork { get; init; } = PosixMachine.MinWork;

    /// <summary>Whether machines record loop exits whatever the pattern (for tests: the groups must not depend on it).</summary>
    internal bool RecordLoopExitsAlways { get; init; }

    /// <summary>Whether <see cref="MatchWhole"/> searches depth-first before it runs the machine (for tests: off, the
    /// machine does every match, and the groups must not depend on it).</summary>
    internal bool TriesBacktracking { get; init; } = true;

    /// <summary>Whether a machine is kept for the next call (for tests: a failed run's machine is not).</summary>
    internal bool HasIdleMachine => Volatile.Read(ref _idle) is not null;

    /// <summary>The kept machine's captures, if a machine is kept: arrays of all slots allocated so far, and bytes held (for tests).</summary>
    internal (int Arrays, long Bytes)? IdleCaptures => Volatile.Read(ref _idle) is { } idle ? (idle.CaptureArraysAllocated, idle.CaptureBytes) : null;

    /// <summary>The groups of a match of the whole <paramref name="input"/>, or null when it does not match.</summary>
    public string?[]? MatchWhole(string input)
    {
        if (_program.Literal is { } literal) return input == literal ? [] : null;
        // The first path usually matches: searched first, the machine only when the search gives up.
        if (TriesBacktracking && PosixBacktracker.Fits(_program, input.Length))
        {
            var backtracker = Interlocked.Exchange(ref _idleBacktracker, null) ?? new PosixBacktracker(_program);
            var outcome = backtracker.MatchWhole(input, out var found);
            _idleBacktracker = backtracker;
            if (outcome != PosixBacktracker.Outcome.GaveUp) return found is null ? null : Groups(found, input);
        }
        var machine = Rent(input, null);
        int[]? slots;
        // As for split: the machine goes back whether or not the run failed, and Return keeps only a sound one.
        try
        {
            slots = machine.Run(0, whole: true, continuous: true, notNull: false, previousAvailable: false, longest: false);
        }
        finally
        {
            Return(machine);
        }
        return slots is null ? null : Groups(slots, input);
    }

    public bool IsMatch(string input) => MatchWhole(input) is not null;

    /// <summary>
    /// The successive matches in <paramref name="input"/> as <c>std::sregex_iterator</c> finds them: after an empty
    /// match, first a non-empty one at the same place, else the next search starts one character on; <c>^</c>
    /// matches only where the first search starts.
    /// </summary>
    public IEnumerable<PosixMatch> Matches(string input) =>
        _program.Literal is { } literal ? LiteralMatches(literal, input) : MachineMatches(input);

    /// <summary>A literal's matches are its occurrences, left to right, none overlapping: what the machine finds,
    /// without running it at every position.</summary>
    private static IEnumerable<PosixMatch> LiteralMatches(string literal, string input)
    {
        for (var at = input.IndexOf(literal, StringComparison.Ordinal); at >= 0; at = input.IndexOf(literal, at + literal.Length, StringComparison.Ordinal))
        {
            yield return new PosixMatch(at, literal.Length, []);
        }
    }

    private IEnumerable<PosixMatch> MachineMatches(string input)
    {
        var longest = _program.HasAlternation;
        // The table cuts repetitions as libstdc++ does where the longest match is kept, and everywhere keeps a search
        // from carrying threads that cannot match to the end of the input (which would make split quadratic).
        var machine = Rent(input, PosixReachability.For(_program, input));
        try
        {
            var previousAvailable = false;
            var slots = machine.Run(0, whole: false, continuous: false, notNull: false, previousAvailable, longest);
            while (slots is not null)
            {
                yield return new PosixMatch(slots[0], slots[1] - slots[0], Groups(slots, input));
                var start = slots[1];
                if (slots[0] == slots[1])
                {
                    if (start == input.Length) yield break;
                    slots = machine.Run(start, whole: false, continuous: true, notNull: true, previousAvailable, longest);
                    if (slots is not null) continue;
                    start++;
                }
                previousAvailable = true;
                slots = machine.Run(start, whole: false, continuous: false, notNull: false, previousAvailable, longest);
            }
        }
        finally
        {
            Return(machine);
        }
    }

    private PosixMachine Rent(string input, PosixReachability? reachability)
    {
        var machine = Interlocked.Exchange(ref _idle, null) ?? new PosixMachine(_program, MinWork, RecordLoopExitsAlways);
        machine.Reset(input, reachability);
        return machine;
    }

    private void Return(PosixMachine machine)
    {
        if (!machine.ReadyForReuse()) return;
        machine.Reset("", null);
        _idle = machine;
    }

    private static string?[] Groups(int[] slots, string input)
    {
        var groups = new string?[slots.Length / 2 - 1];
        for (var g = 1; g < slots.Length / 2; g++)
        {
            var (start, end) = (slots[2 * g], slots[2 * g + 1]);
            if (start >= 0 && end >= start) groups[g - 1] = input[start..end];
        }
        return groups;
    }
}
