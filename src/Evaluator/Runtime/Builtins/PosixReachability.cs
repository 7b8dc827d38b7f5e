namespace ConfigLang.Evaluator.Runtime.Builtins;

/// <summary>
/// For searches. With <c>|</c> in the pattern libstdc++ keeps the longest of the matches its depth-first search
/// finds, but that search still cuts repetitions greedily, trying fewer iterations only when one more iteration leads to no
/// match at all (<c>c|a*(ab)*</c> on "aabab" finds "aa", not "aabab"; without <c>|</c> the first match found is
/// already that one, and the cut changes nothing). This table answers "can a match be reached from
/// this instruction at this position?" for the instructions that start one more iteration, computed in one backward
/// pass over the input (time linear in it), so the machine can cut the same threads.
/// <para>
/// The table holds a bit per position for those instructions and for the instructions after each consuming one (from
/// which the next position's answers follow; the machine also drops threads that can no longer match, so a long-lived
/// thread means a long match and repeated searches stay linear). Its size is bounded: past <see cref="MaxBytes"/> the
/// search keeps every repetition count and takes the longest match.
/// </para>
/// </summary>
internal sealed class PosixReachability
{
    /// <summary>32 MB of bits; a split of 1 MB with a pattern of 30 repetitions and characters fits.</summary>
    private const long MaxBytes = 32L * 1024 * 1024;

    private readonly PosixProgram.Instruction[] _code;
    private readonly PosixByteSet[] _sets;
    private readonly int[] _storedIndex; // pc -> bit index in a row, or -1
    private readonly int[] _consuming;
    private readonly int[] _predecessorStart, _predecessors;
    private readonly string _input;
    private readonly int _rowBytes;
    private readonly byte[] _rows; // row p at p * _rowBytes; row n + 1 is empty
    private readonly byte[] _startRow;
    private readonly bool[] _reached;
    private readonly int[] _work;
    private int _startPosition = -1;

    private PosixReachability(PosixProgram program, PosixReachabilityShape shape, string input)
    {
        _code = program.Instructions;
        _sets = program.Sets;
        (_storedIndex, _consuming) = (shape.StoredIndex, shape.Consuming);
        (_predecessorStart, _predecessors) = (shape.PredecessorStart, shape.Predecessors);
        _input = input;
        _rowBytes = RowBytes(shape);
        _reached = new bool[_code.Length];
        _work = new int[_code.Length];
        _rows = new byte[(input.Length + 2) * _rowBytes];
        _startRow = new byte[_rowBytes];
        for (var p = input.Length; p >= 0; p--) Compute(p, beginHolds: false, acceptHere: true, Row(p + 1), _rows.AsSpan(p * _rowBytes, _rowBytes));
    }

    /// <summary>The table for <paramref name="input"/>, or null when the pattern repeats nothing (nothing to cut) or the
    /// table would be larger than allowed.</summary>
    public static PosixReachability? For(PosixProgram program, string input)
    {
        // Checked first: literal separators (lib.splitString's) come here on every split.
        if (!program.HasRepetition) return null;
        var shape = program.ReachabilityShape;
        return (long)(input.Length + 2) * RowBytes(shape) > MaxBytes ? null : new PosixReachability(program, shape, input);
    }

    private static int RowBytes(PosixReachabilityShape shape) => (shape.Stored + 7) / 8;

    /// <summary>Sets up the answers at a run's first position, where <c>^</c> may hold and an empty match may be refused.</summary>
    public void StartRun(int start, bool beginHolds, bool acceptHere)
    {
        _startPosition = start;
        Compute(start, beginHolds, acceptHere, Row(start + 1), _startRow);
    }

    /// <summary>Whether a match can be reached from <paramref name="pc"/> (one the table holds) at <paramref name="p"/>.</summary>
    public bool CanMatch(int pc, int p)
    {
        var row = p == _startPosition ? _startRow : Row(p);
        return Holds(row, _storedIndex[pc]);
    }

    private ReadOnlySpan<byte> Row(int p) => _rows.AsSpan(p * _rowBytes, _rowBytes);

    private static bool Holds(ReadOnlySpan<byte> row, int bit) => (row[bit >> 3] & (1 << (bit & 7))) != 0;

    private void Compute(int p, bool beginHolds, bool acceptHere, ReadOnlySpan<byte> next, Span<byte> row)
    {
        Array.Clear(_reached);
        var count = 0;
        if (acceptHere) Reach(_code.Length - 1, ref count);
        if (p < _input.Length)
        {
            var c = _input[p];
            foreach (var pc in _consuming)
            {
                var instruction = _code[pc];
                var takes = instruction.Op == PosixProgram.Op.Char ? c == instruction.X : _sets[instruction.X].Contains(c);
                if (takes && Holds(next, _storedIndex[pc + 1])) Reach(pc, ref count);
            }
        }
        while (count > 0)
        {
            var target = _work[--count];
            for (var k = _predecessorStart[target]; k < _predecessorStart[target + 1]; k++)
            {
                var pc = _predecessors[k];
                if (_reached[pc]) continue;
                var op = _code[pc].Op;
                if ((op == PosixProgram.Op.Begin && !beginHolds) || (op == PosixProgram.Op.End && p != _input.Length)) continue;
                Reach(pc, ref count);
            }
        }
        row.Clear();
        for (var pc = 0; pc < _code.Length; pc++)
        {
            var bit = _storedIndex[pc];
            if (bit >= 0 && _reached[pc]) row[bit >> 3] |= (byte)(1 << (bit & 7));
        }
    }

    private void Reach(int pc, ref int count)
    {
        _reached[pc] = true;
        _work[count++] = pc;
    }
}
