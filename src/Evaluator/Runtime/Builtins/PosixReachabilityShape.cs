namespace ConfigLang.Evaluator.Runtime.Builtins;

/// <summary>
/// The parts of a <see cref="PosixReachability"/> table that depend on the program alone, built once per program
/// (<see cref="PosixProgram.ReachabilityShape"/>) rather than on every <c>split</c>: which instructions a row holds a
/// bit for, the consuming instructions, and the non-consuming edges into each instruction.
/// </summary>
internal sealed class PosixReachabilityShape
{
    /// <summary>For each instruction, its bit in a row, or -1 when rows do not hold it.</summary>
    public int[] StoredIndex { get; }

    /// <summary>How many bits a row holds.</summary>
    public int Stored { get; }

    /// <summary>The instructions that consume a character, in program order.</summary>
    public int[] Consuming { get; }

    /// <summary>The instructions that go on to instruction <c>t</c> without consuming a character are
    /// <c>Predecessors[PredecessorStart[t]..PredecessorStart[t + 1]]</c>.</summary>
    public int[] PredecessorStart { get; }

    public int[] Predecessors { get; }

    public PosixReachabilityShape(PosixProgram.Instruction[] code)
    {
        // Rows hold the instructions that start one more iteration and those after each consuming one.
        var storedIndex = new int[code.Length];
        Array.Fill(storedIndex, -1);
        var stored = 0;
        var consuming = new List<int>();
        for (var pc = 0; pc < code.Length; pc++)
        {
            var op = code[pc].Op;
            if (op is PosixProgram.Op.Repeat or PosixProgram.Op.Loop && storedIndex[code[pc].X] < 0) storedIndex[code[pc].X] = stored++;
            if (op is PosixProgram.Op.Char or PosixProgram.Op.Set)
            {
                consuming.Add(pc);
                if (storedIndex[pc + 1] < 0) storedIndex[pc + 1] = stored++;
            }
        }
        StoredIndex = storedIndex;
        Stored = stored;
        Consuming = consuming.ToArray();
        (PredecessorStart, Predecessors) = PredecessorsOf(code);
    }

    private static (int[] Start, int[] Predecessors) PredecessorsOf(PosixProgram.Instruction[] code)
    {
        var edges = new List<(int From, int To)>();
        for (var pc = 0; pc < code.Length; pc++)
        {
            var instruction = code[pc];
            switch (instruction.Op)
            {
                case PosixProgram.Op.Jump:
                    edges.Add((pc, instruction.X));
                    break;
                case PosixProgram.Op.Split or PosixProgram.Op.Repeat or PosixProgram.Op.Loop:
                    edges.Add((pc, instruction.X));
                    edges.Add((pc, instruction.Y));
                    break;
                case PosixProgram.Op.Save or PosixProgram.Op.Begin or PosixProgram.Op.End:
                    edges.Add((pc, pc + 1));
                    break;
            }
        }
        var start = new int[code.Length + 1];
        foreach (var (_, to) in edges) start[to + 1]++;
        for (var i = 0; i < code.Length; i++) start[i + 1] += start[i];
        var fill = (int[])start.Clone();
        var predecessors = new int[edges.Count];
        foreach (var (from, to) in edges) predecessors[fill[to]++] = from;
        return (start, predecessors);
    }
}
