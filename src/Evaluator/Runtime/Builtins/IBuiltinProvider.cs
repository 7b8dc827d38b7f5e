using ConfigLang.Evaluator.Runtime.Values;

namespace ConfigLang.Evaluator.Runtime.Builtins;

/// <summary>
/// The host hook: an implementation adds native functions and values to <c>builtins</c> (and,
/// if it asks, to the global scope). It runs once per <see cref="Interpreter"/>, before any code.
/// </summary>
public interface IBuiltinProvider
{
    void Register(BuiltinRegistry registry);
}

/// <summary>Where builtins are registered. A name starting with <c>__</c> is global under that
/// name and in <c>builtins</c> without the prefix (Nix's rule); <c>global: true</c> also binds
/// a plain name globally (like <c>map</c>).</summary>
public sealed class BuiltinRegistry
{
    private readonly Dictionary<string, (Value Value, bool Global)> _entries = new(StringComparer.Ordinal);

    internal BuiltinRegistry(Interpreter interpreter) => Interpreter = interpreter;

    public Interpreter Interpreter { get; }

    internal IReadOnlyDictionary<string, (Value Value, bool Global)> Entries => _entries;

    public void Add(string name, int arity, PrimOpImpl impl, bool global = false) =>
        AddValue(name, new PrimOpValue(name.StartsWith("__", StringComparison.Ordinal) ? name[2..] : name, arity, impl), global);

    /// <summary>A one-argument builtin, callable without an argument array (see <see cref="PrimOpValue.Unary"/>).</summary>
    public void Add(string name, PrimOpUnaryImpl impl, bool global = false) =>
        AddValue(name, new PrimOpValue(name.StartsWith("__", StringComparison.Ordinal) ? name[2..] : name, impl), global);

    public void AddValue(string name, Value value, bool global = false)
    {
        _entries[name.StartsWith("__", StringComparison.Ordinal) ? name[2..] : name] = (value, global);
    }
}
