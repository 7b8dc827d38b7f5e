using ConfigLang.Evaluator.Diagnostics;
using ConfigLang.Evaluator.Runtime;
using ConfigLang.Evaluator.Runtime.Values;
using ConfigLang.Evaluator.Text;
using Env = ConfigLang.Evaluator.Runtime.Environment;

namespace ConfigLang.Evaluator.Lowering.Bound;

/// <summary>A variable bound by <c>let</c>, <c>rec</c>, a function or the global scope: a fixed slot.
/// It keeps no name: nothing reads it, and a file has tens of thousands of variables.</summary>
internal sealed class VarNode(SourceText source, TextSpan span, int level, int index, Value? known = null) : Node(source, span)
{
    /// <summary>The value of a global known when lowering (a builtin), else null.</summary>
    public Value? Known => known;

    public override Value Eval(Env env)
    {
        // A global known when lowering (builtins, true, a builtin function): the frames up to the
        // global one are old and scattered in memory, and walking them was 15% of a recursiveUpdate fold.
        if (known is not null) return known;
        var e = env;
        for (var i = level; i > 0; i--) e = e.Parent!;
        var value = e.Slot(index);
        // A let binding whose thunk is made when first read (a sealed class: one compare).
        if (value is DeferredBinding deferred) value = deferred.Instantiate(e, index);
        // A virtual call: cheaper than testing for the (non-sealed) Thunk class, which walks the
        // value's class hierarchy, and most slots hold values already.
        return value.Force();
    }

    internal override SourceLocation? VariableReading(Env env, Value target)
    {
        if (known is not null) return null;
        var e = env;
        for (var i = level; i > 0; i--) e = e.Parent!;
        return ReferenceEquals(e.Slot(index), target) ? Location : null;
    }

    public override Value Delay(Env env)
    {
        if (known is not null) return known;
        var e = env;
        for (var i = level; i > 0; i--) e = e.Parent!;
        var value = e.Slot(index);
        if (value is DeferredBinding deferred) return deferred.Instantiate(e, index);
        // A let or rec frame is filled in order: a slot not filled yet gets a thunk reading it later.
        return value ?? new ExprThunk(this, env);
    }

    internal override bool TryEvalInteger(Env env, out long value)
    {
        if (Eval(env) is IntValue i)
        {
            value = i.Value;
            return true;
        }
        value = 0;
        return false;
    }

    internal override Value? ValueWithoutEvaluation(Env env) => Peek(env);

    internal override bool KeepsNoFrame => true;

    internal override bool ForcesFirst(int slot) => known is null && level == 0 && index == slot;

    // A slot of an outer frame may be one a let is still filling, which Delay answers with a thunk
    // over this frame; the function's own slots (level 0) are filled before its body runs.
    internal override bool DelaysWithoutFrame => known is not null || level == 0;

    /// <summary>The variable's value if it is already evaluated, without forcing anything; else null.</summary>
    public Value? Peek(Env env)
    {
        if (known is not null) return known;
        var e = env;
        for (var i = level; i > 0; i--) e = e.Parent!;
        return e.Slot(index)?.ValueIfEvaluated;
    }
}

/// <summary>
/// A variable no lexical scope binds, looked up at run time in the enclosing <c>with</c> scopes,
/// innermost first (each <c>with</c> frame holds its set in slot 0).
/// </summary>
internal sealed class WithVarNode(SourceText source, TextSpan span, Symbol name, int[] withLevels, Interpreter interpreter) : Node(source, span)
{
    // The name is read from the symbol, so the node does not keep the string as well.
    private readonly Symbol _symbol = name;

    // Where the set that had the name kept it last time (see AttrSetValue.TryGet with a hint): one
    // for all the with frames, since most names are searched in one (see ScopeResolver.WithLevels).
    private int _hint;

    public override Value Eval(Env env)
    {
        var e = env;
        var depth = 0;
        foreach (var level in withLevels)
        {
            while (depth < level) { e = e.Parent!; depth++; }
            var scope = interpreter.ForceAttrs(e.Slot(0), Location);
            if (scope.TryGet(_symbol, ref _hint, out var value)) return value.Force();
        }
        throw EvaluationException.Create(SyntaxDiagnostics.UndefinedVariableCode, $"undefined variable '{_symbol.Name}'", Location);
    }
}
