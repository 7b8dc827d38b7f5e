namespace ConfigLang.Evaluator.Runtime.Builtins;

/// <summary>
/// Where each instruction's straight line ends: the first instruction from it that is not a jump, a write or an
/// anchor, which a path passes through without choosing or being marked. So a path's fate there (ended on a
/// choice an earlier path took, or on a loop head whose exit it takes) is known before it writes on the way.
/// </summary>
internal static class PosixStraightLines
{
    /// <summary>For every pc, the end of its straight line (itself when it chooses or consumes); -1 when a jump
    /// cycle comes first, which the compiler does not make. Linear in the program: lines are shared
    /// (<c>(a*|a*|...)()()...</c> leads every loop's exit through one run of writes).</summary>
    public static int[] Ends(PosixProgram.Instruction[] code)
    {
        const int Unknown = -2, Following = -3;
        var ends = new int[code.Length];
        Array.Fill(ends, Unknown);
        for (var start = 0; start < code.Length; start++)
        {
            var pc = start;
            while (ends[pc] == Unknown && IsStraight(code[pc].Op))
            {
                ends[pc] = Following;
                pc = Next(code, pc);
            }
            var end = ends[pc] switch
            {
                Following => -1, // a cycle
                Unknown => pc, // a choice or a consuming instruction
                var known => known,
            };
            for (pc = start; ends[pc] == Following; pc = Next(code, pc)) ends[pc] = end;
            if (ends[pc] == Unknown) ends[pc] = pc;
        }
        return ends;
    }

    /// <summary>Flags of <see cref="Anchors"/>.</summary>
    public const byte PassesBegin = 1, PassesEnd = 2;

    /// <summary>For every pc, the anchors (<see cref="PassesBegin"/>, <see cref="PassesEnd"/>) its straight line
    /// passes before its end, so a path's death on one is known before it writes on the way; 0 for a line with a
    /// cycle. Linear in the program, as <see cref="Ends"/>.</summary>
    public static byte[] Anchors(PosixProgram.Instruction[] code, int[] ends)
    {
        var anchors = new byte[code.Length];
        var known = new bool[code.Length];
        var line = new List<int>();
        for (var start = 0; start < code.Length; start++)
        {
            if (known[start] || ends[start] < 0) continue;
            line.Clear();
            var pc = start;
            while (!known[pc] && IsStraight(code[pc].Op))
            {
                line.Add(pc);
                pc = Next(code, pc);
            }
            var passed = known[pc] ? anchors[pc] : (byte)0;
            known[pc] = true;
            for (var i = line.Count - 1; i >= 0; i--)
            {
                var op = code[line[i]].Op;
                passed |= op == PosixProgram.Op.Begin ? PassesBegin : op == PosixProgram.Op.End ? PassesEnd : (byte)0;
                anchors[line[i]] = passed;
                known[line[i]] = true;
            }
        }
        return anchors;
    }

    /// <summary>Whether a path passes <paramref name="op"/> without choosing or consuming (the machine marks no such instruction).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    internal static bool IsStraight(PosixProgram.Op op) =>
        op is PosixProgram.Op.Jump or PosixProgram.Op.Save or PosixProgram.Op.Begin or PosixProgram.Op.End;

    private static int Next(PosixProgram.Instruction[] code, int pc) =>
        code[pc].Op == PosixProgram.Op.Jump ? code[pc].X : pc + 1;
}
