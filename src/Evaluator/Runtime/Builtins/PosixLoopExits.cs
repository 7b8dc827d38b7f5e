namespace ConfigLang.Evaluator.Runtime.Builtins;

/// <summary>
/// The walks of loop exits under way in one <see cref="PosixMachine"/> step, so that a loop reached again at the same
/// position need not walk its exit again. Why: a loop head reached again takes its exit, and with loops in sequence,
/// <c>(a*)(a*)...</c>, each of the threads (one per loop) walked every later loop's exit at every position: loops²
/// steps a position (3,000 loops: 4.5 million). A walk that has ended, everything it pushed done, has marked every
/// choice and thread it reaches; a second walk from the same exit passes the same instructions, finds them marked and
/// adds nothing, unless the first one skipped a repetition's exit (the search's reachability cut), which the second may
/// take. So an exit is recorded as walked only when its walk ended with no cut in it.
/// </summary>
internal struct PosixLoopExits()
{
    private (int Loop, int Depth, long Cuts)[] _open = new (int, int, long)[16];
    private int _count;
    private long _cuts;

    /// <summary>An exit's walk starts with the machine's stack at <paramref name="depth"/>: it is over once the path
    /// ends with the stack back at that depth.</summary>
    public void Open(int loop, int depth)
    {
        if (_count == _open.Length) Array.Resize(ref _open, 2 * _count);
        _open[_count++] = (loop, depth, _cuts);
    }

    /// <summary>A repetition's exit was not taken: every walk under way is incomplete.</summary>
    public void Cut() => _cuts++;

    /// <summary>Closes the walks that are over now that a path has ended with the stack at <paramref name="depth"/>,
    /// recording in <paramref name="walked"/> those without a cut.</summary>
    public void CloseDownTo(int depth, int[] walked, int generation)
    {
        while (_count > 0 && _open[_count - 1].Depth >= depth)
        {
            var (loop, _, cuts) = _open[--_count];
            if (cuts == _cuts) walked[loop] = generation;
        }
    }
}
