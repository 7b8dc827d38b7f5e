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
