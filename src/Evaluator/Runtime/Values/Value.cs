namespace ConfigLang.Evaluator.Runtime.Values;

/// <summary>The kinds of values, as <c>builtins.typeOf</c> distinguishes them (plus the lazy thunk).</summary>
public enum ValueKind
{
    Null, Bool, Int, Float, String, Path, List, Attrs, Lambda, PrimOp, PrimOpApp, Thunk,
}

/// <summary>
/// A runtime value. Values are immutable once built; a <see cref="Thunk"/> is the one value that
/// changes (from pending to forced). Containers (lists, attribute sets) hold either thunks or
/// already-evaluated values, so constants need no thunk allocation.
/// </summary>
public abstract class Value
{
    public abstract ValueKind Kind { get; }

    /// <summary>The weak head normal form of this value: itself, or for a thunk its forced value.</summary>
    public virtual Value Force() => this;

    /// <summary>The weak head normal form if it needs no evaluation: itself, or a forced thunk's value;
    /// null for a thunk not forced yet. Virtual, as testing for the non-sealed Thunk class walks the class hierarchy.</summary>
    internal virtual Value? ValueIfEvaluated => this;

    /// <summary>The name Nix uses in type errors ("a set", "an integer", …).</summary>
    public string Describe() => Kind switch
    {
        ValueKind.Null => "null",
        ValueKind.Bool => "a Boolean",
        ValueKind.Int => "an integer",
        ValueKind.Float => "a float",
        ValueKind.String => "a string",
        ValueKind.Path => "a path",
        ValueKind.List => "a list",
        ValueKind.Attrs => "a set",
        ValueKind.Lambda or ValueKind.PrimOp or ValueKind.PrimOpApp => "a function",
        _ => "a thunk",
    };

    /// <summary>The answer of <c>builtins.typeOf</c>.</summary>
    public string TypeOf() => Kind switch
    {
        ValueKind.Null => "null",
        ValueKind.Bool => "bool",
        ValueKind.Int => "int",
        ValueKind.Float => "float",
        ValueKind.String => "string",
        ValueKind.Path => "path",
        ValueKind.List => "list",
        ValueKind.Attrs => "set",
        ValueKind.Lambda or ValueKind.PrimOp or ValueKind.PrimOpApp => "lambda",
        _ => "thunk",
    };

    public bool IsFunction => Kind is ValueKind.Lambda or ValueKind.PrimOp or ValueKind.PrimOpApp;
}
