using System.Runtime.CompilerServices;
using ConfigLang.Evaluator.Runtime;
using ConfigLang.Evaluator.Runtime.Values;
using ConfigLang.Evaluator.Text;
using Env = ConfigLang.Evaluator.Runtime.Environment;

namespace ConfigLang.Evaluator.Lowering.Bound;

/// <summary>
/// A node of the lowered tree: variables are resolved to (level, slot) pairs, attribute paths
/// and <c>inherit</c> are desugared, and every node evaluates itself. <see cref="Eval"/> returns
/// a value in weak head normal form (never a thunk); <see cref="Delay"/> returns what a lazy
/// position holds: a constant as is, a variable's existing thunk, or a new thunk.
/// </summary>
internal abstract class Node(SourceText source, TextSpan span)
{
    public SourceText Source { get; } = source;

    public TextSpan Span { get; } = span;

    public SourceLocation Location => new(Source, Span);

    public abstract Value Eval(Env env);

    public virtual Value Delay(Env env) => new ExprThunk(this, env);

    /// <summary>
    /// The integer this expression comes to, computed without an integer value per operation
    /// (<c>${toString (8000 + i - i / 1000 * 1000)}</c>, see ConcatNode). False when it is not made of
    /// integer constants, variables and <c>+ - * /</c>, or an operation would fail: the caller then
    /// evaluates it the ordinary way. What ran here is a prefix of that evaluation, in its order,
    /// and a variable forced twice runs once, so values, errors and traces are the same.
    /// </summary>
    internal virtual bool TryEvalInteger(Env env, out long value)
    {
        value = 0;
        return false;
    }

    /// <summary>
    /// The value of this expression when it is known without evaluating anything (a constant, a
    /// variable already evaluated, integer arithmetic on such that cannot fail), else null. Computing
    /// it cannot fail, diverge or trace, so it may be done before anything asks for the value.
    /// </summary>
    internal virtual Value? ValueWithoutEvaluation(Env env) => null;

    /// <summary>
    /// True when evaluating this expression (<see cref="Eval"/>) can never keep the environment, or a
    /// frame made over it, in anything that outlives the evaluation: no closure, no thunk over it, no
    /// inner frame. A function whose body is such reuses its frame (see LambdaNode.ReusesFrame), so
    /// anything not known to be such says false, the default.
    /// </summary>
    internal virtual bool KeepsNoFrame => false;

    /// <summary>True when <see cref="Delay"/> in a function's own frame never keeps that frame: a
    /// constant, or an argument of the function (whose slot is always filled, so no thunk reads it later).</summary>
    internal virtual bool DelaysWithoutFrame => false;

    /// <summary>True when the first thing <see cref="Eval"/> does is force variable <paramref name="slot"/>
    /// of its own frame (level 0): a function whose body is such may be given its argument evaluated
    /// rather than as a thunk, when the value is known at no cost (see LambdaNode.ForcesArgumentFirst).</summary>
    internal virtual bool ForcesFirst(int slot) => false;

    /// <summary>The error for a condition or Boolean operand that is not a Boolean. A method of its own,
    /// so the nodes that throw it keep no formatting state in their frame: such a frame cannot end in a
    /// tail call, and an <c>if</c> on a 10,000-deep thunk chain was one more native frame per level.</summary>
    /// <param name="nixLocatesAt">The node at whose start Nix 2.8 reports it (the whole <c>if</c> or <c>a &amp;&amp; b</c>),
    /// or null for nowhere (<c>!e</c>); lint keeps the operand.</param>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private protected static EvaluationException NotABoolean(Value value, Node operand, Node? nixLocatesAt) =>
        EvaluationException.Type($"value is {value.Describe()} while a Boolean was expected", operand.Location)
            .LocatedByNixAt(nixLocatesAt?.StartLocation);

    /// <summary>This expression's variable that holds <paramref name="target"/> in <paramref name="env"/>, when the
    /// expression is one (or an operator on one): where Nix 2.8 places an infinite recursion. Error path only.</summary>
    internal virtual SourceLocation? VariableReading(Env env, Value target) => null;

    /// <summary>The point where this expression starts: where Nix 2.8 reports most errors of an operator or keyword.</summary>
    internal SourceLocation StartLocation => new(Source, new TextSpan(Span.Start, 0));
}

/// <summary>A thunk for an expression in an environment (the common case).</summary>
internal sealed class ExprThunk : Thunk
{
    private readonly Node _node;
    private Env? _env;

    public ExprThunk(Node node, Env env)
    {
        _node = node;
        _env = env;
    }

    public override SourceLocation? Location => _node.Location;

    /// <summary>The expression; kept once forced (only the environment is let go).</summary>
    internal Node Node => _node;

    protected override Value Compute() => _node.Eval(_env!);

    private protected override SourceLocation? VariableReading(Thunk target) => _env is null ? null : _node.VariableReading(_env, target);

    protected override void Release() => _env = null;
}

/// <summary>
/// A literal or other value known at lowering time. <paramref name="thunkedByNix"/> marks a value
/// Nix 2.8 does not have when lowering (<c>builtins.name</c>, <c>__curPos</c>): Nix delays it as a
/// thunk, which a lazily printed set or list shows as <c>&lt;CODE&gt;</c> until something forces it.
/// </summary>
internal sealed class ConstNode(SourceText source, TextSpan span, Value value, bool thunkedByNix = false) : Node(source, span)
{
    public Value Value { get; } = value;

    // What a lazy position holds: the value itself, or for a value Nix thunks, one thunk made here
    // once and reading as unevaluated until forced, so printing matches without an allocation per
    // evaluation. Every evaluation of the node shares it: once one forces it, all read as forced,
    // where each of Nix's would stay unforced (only lazy printing can tell).
    private readonly Value _delayed = thunkedByNix ? new ComputedThunk(value) : value;

    public override Value Eval(Env env) => Value;

    public override Value Delay(Env env) => _delayed;

    internal override Value? ValueWithoutEvaluation(Env env) => Value;

    internal override bool KeepsNoFrame => true;

    internal override bool DelaysWithoutFrame => true;

    internal override bool TryEvalInteger(Env env, out long value)
    {
        if (Value is IntValue i)
        {
            value = i.Value;
            return true;
        }
        value = 0;
        return false;
    }
}
