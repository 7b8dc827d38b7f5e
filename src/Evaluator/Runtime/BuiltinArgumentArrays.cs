using ConfigLang.Evaluator.Runtime.Values;

namespace ConfigLang.Evaluator.Runtime;

/// <summary>
/// Argument arrays lent to calls of builtins that keep no reference to them (see
/// <see cref="Builtins.ArgumentReleasingBuiltins"/>). Calls nest (forcing an argument calls other
/// builtins), so each call takes its own array off a per-arity stack and gives it back cleared when the
/// builtin returns; an array of a call that throws is simply not given back.
/// </summary>
public sealed class BuiltinArgumentArrays
{
    private const int MaxArity = 3;

    /// <summary>Enough for nesting as deep as real programs go; arrays given back beyond it are dropped.</summary>
    private const int MaxKept = 64;

    private readonly Value[][][] _free = new Value[MaxArity + 1][][];
    private readonly int[] _count = new int[MaxArity + 1];

    /// <summary>The argument array for a call of <paramref name="primOp"/>: lent when the builtin keeps
    /// none (<see cref="PrimOpValue.ReleasesItsArguments"/>), else a fresh one it may keep.</summary>
    public Value[] For(PrimOpValue primOp) => primOp.ReleasesItsArguments ? Rent(primOp.Arity) : new Value[primOp.Arity];

    /// <summary>Takes back the array of a call of <paramref name="primOp"/> that returned, if it was lent.</summary>
    public void Release(PrimOpValue primOp, Value[] args)
    {
        if (primOp.ReleasesItsArguments) Return(args);
    }

    public Value[] Rent(int arity)
    {
        if (arity > MaxArity) return new Value[arity];
        ref var count = ref _count[arity];
        return count > 0 ? _free[arity][--count] : new Value[arity];
    }

    public void Return(Value[] args)
    {
        var arity = args.Length;
        if (arity > MaxArity) return;
        // Cleared so a kept array holds no value alive.
        Array.Clear(args);
        ref var count = ref _count[arity];
        var free = _free[arity] ??= new Value[MaxKept][];
        if (count < free.Length) free[count++] = args;
    }
}
