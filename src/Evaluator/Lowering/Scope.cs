namespace ConfigLang.Evaluator.Lowering;

/// <summary>
/// A lexical scope while lowering: the names one runtime frame binds (a <c>let</c>, a
/// <c>rec</c> set, a function, the global builtins), or a <c>with</c> frame whose names are only
/// known at run time. Each scope is exactly one <see cref="Runtime.Environment"/> at run time,
/// so a variable's level is the number of scopes between its use and its binding.
/// </summary>
internal sealed class Scope
{
    private Scope(Scope? parent, Dictionary<string, int>? names, bool isWith)
    {
        Parent = parent;
        Names = names;
        IsWith = isWith;
    }

    public Scope? Parent { get; }

    public Dictionary<string, int>? Names { get; }

    public bool IsWith { get; }

    public static Scope Static(Scope? parent, Dictionary<string, int> names) => new(parent, names, false);

    public static Scope With(Scope parent) => new(parent, null, true);
}
