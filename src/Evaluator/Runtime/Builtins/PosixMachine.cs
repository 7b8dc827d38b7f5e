using System.Runtime.CompilerServices;

namespace ConfigLang.Evaluator.Runtime.Builtins;

/// <summary>
/// Runs a <see cref="PosixProgram"/> over one input as a Pike VM: all threads advance together one character at a
/// time, at most one per instruction, so time is linear in the input and memory bounded by the program and the
/// captures' limits (<see cref="PosixCaptures"/>, on bytes and on work; no backtracking, whatever the pattern). Threads are kept in priority order (left alternative, more repetitions
/// first), so the first thread to match is the match libstdc++'s depth-first search finds first.
/// <para>
/// A search (for <c>split</c>) takes the leftmost start; among the matches from there, libstdc++ in POSIX mode
/// tries every alternative and keeps the longest, so with <c>|</c> in the pattern the longest match wins (the first
/// found among equally long ones, repetitions cut as <see cref="PosixReachability"/> tells); without it the first
/// match found is the one libstdc++ keeps.
/// </para>
/// </summary>
internal sealed class PosixMachine
{
    private readonly PosixProgram.Instruction[] _code;
    private readonly PosixByteSet[] _sets;
    private readonly int[] _lineEnds;
    private readonly byte[] _lineAnchors;
    private readonly PosixCaptures _captures;
    private string _input = "";
    private PosixReachability? _reachability;
    private readonly int[] _mark;
    private int _generation;
    private ThreadList _current, _next;
    /// <summary>Paths to take; a loop's exit as the loop's complement (<c>~pc</c>), taken to its <c>Y</c> when popped.</summary>
    private (int Pc, PosixCaptures.Node Captures)[] _stack = new (int, PosixCaptures.Node)[16];

    /// <summary>For each loop head, the generation in which an earlier thread's walk took its exit (from its Y on, at this
    /// position) and cut nothing: a later thread reaching the loop again finds nothing new there (see <see cref="PosixLoopExits"/>).</summary>
    private readonly int[] _exitWalked;

    private PosixLoopExits _exits;

    /// <summary>Whether exits are recorded at all: only when a chain of loops is long
    /// (<see cref="PosixLoopExits.WorthRecording"/>). Otherwise a path reaching a taken loop first follows its exit
    /// through at most three taken loops without writing (<see cref="ExitEndsWhereTaken"/>) and ends there when they
    /// end on taken instructions; recording cost ordinary patterns (<c>([^=]*)=(.*)</c>) 5% of a match.</summary>
    private readonly bool _recordExits;

    /// <summary>Set while a run is under way: a run stopped by an exception (the captures' memory limit) leaves
    /// threads and references behind, so its machine is not used again.</summary>
    private bool _running;

    /// <summary>The least work (<see cref="PosixCaptures.Work"/>: instructions followed, writes and slots copied) a
    /// run over one input may do; past the larger of this and <see cref="WorkPerInputByte"/> times the input's length, the match fails as
    /// Nix fails on too large a regular expression. Why: each thread's path may pass every group after it, groups²
    /// writes at a position (3,000 nested groups end a match with 4.5 million), and in a loop at every position
    /// (<c>(a|(a|...))*</c>). This is a few seconds of work. (Loops in sequence, <c>(a*)(a*)...</c>, no longer
    /// do groups² work a position: see <see cref="PosixLoopExits"/> and the captures' chains.)</summary>
    private readonly long _minWork;

    /// <summary>See <see cref="_minWork"/>; 10,000 nested groups take 50 million writes for a match.</summary>
    public const long MinWork = 256_000_000;

    /// <summary>Work allowed per byte of input beyond <see cref="MinWork"/>, so long inputs to ordinary patterns never
    /// reach the limit: lib-like patterns (<c>([^=]*)=(.*)</c>, ten groups) do at most 92 units per byte (measured over 5 MB).</summary>
    public const long WorkPerInputByte = 1024;

    // The run's settings, read by AddThread.
    private int _searchStart;
    private bool _beginMatchesAtStart;

    /// <param name="recordExitsAlways">Records exits whatever the program's chains (for tests: results must not depend on it).</param>
    public PosixMachine(PosixProgram program, long minWork = MinWork, bool recordExitsAlways = false)
    {
        _code = program.Instructions;
        _sets = program.Sets;
        _lineEnds = program.LineEnds;
        _lineAnchors = program.LineAnchors;
        _captures = new PosixCaptures(program.Slots);
        _minWork = minWork;
        _mark = new int[_code.Length];
        _exitWalked = new int[_code.Length];
        _exits = new PosixLoopExits();
        _recordExits = recordExitsAlways || program.LoopExitsWorthRecording;
        _current = new ThreadList(program.ConsumingInstructions);
        _next = new ThreadList(program.ConsumingInstructions);
    }

    /// <summary>Sets the input the next runs read; a machine is reused for input after input (its arrays are the
    /// program's size). <paramref name="reachability"/>, for searches, drops threads that cannot match and cuts
    /// repetitions as libstdc++ does.</summary>
    public void Reset(string input, PosixReachability? reachability)
    {
        _input = input;
        _reachability = reachability;
        _captures.StartRun(Math.Max(_minWork, WorkPerInputByte * input.Length));
    }

    /// <summary>
    /// The capture slots of a match starting at or after <paramref name="start"/> (only at it when
    /// <paramref name="continuous"/>), or null. <paramref name="whole"/> accepts only a match that ends at the end of
    /// the input; <paramref name="notNull"/> refuses an empty one; <paramref name="previousAvailable"/> tells that the
    /// input goes on before <paramref name="start"/>, so <c>^</c> does not match there (libstdc++'s match flags).
    /// </summary>
    public int[]? Run(int start, bool whole, bool continuous, bool notNull, bool previousAvailable, bool longest)
    {
        _running = true;
        _searchStart = start;
        _beginMatchesAtStart = !previousAvailable;
        _reachability?.StartRun(start, _beginMatchesAtStart, acceptHere: !notNull);
        int[]? best = null;
        int bestStart = -1, bestEnd = -1;
        _current.Clear();
        NewGeneration();
        for (var p = start; ; p++)
        {
            if (best is null && (p == start || !continuous)) AddThread(_current, 0, p, _captures.New());
            if (_current.Count == 0)
            {
                if (best is not null || continuous || p >= _input.Length) break;
                NewGeneration();
                continue;
            }
            var c = p < _input.Length ? _input[p] : -1;
            NewGeneration();
            _next.Clear();
            for (var i = 0; i < _current.Count; i++)
            {
                var captures = _current.Captures[i];
                if (captures is null) continue;
                var instruction = _code[_current.Pcs[i]];
                switch (instruction.Op)
                {
                    case PosixProgram.Op.Char or PosixProgram.Op.Set:
                        // Past the end c is -1, which no byte equals and no set contains.
                        var takes = instruction.Op == PosixProgram.Op.Char ? c == instruction.X : _sets[instruction.X].Contains(c);
                        // A thread that can no longer reach a match goes now rather than at the end of the input.
                        if (takes && (_reachability is null || _reachability.CanMatch(_current.Pcs[i] + 1, p + 1))) AddThread(_next, _current.Pcs[i] + 1, p + 1, captures);
                        else Release(captures);
                        break;
                    default: // Match
                    {
                        var matchStart = _captures.Read(captures, 0);
                        if ((whole && p != _input.Length) || (notNull && p == matchStart))
                        {
                            Release(captures);
                            break;
                        }
                        if (!longest || best is null || matchStart < bestStart || (matchStart == bestStart && p > bestEnd))
                        {
                            best = _captures.ToArray(captures);
                            bestStart = matchStart;
                            bestEnd = p;
                        }
                        Release(captures);
                        // Cut what can no longer win: every lower-priority thread for the first match found, only
                        // those starting later for the longest.
                        for (var j = i + 1; j < _current.Count; j++)
                        {
                            if (_current.Captures[j] is { } other && (!longest || _captures.Read(other, 0) > matchStart))
                            {
                                Release(other);
                                _current.Captures[j] = null;
                            }
                        }
                        break;
                    }
                }
            }
            (_current, _next) = (_next, _current);
            if (p >= _input.Length) break;
        }
        for (var i = 0; i < _current.Count; i++) if (_current.Captures[i] is { } left) Release(left);
        _current.Clear();
        _running = false;
        return best;
    }

    /// <summary>How many arrays of all slots the captures have allocated (for tests: spares are reused).</summary>
    internal int CaptureArraysAllocated => _captures.ArraysAllocated;

    /// <summary>What the captures hold, spares included (for tests).</summary>
    internal long CaptureBytes => _captures.AllocatedBytes;

    /// <summary>Whether the machine can serve another input: its last run ended normally. Its spare captures are
    /// dropped first when large.</summary>
    public bool ReadyForReuse()
    {
        if (_running) return false;
        _captures.TrimIfLarge();
        return true;
    }

    private void NewGeneration()
    {
        if (++_generation == int.MaxValue)
        {
            Array.Clear(_mark);
            Array.Clear(_exitWalked);
            _generation = 1;
        }
    }

    /// <summary>Follows the non-consuming instructions from <paramref name="pc"/> at <paramref name="p"/> in priority
    /// order and adds the threads that reach a consuming instruction or the match; takes over one reference of <paramref name="captures"/>.</summary>
    private void AddThread(ThreadList list, int pc, int p, PosixCaptures.Node captures)
    {
        if (EndsWhereTaken(pc, p))
        {
            Release(captures);
            return;
        }
        var depth = 0;
        Push(ref depth, pc, captures);
        // Instructions followed count as work (a Save as its write): a path passes loops already taken at this
        // position, so with a*a*a*... each thread walks every later loop (20,000 of them over 20,000 bytes: minutes,
        // no writes). Counted in a local, added to the store's count now and then and at the end.
        var steps = 0;
        while (depth > 0)
        {
            if (steps > StepsBetweenChecks)
            {
                _captures.Spend(steps);
                steps = 0;
            }
            (pc, captures) = _stack[--depth];
            if (pc < 0)
            {
                // A loop's exit, pushed as the loop's own ~pc when exits are recorded.
                var loop = ~pc;
                if (!StartExit(loop, captures)) continue;
                pc = _code[loop].Y;
            }
            while (true)
            {
                steps++;
                var instruction = _code[pc];
                if (!PosixStraightLines.IsStraight(instruction.Op))
                {
                    // Choices and threads are taken once per position, by the path of highest priority. Straight-line
                    // instructions are not marked: a loop's empty iteration passes again where the iteration before it went.
                    if (_mark[pc] == _generation)
                    {
                        // Reached again without consuming anything: a loop may still end after this empty iteration.
                        if (instruction.Op == PosixProgram.Op.Loop)
                        {
                            if (!_recordExits && ExitEndsWhereTaken(pc, p))
                            {
                                Release(captures);
                                break;
                            }
                            if (_recordExits && !StartExit(pc, captures)) break;
                            pc = instruction.Y;
                            continue;
                        }
                        Release(captures);
                        break;
                    }
                    _mark[pc] = _generation;
                }
                switch (instruction.Op)
                {
                    case PosixProgram.Op.Jump:
                        pc = instruction.X;
                        continue;
                    case PosixProgram.Op.Split or PosixProgram.Op.Repeat or PosixProgram.Op.Loop:
                        // Fewer iterations only when one more leads to no match (see PosixReachability).
                        if (instruction.Op == PosixProgram.Op.Split || _reachability is null || !_reachability.CanMatch(instruction.X, p))
                        {
                            captures.References++;
                            Push(ref depth, _recordExits && instruction.Op == PosixProgram.Op.Loop ? ~pc : instruction.Y, captures);
                        }
                        else if (_recordExits) _exits.Cut();
                        pc = instruction.X;
                        continue;
                    case PosixProgram.Op.Save:
                        captures = _captures.Write(captures, instruction.X, p);
                        pc++;
                        continue;
                    case PosixProgram.Op.Begin:
                        if (p == _searchStart && _beginMatchesAtStart)
                        {
                            pc++;
                            continue;
                        }
                        Release(captures);
                        break;
                    case PosixProgram.Op.End:
                        if (p == _input.Length)
                        {
                            pc++;
                            continue;
                        }
                        Release(captures);
                        break;
                    default:
                        list.Add(pc, captures);
                        break;
                }
                break;
            }
        }
        if (_recordExits) _exits.End(_exitWalked, _generation);
        _captures.Spend(steps);
    }

    /// <summary>Whether a path from <paramref name="pc"/> would end, at this position, where an earlier one went,
    /// before any choice of its own: its straight line ends on a choice or a consuming instruction taken already, or
    /// on a loop head taken already whose exit it takes and that ends so too (or was walked, exits being recorded).
    /// Its writes on the way would be lost. Why: in <c>(a|(a|...))*</c> the thread of the d-th alternative closes
    /// d groups, then finds the loop head taken by the first thread: groups² writes a position for nothing.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool EndsWhereTaken(int pc, int p)
    {
        var end = _lineEnds[pc];
        if (end < 0 || _mark[end] != _generation) return false;
        return _code[end].Op != PosixProgram.Op.Loop || ExitEndsWhereTaken(end, p);
    }

    /// <summary>Whether a path at <paramref name="loop"/>, a loop head taken already at this position, would end
    /// without a choice of its own: it takes the loop's exit, and each exit's straight line ends on a loop head taken
    /// already (whose exit it takes in turn) or walked, until one ends on a choice or consuming instruction taken
    /// already or passes an anchor that fails here. Its writes on the way would be lost. Why: with exits not recorded, the threads of
    /// <c>(a|a|...)*b*()()...c*()()...d</c> each passed three exits and every group between before ending on <c>d</c>.
    /// At most <see cref="PosixLoopExits.MinChainToRecord"/> - 1 exits are followed: a longer chain has its exits recorded.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool ExitEndsWhereTaken(int loop, int p)
    {
        var first = loop;
        for (var exits = 1; exits < PosixLoopExits.MinChainToRecord; exits++)
        {
            if (_recordExits && _exits.Walked(loop, _exitWalked, _generation)) return RecordWalked(first, loop);
            var exit = _code[loop].Y;
            var end = _lineEnds[exit];
            if (end < 0) return false;
            if (_lineAnchors[exit] != 0 && FailsAnchor(_lineAnchors[exit], p)) return RecordWalked(first, end);
            if (_mark[end] != _generation) return false;
            if (_code[end].Op != PosixProgram.Op.Loop) return RecordWalked(first, end);
            loop = end;
        }
        return false;
    }

    /// <summary>Whether a line passing <paramref name="anchors"/> (<see cref="PosixStraightLines.Anchors"/>) ends on
    /// one at <paramref name="p"/>, as AddThread's Begin and End do. Why: <c>(a|a|...)*()()...$</c>'s threads each
    /// wrote every group after the loop before ending on <c>$</c> (no instruction is marked there).</summary>
    private bool FailsAnchor(byte anchors, int p) =>
        ((anchors & PosixStraightLines.PassesEnd) != 0 && p != _input.Length)
        || ((anchors & PosixStraightLines.PassesBegin) != 0 && !(p == _searchStart && _beginMatchesAtStart));

    /// <summary>When exits are recorded, records those from <paramref name="loop"/> along its chain up to
    /// <paramref name="stop"/> as walked, as a walk of them would have when it ended: they pass only taken
    /// instructions, so a later thread reaching one (after a choice of its own) ends at once. Returns true.</summary>
    private bool RecordWalked(int loop, int stop)
    {
        if (_recordExits)
        {
            for (; loop != stop; loop = _lineEnds[_code[loop].Y]) _exitWalked[loop] = _generation;
        }
        return true;
    }

    /// <summary>Starts a walk of <paramref name="loop"/>'s exit, or, when an earlier thread has walked it at this
    /// position with nothing cut, releases <paramref name="captures"/> and tells the path to end: it would only pass
    /// instructions taken already.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool StartExit(int loop, PosixCaptures.Node captures)
    {
        if (_exits.Walked(loop, _exitWalked, _generation))
        {
            Release(captures);
            return false;
        }
        _exits.Start(loop);
        return true;
    }

    /// <summary>How many steps may go uncounted: checked between paths, and one path's steps are bounded by the
    /// program's length, so the work done past the limit is bounded too.</summary>
    private const int StepsBetweenChecks = 4096;

    private void Push(ref int depth, int pc, PosixCaptures.Node captures)
    {
        if (depth == _stack.Length) Array.Resize(ref _stack, _stack.Length * 2);
        _stack[depth++] = (pc, captures);
    }

    private void Release(PosixCaptures.Node captures) => _captures.Release(captures);

    /// <summary>The threads at one position, highest priority first; a cut thread's captures are null.</summary>
    private sealed class ThreadList(int capacity)
    {
        public readonly int[] Pcs = new int[capacity];
        public readonly PosixCaptures.Node?[] Captures = new PosixCaptures.Node?[capacity];
        public int Count;

        public void Add(int pc, PosixCaptures.Node captures)
        {
            Pcs[Count] = pc;
            Captures[Count++] = captures;
        }

        public void Clear() => Count = 0;
    }
}
