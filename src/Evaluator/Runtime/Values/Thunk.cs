using System.Runtime.CompilerServices;
using ConfigLang.Evaluator.Text;

namespace ConfigLang.Evaluator.Runtime.Values;

/// <summary>The life of a lazy value.</summary>
public enum ThunkState : byte
{
    /// <summary>Not evaluated yet.</summary>
    Pending,
    /// <summary>Being evaluated: reaching it again means infinite recursion.</summary>
    Forcing,
    /// <summary>Evaluated; the value is kept and the code released.</summary>
    Forced,
    /// <summary>Evaluation failed; forcing again reports the same error.</summary>
    Failed,
    /// <summary>Evaluated when made, since that could not fail (see <see cref="ComputedThunk"/>), but
    /// not asked for yet: it reads as not evaluated until forced.</summary>
    Computed,
}

/// <summary>
/// A suspended computation. <see cref="Force"/> runs it at most once; a thunk reached again
/// while it is being forced (a "black hole") raises <c>infinite recursion encountered</c> at the
/// expression the thunk stands for. Subclasses say what the computation is (an expression in an
/// environment, a function application, native code) without allocating a closure each.
/// </summary>
public abstract class Thunk : Value
{
    private ThunkState _state;
    // The value once forced, the error once failed: one field, since a thunk never has both
    // (every lazy value carries it; a million-element genList keeps a million of them).
    private object? _outcome;

    protected Thunk() { }

    /// <summary>A thunk holding its value already, in the <see cref="ThunkState.Computed"/> state.</summary>
    private protected Thunk(Value computed)
    {
        _state = ThunkState.Computed;
        _outcome = computed;
    }

    public override ValueKind Kind => ValueKind.Thunk;

    public ThunkState State => _state;

    /// <summary>The forced value, when <see cref="State"/> is <see cref="ThunkState.Forced"/>.</summary>
    public Value? Result => _state == ThunkState.Forced ? Unsafe.As<Value>(_outcome) : null;

    internal sealed override Value? ValueIfEvaluated => Result;

    /// <summary>The value as Nix holds it by now, for printers that never force: <see cref="Result"/>,
    /// or a global Nix computes as it starts (<see cref="StartupThunk"/>), forced here; else null.</summary>
    public virtual Value? ResultAsNixHoldsIt => Result;

    /// <summary>Where the suspended expression is, for the infinite-recursion error.</summary>
    public virtual SourceLocation? Location => null;

    public sealed override Value Force()
    {
        if (_state == ThunkState.Forced) return Unsafe.As<Value>(_outcome)!;
        return ForceSlow();
    }

    private Value ForceSlow()
    {
        switch (_state)
        {
            case ThunkState.Forcing:
                throw EvaluationException.InfiniteRecursion(Location).ReadingBlackholed(this);
            case ThunkState.Failed:
                throw Unsafe.As<EvaluationException>(_outcome)!.Rethrown();
            case ThunkState.Computed:
                _state = ThunkState.Forced;
                return Unsafe.As<Value>(_outcome)!;
        }
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack()) throw EvaluationException.StackOverflow(Location);
        _state = ThunkState.Forcing;
        try
        {
            var value = Compute();
            if (value is Thunk inner) value = inner.Force();
            _outcome = value;
            _state = ThunkState.Forced;
            Release();
            return value;
        }
        catch (EvaluationException e) when (RecordFailure(e))
        {
            // Never reached: the filter records the failure and declines, so the exception passes on
            // uncaught. Catching and rethrowing at each of thousands of nested thunks cost time in
            // proportion to the stack's depth each time (a 20,000-deep overflow took 50 s).
            throw;
        }
    }

    private bool RecordFailure(EvaluationException e)
    {
        if (e.IsStackOverflow)
        {
            // Nix retries such a thunk from a shallower stack; keep it retryable.
            _state = ThunkState.Pending;
        }
        else
        {
            if (e.Blackholed is { } blackholed)
            {
                // The innermost thunk computing is where the loop closed: Nix 2.8 places the error at the variable
                // of this thunk's expression that read the one still being computed (lint keeps that one's place).
                e.Blackholed = null;
                if (VariableReading(blackholed) is { } variable) e.LocatedByNixAt(variable);
            }
            // Nix 2.8 makes a builtin's calls (map's, genList's) without a position: an error raised at the
            // call itself (not a function, a builtin failing there) is printed without one.
            if (IsCallMadeByBuiltin && Location is { } call)
            {
                e.LocatedByNixAtIfRaisedAt(call, null);
                e.CallMadeByBuiltinAt(call);
            }
            _state = ThunkState.Failed;
            _outcome = e;
            Release();
        }
        return false;
    }

    /// <summary>Where this thunk's expression reads <paramref name="target"/> through a variable of its expression (looked up in its frame or an enclosing one), when
    /// it is that variable or an operator's operand (an error path only: see <see cref="RecordFailure"/>).</summary>
    private protected virtual SourceLocation? VariableReading(Thunk target) => null;

    /// <summary>Whether this thunk is a function call a builtin made (<see cref="Location"/> being the builtin's call site).</summary>
    private protected virtual bool IsCallMadeByBuiltin => false;

    /// <summary>Runs the suspended computation; may return another thunk, which is forced in turn.</summary>
    protected abstract Value Compute();

    /// <summary>Drops what <see cref="Compute"/> needed, so forced thunks keep no environments alive.</summary>
    protected virtual void Release() { }

    /// <summary>A thunk running native code (for hosts adding builtins).</summary>
    public static Thunk FromFunc(Func<Value> compute) => new NativeThunk(compute);

    /// <summary>A thunk standing for <c>function argument</c>.</summary>
    public static Thunk Apply(Interpreter interpreter, Value function, Value argument, SourceLocation? site = null) =>
        new ApplyThunk(interpreter, function, argument, site);
}

/// <summary>
/// A thunk whose value was computed when it was made, because that could not fail (arithmetic on
/// integers already known): it saves evaluating the expression later and keeping its frame alive,
/// yet reads as unevaluated until forced, as the thunk Nix makes there does (printing shows it).
/// </summary>
internal sealed class ComputedThunk(Value value) : Thunk(value)
{
    protected override Value Compute() => throw new InvalidOperationException("a computed thunk has its value");
}

/// <summary>A thunk computed by a delegate.</summary>
internal class NativeThunk(Func<Value> compute) : Thunk
{
    private Func<Value>? _compute = compute;

    protected override Value Compute() => _compute!();

    protected override void Release() => _compute = null;
}

/// <summary>
/// A global Nix evaluates as it starts (<c>derivation</c>, from derivation.nix): made lazily here
/// so start-up stays cheap, yet printers show its value (<see cref="Thunk.ResultAsNixHoldsIt"/>),
/// as Nix's do; computing it must not fail.
/// </summary>
internal sealed class StartupThunk(Func<Value> compute) : NativeThunk(compute)
{
    public override Value? ResultAsNixHoldsIt => Result ?? Force();
}

/// <summary>A thunk standing for a function application (<c>map f xs</c> builds one per element).</summary>
internal sealed class ApplyThunk(Interpreter interpreter, Value function, Value argument, SourceLocation? site) : Thunk
{
    /// <summary>Bytes one takes with its argument (header, six references, the state), for memory-limit estimates.</summary>
    public const int ApproximateSize = 96;

    private Value? _function = function;
    private Value? _argument = argument;

    public override SourceLocation? Location => site;

    private protected override bool IsCallMadeByBuiltin => true;

    // Through Apply (see ZipAttrThunk): the call's frame replaces this one.
    protected override Value Compute() => interpreter.Apply(_function!, _argument!, site.GetValueOrDefault());

    protected override void Release()
    {
        _function = null;
        _argument = null;
    }
}

/// <summary>A thunk standing for <c>function a b</c> (<c>mapAttrs</c>, <c>zipAttrsWith</c>).</summary>
internal sealed class Apply2Thunk(Interpreter interpreter, Value function, Value first, Value second, SourceLocation? site) : Thunk
{
    private Value? _function = function;
    private Value? _first = first;
    private Value? _second = second;

    public override SourceLocation? Location => site;

    private protected override bool IsCallMadeByBuiltin => true;

    protected override Value Compute() => interpreter.Apply(_function!, _first!, _second!, site.GetValueOrDefault());

    protected override void Release()
    {
        _function = null;
        _first = null;
        _second = null;
    }
}
