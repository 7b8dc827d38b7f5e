namespace ConfigLang.Evaluator.Runtime.Builtins;

/// <summary>
/// A whole-string match (<c>match</c>) by depth-first search over a <see cref="PosixProgram"/>, tried before the
/// <see cref="PosixMachine"/>: it follows the highest-priority path first and tries a lower one only when every
/// higher one failed, as libstdc++ does. Why: with many loops in sequence, <c>(a*)(a*)...</c>, the machine keeps a
/// thread per loop at every position although the first one matches (3,000 groups over 2,000 bytes: 6 million
/// threads, 0.23 s; Nix 2.8 0.01 s); this search takes that first path and is done.
/// <para>
/// It finds the machine's match. Each (instruction, position) is entered once, as the machine marks an instruction
/// once per position for its highest-priority thread; a loop head entered again leaves by its exit, as there; and
/// the search reaches positions in the order of the machine's threads, so a state's first visitor is the thread the
/// machine keeps there.
/// </para>
/// <para>
/// It is bounded: the visited states are a bitmap of at most <see cref="MaxVisitedBits"/>, and the steps a budget
/// linear in pattern and input (at most <see cref="MaxSteps"/>). A search that would need more gives up and the
/// machine, with its own bounds, does the match: a hostile pattern costs the budget more, never more than that.
/// </para>
/// </summary>
internal sealed class PosixBacktracker
{
    /// <summary>Bits of the visited bitmap (a row of whole words per position) up to which the search is tried: 4 MB.</summary>
    public const long MaxVisitedBits = 32L * 1024 * 1024;

    /// <summary>The most steps (instructions followed) a search may take, whatever the sizes; its stack holds at most
    /// twice that many entries of 8 bytes (16 MB).</summary>
    public const int MaxSteps = 1 << 20;

    /// <summary>Steps a search may take per instruction and per input byte: a match that follows its first path
    /// takes about 3 a byte and 5 an instruction.</summary>
    private const int StepsPerUnit = 8;

    /// <summary>Bitmap words and stack entries kept for the next call; larger ones are dropped after it.</summary>
    internal const int MaxRetainedWords = 32 * 1024;

    public enum Outcome { Matched, NoMatch, GaveUp }

    private readonly PosixProgram.Instruction[] _code;
    private readonly PosixByteSet[] _sets;
    private readonly int[] _slots;
    private readonly int _rowWords;
    private ulong[] _visited = [];
    /// <summary>Per position, the search that last cleared its row of the bitmap: rows are cleared when first
    /// reached, so a search that fails early does not clear the whole bitmap.</summary>
    private int[] _rowSearch = [];
    private int _search;
    private Entry[] _stack = new Entry[64];

    /// <summary>A path to try (<see cref="Pc"/> at <see cref="P"/>), or, with <see cref="Pc"/> -1, a capture slot's
    /// value to put back when the search backs up past the write.</summary>
    private record struct Entry(int Pc, int P);

    public PosixBacktracker(PosixProgram program)
    {
        _code = program.Instructions;
        _sets = program.Sets;
        _slots = new int[program.Slots];
        _rowWords = RowWords(program);
    }

    /// <summary>Whether a search over an input of <paramref name="inputLength"/> fits the bitmap's bound and its step
    /// budget is its linear one, not <see cref="MaxSteps"/> cut short (past that, a search that merely walks the input
    /// would allocate, burn the budget, give up and leave the machine to do it all again). A position's row is whole
    /// words, so a short program over a long input is bounded too (and so the rows' stamps, 4 bytes a position: at
    /// most 2 MB).</summary>
    public static bool Fits(PosixProgram program, int inputLength) =>
        RowWords(program) * 64L * (inputLength + 1L) <= MaxVisitedBits
        && StepsPerUnit * ((long)program.Instructions.Length + inputLength) <= MaxSteps;

    private static int RowWords(PosixProgram program) => (program.Instructions.Length + 63) >> 6;

    /// <summary>The match of the whole <paramref name="input"/> (its slots in <paramref name="slots"/>), no match, or
    /// <see cref="Outcome.GaveUp"/> past the budget. The input must <see cref="Fits"/>.</summary>
    public Outcome MatchWhole(string input, out int[]? slots)
    {
        // Released on every exit, a give-up's too: the pattern cache keeps this search, so a kept 4 MB bitmap and
        // 16 MB stack per pattern would grow with the number of distinct hostile patterns.
        try
        {
            return Search(input, out slots);
        }
        finally
        {
            Release();
        }
    }

    /// <summary>Words of the bitmap, row stamps and stack entries held between calls (for tests).</summary>
    internal long HeldEntries => _visited.LongLength + _rowSearch.LongLength + _stack.LongLength;

    private Outcome Search(string input, out int[]? slots)
    {
        slots = null;
        var n = input.Length;
        Prepare(n);
        var budget = (int)Math.Min(MaxSteps, StepsPerUnit * ((long)_code.Length + n) + 256);
        Array.Fill(_slots, -1);
        var depth = 0;
        int pc = 0, p = 0;
        while (true)
        {
            // Follows one path until it fails or matches.
            while (true)
            {
                if (--budget < 0) return Outcome.GaveUp;
                var instruction = _code[pc];
                if (!PosixStraightLines.IsStraight(instruction.Op) && !Visit(pc, p))
                {
                    // Entered again at this position: a loop may still end after an empty iteration, the rest fails.
                    if (instruction.Op == PosixProgram.Op.Loop)
                    {
                        pc = instruction.Y;
                        continue;
                    }
                    break;
                }
                switch (instruction.Op)
                {
                    case PosixProgram.Op.Jump:
                        pc = instruction.X;
                        continue;
                    case PosixProgram.Op.Split or PosixProgram.Op.Repeat or PosixProgram.Op.Loop:
                        Push(ref depth, instruction.Y, p);
                        pc = instruction.X;
                        continue;
                    case PosixProgram.Op.Save:
                        // The old value goes back when the search backs up past this write.
                        Push(ref depth, -1, instruction.X);
                        Push(ref depth, -1, _slots[instruction.X]);
                        _slots[instruction.X] = p;
                        pc++;
                        continue;
                    case PosixProgram.Op.Begin:
                        if (p != 0) break;
                        pc++;
                        continue;
                    case PosixProgram.Op.End:
                        if (p != n) break;
                        pc++;
                        continue;
                    case PosixProgram.Op.Char:
                        if (p == n || input[p] != instruction.X) break;
                        pc++;
                        p++;
                        continue;
                    case PosixProgram.Op.Set:
                        if (p == n || !_sets[instruction.X].Contains(input[p])) break;
                        pc++;
                        p++;
                        continue;
                    default: // Match
                        if (p != n) break;
                        slots = (int[])_slots.Clone();
                        return Outcome.Matched;
                }
                break;
            }
            // Backs up to the latest path not tried, putting back the slots written since.
            while (true)
            {
                if (depth == 0) return Outcome.NoMatch;
                var entry = _stack[--depth];
                if (entry.Pc >= 0)
                {
                    (pc, p) = (entry.Pc, entry.P);
                    break;
                }
                // A write: its old value on top, its slot below.
                var old = entry.P;
                _slots[_stack[--depth].P] = old;
            }
        }
    }

    private void Prepare(int inputLength)
    {
        var words = (long)_rowWords * (inputLength + 1);
        if (_visited.Length < words) _visited = new ulong[words];
        if (_rowSearch.Length < inputLength + 1) _rowSearch = new int[inputLength + 1];
        if (++_search == int.MaxValue)
        {
            Array.Clear(_rowSearch);
            _search = 1;
        }
    }

    /// <summary>Marks (<paramref name="pc"/>, <paramref name="p"/>) visited; false when it was already.</summary>
    private bool Visit(int pc, int p)
    {
        var row = p * _rowWords;
        if (_rowSearch[p] != _search)
        {
            Array.Clear(_visited, row, _rowWords);
            _rowSearch[p] = _search;
        }
        ref var word = ref _visited[row + (pc >> 6)];
        var bit = 1UL << (pc & 63);
        if ((word & bit) != 0) return false;
        word |= bit;
        return true;
    }

    private void Push(ref int depth, int pc, int p)
    {
        if (depth == _stack.Length) Array.Resize(ref _stack, _stack.Length * 2);
        _stack[depth++] = new Entry(pc, p);
    }

    /// <summary>Drops a large search's arrays: a cached pattern does not hold them.</summary>
    private void Release()
    {
        if (_visited.Length > MaxRetainedWords)
        {
            _visited = [];
            _rowSearch = [];
        }
        if (_stack.Length > MaxRetainedWords) _stack = new Entry[64];
    }
}
