using ConfigLang.Evaluator.Lowering.Bound;
using ConfigLang.Evaluator.Text;

namespace ConfigLang.Evaluator.Runtime.Values;

/// <summary>A user function (closure): its code and the environment it was created in.</summary>
public sealed class LambdaValue : Value
{
    internal LambdaValue(LambdaNode code, Environment environment)
    {
        Code = code;
        Environment = environment;
    }

    internal LambdaNode Code { get; }

    internal Environment Environment { get; }

    public override ValueKind Kind => ValueKind.Lambda;

    /// <summary>The name it was bound to (<c>f = x: …</c>), for error traces.</summary>
    public string? Name => Code.Name;

    public SourceLocation Location => Code.Location;

    /// <summary>The formal parameters of a <c>{ a, b ? 1 }:</c> pattern: name and whether it has a default; null for <c>x:</c>.</summary>
    public IReadOnlyList<(string Name, bool HasDefault, SourceLocation Location)>? Formals => Code.FormalInfo;

    /// <summary>How many formal parameters the pattern has (0 for <c>x:</c>); with <see cref="FormalName"/>,
    /// the names without building a list per call (the module system asks once per module instance).</summary>
    public int FormalCount => Code.Formals?.Length ?? 0;

    /// <summary>The name of formal parameter <paramref name="index"/>, in pattern order.</summary>
    public Symbol FormalName(int index) => Code.Formals![index].Name;
}

/// <summary>How a builtin is implemented: it receives the interpreter, its arguments (unforced)
/// and the location of the call.</summary>
public delegate Value PrimOpImpl(Interpreter interpreter, Value[] args, SourceLocation? site);

/// <summary>How a one-argument builtin may be implemented: its argument (unforced) without an array around it.</summary>
public delegate Value PrimOpUnaryImpl(Interpreter interpreter, Value argument, SourceLocation? site);

/// <summary>A builtin function of a fixed arity.</summary>
public sealed class PrimOpValue(string name, int arity, PrimOpImpl impl) : Value
{
    /// <summary>A one-argument builtin that can also be called without an argument array (see <see cref="Unary"/>).</summary>
    public PrimOpValue(string name, PrimOpUnaryImpl unary) : this(name, 1, (interpreter, args, site) => unary(interpreter, args[0], site)) =>
        Unary = unary;

    /// <summary>The builtin called on its one argument directly, when it was registered so (<c>head</c>,
    /// <c>length</c>, <c>isAttrs</c>…): a call in the code needs no array for the argument (a lent one,
    /// on a thunk chain thousands deep, is one not used for long, and one more store the GC tracks).</summary>
    internal PrimOpUnaryImpl? Unary { get; }

    public string Name { get; } = name;

    public int Arity { get; } = arity;

    /// <summary>True when the builtin forces its only argument before anything else, so a call
    /// may pass the argument evaluated rather than as a thunk.</summary>
    public bool ForcesItsArgumentFirst { get; } = Builtins.StrictBuiltins.ForcesItsArgumentFirst(name, arity);

    /// <summary>True when the builtin keeps no reference to its argument array once it returns, so the
    /// array may be lent for the call (see <see cref="BuiltinArgumentArrays"/>).</summary>
    public bool ReleasesItsArguments { get; } = Builtins.ArgumentReleasingBuiltins.ReleasesItsArguments(name);

    public PrimOpImpl Impl { get; } = impl;

    public override ValueKind Kind => ValueKind.PrimOp;
}

/// <summary>A builtin applied to fewer arguments than it takes.</summary>
public sealed class PrimOpAppValue(PrimOpValue primOp, Value[] args) : Value
{
    public PrimOpValue PrimOp { get; } = primOp;

    public Value[] Args { get; } = args;

    public override ValueKind Kind => ValueKind.PrimOpApp;
}
