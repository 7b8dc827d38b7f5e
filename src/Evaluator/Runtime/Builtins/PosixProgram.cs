namespace ConfigLang.Evaluator.Runtime.Builtins;

/// <summary>
/// A compiled pattern: a Thompson NFA as a small instruction list for <see cref="PosixMachine"/>. Bounded
/// repetitions are unrolled as libstdc++ unrolls them (<c>a{2,4}</c> is <c>aa(a(a)?)?</c>), so the program's
/// size, limited to <see cref="MaxInstructions"/>, is what a pattern costs in memory.
/// </summary>
internal sealed class PosixProgram
{
    /// <summary>libstdc++'s limit of 100,000 NFA states, beyond which Nix reports "memory limit exceeded". Our programs
    /// are mostly smaller than its NFAs (which keep a repeated body's original besides its copies, and a state more per bound):
    /// Nix refuses <c>a{0,49997}</c> (100,001 states), this limit <c>a{0,49999}</c> (100,001 instructions).</summary>
    public const int MaxInstructions = 100_000;

    public enum Op : byte
    {
        /// <summary>Consumes the byte <see cref="Instruction.X"/>.</summary>
        Char,
        /// <summary>Consumes a byte of set <see cref="Instruction.X"/>.</summary>
        Set,
        /// <summary>Goes on at X, and with lower priority at Y: a choice between alternatives.</summary>
        Split,
        /// <summary>One more of a bounded repetition's optional iterations at X, else on at Y (greedy).</summary>
        Repeat,
        /// <summary>A loop's head: one more iteration at X, else on at Y (greedy). Reached again without consuming
        /// anything (an empty iteration), it only leaves, as libstdc++ lets a repetition end after an empty iteration.</summary>
        Loop,
        Jump,
        /// <summary>Records the position in capture slot X.</summary>
        Save,
        /// <summary><c>^</c>.</summary>
        Begin,
        /// <summary><c>$</c>.</summary>
        End,
        Match,
    }

    public readonly record struct Instruction(Op Op, int X, int Y);

    public Instruction[] Instructions { get; }
    public PosixByteSet[] Sets { get; }

    /// <summary>Capture slots: two per group, group 0 being the whole match.</summary>
    public int Slots { get; }

    /// <summary>Whether the pattern has <c>|</c>: only then can libstdc++'s longest match differ from the first one found.</summary>
    public bool HasAlternation { get; }

    /// <summary>Whether the program has a <see cref="Op.Repeat"/> or <see cref="Op.Loop"/>: only then has a search
    /// repetitions to cut (<see cref="PosixReachability"/>).</summary>
    public bool HasRepetition { get; }

    /// <summary>For each instruction, the end of its straight line (<see cref="PosixStraightLines.Ends"/>).</summary>
    public int[] LineEnds { get; }

    /// <summary>For each instruction, the anchors its straight line passes (<see cref="PosixStraightLines.Anchors"/>).</summary>
    public byte[] LineAnchors { get; }

    /// <summary>Whether machines record which loops' exits they walked at a position (<see cref="PosixLoopExits.WorthRecording"/>).</summary>
    public bool LoopExitsWorthRecording { get; }

    /// <summary>How many instructions consume a character: at most that many threads are alive at once.</summary>
    public int ConsumingInstructions { get; }

    /// <summary>The bytes the program matches when it is only those (no group, anchor, set, choice or repetition),
    /// as <c>lib.splitString</c>'s separators are: searched for with <see cref="string.IndexOf(string, int, StringComparison)"/>.
    /// Null otherwise, and for the empty pattern, whose empty matches the machine handles.</summary>
    public string? Literal { get; }

    private PosixReachabilityShape? _reachabilityShape;

    /// <summary>What every search's reachability table shares, built by the first search that needs one.</summary>
    public PosixReachabilityShape ReachabilityShape =>
        // Two threads may both build it; either result is the same and complete when published.
        _reachabilityShape ??= new PosixReachabilityShape(Instructions);

    /// <summary>Whether <see cref="ReachabilityShape"/> has been built (for tests).</summary>
    internal bool HasReachabilityShape => _reachabilityShape is not null;

    private PosixProgram(Instruction[] instructions, PosixByteSet[] sets, int slots, bool hasAlternation)
    {
        Instructions = instructions;
        Sets = sets;
        Slots = slots;
        HasAlternation = hasAlternation;
        HasRepetition = instructions.Any(i => i.Op is Op.Repeat or Op.Loop);
        LineEnds = PosixStraightLines.Ends(instructions);
        LineAnchors = PosixStraightLines.Anchors(instructions, LineEnds);
        LoopExitsWorthRecording = PosixLoopExits.WorthRecording(instructions, LineEnds);
        ConsumingInstructions = instructions.Count(i => i.Op is Op.Char or Op.Set or Op.Match);
        // A group takes no part in a match ((x){0}y) but is still reported, as null.
        Literal = slots == 2 ? LiteralOf(instructions) : null;
    }

    private static string? LiteralOf(Instruction[] code)
    {
        // Save 0, the chars, Save 1, Match.
        if (code.Length < 4 || code[0].Op != Op.Save || code[^2] is not { Op: Op.Save, X: 1 } || code[^1].Op != Op.Match) return null;
        var chars = new char[code.Length - 3];
        for (var i = 0; i < chars.Length; i++)
        {
            if (code[i + 1].Op != Op.Char) return null;
            chars[i] = (char)code[i + 1].X;
        }
        return new string(chars);
    }

    public static PosixProgram Compile(string pattern)
    {
        var syntax = PosixParser.Parse(pattern, out var groups);
        var compiler = new Compiler();
        compiler.Emit(new Instruction(Op.Save, 0, 0));
        compiler.Emit(syntax);
        compiler.Emit(new Instruction(Op.Save, 1, 0));
        compiler.Emit(new Instruction(Op.Match, 0, 0));
        // Groups are not limited here: what their captures take at run time is (PosixCaptures).
        return new PosixProgram(compiler.Instructions.ToArray(), compiler.Sets.ToArray(), 2 * (groups + 1), compiler.HasAlternation);
    }

    private static InvalidPosixPatternException TooLarge() =>
        new($"the pattern unfolds into more than {MaxInstructions} states", exceedsMemoryLimit: true);

    /// <summary>
    /// Emits the program, refusing it as soon as it passes <see cref="MaxInstructions"/>, so a hostile bound such as
    /// <c>(a{1000}){1000}</c> stops before its memory is spent. Syntax visits are bounded as well: a repetition of
    /// something that emits nothing (<c>a{0}{99999999}</c>) would otherwise loop without growing the program.
    /// </summary>
    private sealed class Compiler
    {
        /// <summary>Twice the instructions: nearly every visit emits one (not a sequence's own, nor a bound's).
        /// libstdc++ gives nearly every node a state of its own, so Nix refuses such patterns too.</summary>
        private const int MaxVisits = 2 * MaxInstructions;

        public readonly List<Instruction> Instructions = [];
        public readonly List<PosixByteSet> Sets = [];
        private readonly Dictionary<PosixByteSet, int> _setIndex = new(ReferenceEqualityComparer.Instance);
        private int _visits;
        public bool HasAlternation;

        public int Emit(Instruction instruction)
        {
            if (Instructions.Count == MaxInstructions) throw TooLarge();
            Instructions.Add(instruction);
            return Instructions.Count - 1;
        }

        private void Patch(int at, int x, int y) => Instructions[at] = Instructions[at] with { X = x, Y = y };

        public void Emit(PosixSyntax syntax)
        {
            if (++_visits > MaxVisits) throw TooLarge();
            switch (syntax)
            {
                case PosixSyntax.Literal l:
                    Emit(new Instruction(Op.Char, l.Code, 0));
                    break;
                case PosixSyntax.Set s:
                    // By reference: an unrolled repetition emits the same set again and again.
                    if (!_setIndex.TryGetValue(s.Bytes, out var index))
                    {
                        index = Sets.Count;
                        Sets.Add(s.Bytes);
                        _setIndex.Add(s.Bytes, index);
                    }
                    Emit(new Instruction(Op.Set, index, 0));
                    break;
                case PosixSyntax.Begin:
                    Emit(new Instruction(Op.Begin, 0, 0));
                    break;
                case PosixSyntax.End:
                    Emit(new Instruction(Op.End, 0, 0));
                    break;
                case PosixSyntax.Group g:
                    Emit(new Instruction(Op.Save, 2 * g.Number, 0));
                    Emit(g.Body);
                    Emit(new Instruction(Op.Save, 2 * g.Number + 1, 0));
                    break;
                case PosixSyntax.Sequence s:
                    foreach (var item in s.Items) Emit(item);
                    break;
                case PosixSyntax.Alternation a:
                    EmitAlternation(a.Choices);
                    break;
                case PosixSyntax.Repeat r:
                    EmitRepeat(r);
                    break;
            }
        }

        private void EmitAlternation(IReadOnlyList<PosixSyntax> choices)
        {
            HasAlternation = true;
            var jumps = new List<int>();
            for (var i = 0; i < choices.Count - 1; i++)
            {
                var split = Emit(new Instruction(Op.Split, 0, 0));
                Emit(choices[i]);
                jumps.Add(Emit(new Instruction(Op.Jump, 0, 0)));
                Patch(split, split + 1, Instructions.Count);
            }
            Emit(choices[^1]);
            foreach (var jump in jumps) Patch(jump, Instructions.Count, 0);
        }

        private void EmitRepeat(PosixSyntax.Repeat r)
        {
            for (var i = 0; i < r.Min; i++) Emit(r.Body);
            if (r.Max is null)
            {
                var loop = Emit(new Instruction(Op.Loop, 0, 0));
                Emit(r.Body);
                Emit(new Instruction(Op.Jump, loop, 0));
                Patch(loop, loop + 1, Instructions.Count);
                return;
            }
            var splits = new List<int>();
            for (var i = r.Min; i < r.Max; i++)
            {
                splits.Add(Emit(new Instruction(Op.Repeat, 0, 0)));
                Emit(r.Body);
            }
            foreach (var split in splits) Patch(split, split + 1, Instructions.Count);
        }
    }
}
