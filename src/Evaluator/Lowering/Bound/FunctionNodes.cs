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

    public IReadOnlyList<(string Name, bool HasDefault, SourceLocation Location)>? FormalInfo =>
        Formals?.Select(f => (f.Name.Name, f.Default is not null, f.Location)).ToArray();

    public override Value Eval(Env env) => new LambdaValue(this, env);

    public override Value Delay(Env env) => new LambdaValue(this, env);
}

/// <summary><c>f a b c</c>: the function and its arguments, applied one at a time.</summary>
internal sealed class CallNode(SourceText source, TextSpan span, Node function, Node[] arguments, Interpreter interpreter) : Node(source, span)
{
    /// <summary>The builtin called, when the function is a global known when lowering (<c>toString x</c>), else null.</summary>
    public PrimOpValue? KnownPrimOp => function is VarNode { Known: PrimOpValue primOp } ? primOp : null;

    public Node[] Arguments => arguments;

    public override Value Eval(Env env)
    {
        var f = function.Eval(env);
        var site = Location;
        var i = 0;
        while (i < arguments.Length)
        {
            if (f is PrimOpValue primOp && primOp.Arity <= arguments.Length - i)
            {
                // A builtin given all its arguments at once: no partial applications in between.
                var args = new Value[primOp.Arity];
                if (primOp.ForcesItsArgumentFirst) args[0] = EvalStrictArgument(primOp, arguments[i], env, site);
                else for (var k = 0; k < args.Length; k++) args[k] = arguments[i + k].Delay(env);
                f = interpreter.CallPrimOp(primOp, args, site);
                i += args.Length;
                continue;
            }
            if (i + 1 < arguments.Length && f is LambdaValue { Code: { Formals: null, Body: LambdaNode } })
            {
                // `f a b` with `f = a: b: …`: no closure in between (see Interpreter.Call).
                f = interpreter.Call(f, arguments[i].Delay(env), arguments[i + 1].Delay(env), site);
                i += 2;
                continue;
            }
            f = interpreter.Call(f, arguments[i].Delay(env), site);
            i++;
        }
        return f;
    }

    /// <summary>The argument of a builtin that forces it first, evaluated now instead of through a
    /// thunk; a failure reads as it would have inside the builtin.</summary>
    private static Value EvalStrictArgument(PrimOpValue primOp, Node argument, Env env, SourceLocation site)
    {
        try
        {
            return argument.Eval(env);
        }
        catch (EvaluationException e) when (!e.IsStackOverflow)
        {
            throw Interpreter.BuiltinFailure(e, primOp, site);
        }
    }
}
