using System.Runtime.CompilerServices;
using ConfigLang.Evaluator.Runtime;
using ConfigLang.Evaluator.Runtime.Values;
using ConfigLang.Evaluator.Text;
using Env = ConfigLang.Evaluator.Runtime.Environment;

namespace ConfigLang.Evaluator.Lowering.Bound;

/// <summary>One formal of a pattern, resolved: its slot is its index in <see cref="LambdaNode.Formals"/>.</summary>
internal sealed record BoundFormal(Symbol Name, Node? Default, SourceLocation Location);

/// <summary>
/// A function. Its frame holds the formals first (in pattern order), then the whole argument
/// when it is named (<c>x:</c> or <c>args@{…}:</c>).
/// </summary>
internal sealed class LambdaNode(SourceText source, TextSpan span) : Node(source, span)
{
    public string? Name { get; set; }

    public string? ArgName { get; set; }

    /// <summary>Null for a plain <c>x:</c> function.</summary>
    public BoundFormal[]? Formals { get; set; }

    private int[]? _formalHints;

    /// <summary>Per formal, where the last argument set had it (see AttrSetValue.TryGet with a hint):
    /// a module function is called with sets of the same names each time.</summary>
    public int[] FormalHints => _formalHints ??= new int[Formals!.Length];

    public bool Ellipsis { get; set; }

    public int ArgSlot { get; set; }

    public int FrameSize { get; set; }

    /// <summary>For a curried function sharing the frame layout of the one around it (see
    /// LambdaFrame): how many slots its call copies from the frame it closes over; 0 otherwise.</summary>
    public int CopiedSlots { get; set; }

    public Node Body { get; set; } = null!;

    /// <summary>
    /// Whether a call's frame may serve the next call once this one returns: nothing in the body can
    /// keep it (see <see cref="Node.KeepsNoFrame"/>) and no default of a formal is delayed in it.
    /// A call takes the spare frame if there is one (none while another call of the function is
    /// running: recursion, or re-entry through forcing an argument) and gives its frame back when
    /// it returns; a call that fails drops it.
    /// </summary>
    public bool ReusesFrame { get; private set; }

    private Env? _spareFrame;

    /// <summary>A frame for a call of this function, a spare one if there is one (see <see cref="ReusesFrame"/>).</summary>
    internal Env CreateFrame(Env? parent)
    {
        if (ReusesFrame && Interlocked.Exchange(ref _spareFrame, null) is { } spare)
        {
            spare.Reset(0, parent); // its slots were emptied when it was given back
            return spare;
        }
        return Env.Create(FrameSize, parent);
    }

    /// <summary>The frame of a call that returned, kept for the next call; only when <see cref="ReusesFrame"/>.</summary>
    internal void GiveBackFrame(Env frame)
    {
        // Emptied now, so the values of this call are not kept alive until the next.
        frame.Reset(FrameSize, null);
        Volatile.Write(ref _spareFrame, frame);
    }

    /// <summary>
    /// Whether the body's first step is to force the argument (<c>n: if n < 2 …</c>): a call may then
    /// pass an argument whose value is known at no cost (<c>fib (n - 1)</c>) as that value rather
    /// than a thunk of it, since the thunk would be forced before anything could see it unforced.
    /// </summary>
    public bool ForcesArgumentFirst { get; private set; }

    /// <summary>Decides <see cref="ReusesFrame"/> and <see cref="ForcesArgumentFirst"/>, once the body and formals are bound.</summary>
    internal void DecideCallShape()
    {
        ReusesFrame = Body.KeepsNoFrame && (Formals is null || Array.TrueForAll(Formals, formal => formal.Default is null or ConstNode));
        ForcesArgumentFirst = Formals is null && Body.ForcesFirst(ArgSlot);
    }

    public IReadOnlyList<(string Name, bool HasDefault, SourceLocation Location)>? FormalInfo =>
        Formals?.Select(f => (f.Name.Name, f.Default is not null, f.Location)).ToArray();

    public override Value Eval(Env env) => new LambdaValue(this, env);

    public override Value Delay(Env env) => new LambdaValue(this, env);
}

/// <summary><c>f a b c</c>: the function and its arguments, applied one at a time.</summary>
internal sealed class CallNode(SourceText source, TextSpan span, Node function, Node[] arguments, Interpreter interpreter) : Node(source, span)
{
    /// <summary>The builtin called, when the function is a global known when lowering (<c>toString x</c>), else null.</summary>
    public PrimOpValue? KnownPrimOp => function switch
    {
        VarNode { Known: PrimOpValue primOp } => primOp,
        ConstNode { Value: PrimOpValue primOp } => primOp, // builtins.name (see Binder.KnownAttribute)
        _ => null,
    };

    public Node[] Arguments => arguments;

    // The arguments are delayed in the caller's frame, but the only argument of a builtin that forces
    // it first is evaluated (`toString (i * 2)`).
    internal override bool KeepsNoFrame => function.KeepsNoFrame
        && (KnownPrimOp is { ForcesItsArgumentFirst: true } && arguments.Length == 1
            ? arguments[0].KeepsNoFrame
            : Array.TrueForAll(arguments, argument => argument.DelaysWithoutFrame));

    public override Value Eval(Env env)
    {
        var f = function.Eval(env);
        var site = Location;
        var i = 0;
        while (i < arguments.Length)
        {
            if (f is PrimOpValue primOp && primOp.Arity <= arguments.Length - i)
            {
                // A builtin given all its arguments at once: no partial applications in between. The
                // last application of the node is a tail call (here and below): the call's frame takes
                // the place of this one, one native frame less per level of a deep thunk chain.
                if (primOp.Arity == arguments.Length - i) return CallBuiltin(primOp, i, env, site);
                f = CallBuiltin(primOp, i, env, site);
                i += primOp.Arity;
                continue;
            }
            if (i + 1 < arguments.Length && f is LambdaValue { Code: { Formals: null, Body: LambdaNode } })
            {
                // `f a b` with `f = a: b: …`: no closure in between (see Interpreter.Apply).
                var first = arguments[i].Delay(env);
                var second = arguments[i + 1].Delay(env);
                if (i + 2 == arguments.Length) return interpreter.Apply(f, first, second, site);
                f = interpreter.Apply(f, first, second, site);
                i += 2;
                continue;
            }
            var node = arguments[i];
            var argument = f is LambdaValue { Code.ForcesArgumentFirst: true } ? node.ValueWithoutEvaluation(env) ?? node.Delay(env) : node.Delay(env);
            if (i + 1 == arguments.Length) return interpreter.Apply(f, argument, site);
            f = interpreter.Apply(f, argument, site);
            i++;
        }
        return f;
    }

    /// <summary>
    /// Calls <paramref name="primOp"/> on the arguments from <paramref name="first"/> on. Kept out of
    /// <see cref="Eval"/> so the loop that calls lambdas stays as small as it was. Either way is a tail
    /// call (all the parameters fit in registers), so on a thunk chain 10,000 deep (recursiveUpdate's
    /// <c>isAttrs lhs</c>, <c>elemAt values 1</c>) the builtin's frame takes the place of the node's.
    /// </summary>
    private Value CallBuiltin(PrimOpValue primOp, int first, Env env, SourceLocation site) =>
        primOp.ForcesItsArgumentFirst ? CallOnEvaluatedArgument(primOp, arguments[first], env, site) : CallOnDelayedArguments(primOp, first, env, site);

    /// <summary>The arguments as thunks: without an array for a builtin with a one-argument implementation,
    /// else in one lent when the builtin keeps none (see BuiltinArgumentArrays). No handler of its own, so
    /// its call of Interpreter.CallPrimOp, the guard around the builtin's code, is a tail call.</summary>
    private Value CallOnDelayedArguments(PrimOpValue primOp, int first, Env env, SourceLocation site)
    {
        if (primOp.Unary is not null) return interpreter.CallPrimOp(primOp, arguments[first].Delay(env), site);
        var args = interpreter.ArgumentArrays.For(primOp);
        for (var k = 0; k < args.Length; k++) ValueArray.Set(args, k, arguments[first + k].Delay(env));
        return interpreter.CallPrimOp(primOp, args, site);
    }

    /// <summary>
    /// A builtin that forces its one argument first (only one-argument builtins do, see StrictBuiltins),
    /// given it evaluated rather than as a thunk. The evaluation runs under the builtin's handler, so a
    /// failure there reads as it would have inside the builtin. This repeats Interpreter.CallPrimOp's
    /// guard rather than calling it: the JIT makes no tail call from a method with a handler, so calling
    /// the guard would be one more native frame per level while the builtin runs (a chain of
    /// <c>head [ … ]</c> measured 6 native frames per level that way, 5 with the guard repeated here).
    /// </summary>
    private Value CallOnEvaluatedArgument(PrimOpValue primOp, Node argument, Env env, SourceLocation site)
    {
        try
        {
            var value = argument.Eval(env);
            // Not reported as the builtin's failure (the filter lets it pass), as in Interpreter.CallPrimOp.
            if (!RuntimeHelpers.TryEnsureSufficientExecutionStack()) throw EvaluationException.StackOverflow(site);
            if (primOp.Unary is not null) return primOp.Unary(interpreter, value, site);
            var args = interpreter.ArgumentArrays.For(primOp);
            ValueArray.Set(args, 0, value);
            var result = primOp.Impl(interpreter, args, site);
            interpreter.ArgumentArrays.Release(primOp, args);
            return result;
        }
        catch (EvaluationException e) when (!e.IsStackOverflow)
        {
            throw Interpreter.BuiltinFailure(e, primOp, site);
        }
    }
}
