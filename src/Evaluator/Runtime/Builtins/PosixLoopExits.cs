using System.Runtime.CompilerServices;

namespace ConfigLang.Evaluator.Runtime.Builtins;

/// <summary>
/// Which loops' exits a <see cref="PosixMachine"/> step has walked, so that a thread reaching a loop again at the same
/// position need not walk its exit again. Why: a loop head reached again takes its exit, and with loops in sequence,
/// <c>(a*)(a*)...</c>, each of the threads (one per loop) walked every later loop's exit at every position: loops²
/// steps a position (3,000 loops: 4.5 million). A walk that has ended, everything it pushed done, has marked every
/// choice and thread it reaches; a second walk from the same exit passes the same instructions, finds them marked and
/// adds nothing, unless the first one skipped a repetition's exit (the search's reachability cut), which the second may
/// take. So the exits a thread's walk (one <c>AddThread</c>, which ends with all its paths done) started are recorded as
/// walked when it ends, if it cut nothing; within one walk an exit is taken again as before.
/// </summary>
internal struct PosixLoopExits()
{
    private int[] _started = new int[16];
    private int _count;
    private bool _cut;

    /// <summary>Loops in the longest chain from which exits are recorded: along a shorter chain the machine checks
    /// before writing whether a path reaching a taken loop ends on taken instructions (at most three lookups), and
    /// recording costs every walk. Measured only with lines of 0-2 instructions between loops: matching <c>(a*)</c>,
    /// <c>a*</c> or <c>[a-z]*</c> K times over 200 bytes, recording and not were within the noise up to K = 4, and
    /// recording 1.2-2 times faster from K = 6.</summary>
    public const int MinChainToRecord = 4;

    /// <summary>
    /// Whether a machine running <paramref name="code"/> should record exits: some chain of loops, each one's exit
    /// leading to the next one's head along its straight line (<paramref name="lineEnds"/>, <c>(a*)(a*)...</c>), has
    /// <see cref="MinChainToRecord"/> loops. Why: a walk of an exit again goes on from its first choice only if that is a
    /// loop head (reached again, it takes its exit); any other choice was marked by the first walk and ends it. So a walk
    /// again passes the chain after its loop and every write between; without recording, the machine looks along the
    /// chain before writing and ends such a path there, which costs a lookup a loop, so only long chains need recording.
    /// </summary>
    public static bool WorthRecording(PosixProgram.Instruction[] code, int[] lineEnds)
    {
        var chain = new int[code.Length]; // a loop's chain length from it; 0 not yet known; -1 being followed
        var path = new List<int>();
        for (var pc = 0; pc < code.Length; pc++)
        {
            if (code[pc].Op != PosixProgram.Op.Loop || chain[pc] != 0) continue;
            path.Clear();
            var at = pc;
            while (true)
            {
                chain[at] = -1;
                path.Add(at);
                var next = lineEnds[code[at].Y];
                if (next < 0 || code[next].Op != PosixProgram.Op.Loop)
                {
                    at = -1;
                    break;
                }
                at = next;
                if (chain[at] != 0) break;
            }
            // A chain goes outwards or onwards, never back; a cycle would end it where it closes.
            var length = at >= 0 ? Math.Max(chain[at], 0) : 0;
            for (var i = path.Count - 1; i >= 0; i--) chain[path[i]] = ++length;
            if (length >= MinChainToRecord) return true;
        }
        return false;
    }

    /// <summary>Whether <paramref name="loop"/>'s exit was walked by an earlier thread at this position.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly bool Walked(int loop, int[] walked, int generation) => walked[loop] == generation;

    /// <summary>The current thread's walk takes <paramref name="loop"/>'s exit.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Start(int loop)
    {
        if (_count == _started.Length) Array.Resize(ref _started, 2 * _count);
        _started[_count++] = loop;
    }

    /// <summary>A repetition's exit was not taken: the current walk's exits are not recorded.</summary>
    public void Cut() => _cut = true;

    /// <summary>The current thread's walk has ended: records its exits in <paramref name="walked"/> unless it cut one.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void End(int[] walked, int generation)
    {
        if (_count > 0 || _cut) Record(walked, generation);
    }

    private void Record(int[] walked, int generation)
    {
        if (!_cut)
        {
            for (var i = 0; i < _count; i++) walked[_started[i]] = generation;
        }
        _count = 0;
        _cut = false;
    }
}
