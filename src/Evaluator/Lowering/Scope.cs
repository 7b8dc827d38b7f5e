using ConfigLang.Evaluator.Runtime.Values;

namespace ConfigLang.Evaluator.Lowering;

/// <summary>
/// The frames around a whole file, which the file's text does not show: the global builtins,
/// and the names <c>scopedImport</c> adds in front of them. Each scope is exactly one
/// <see cref="Runtime.Environment"/> at run time, so a variable's level is the number of frames
/// between its use and its binding. (Inside a file, <see cref="ScopeResolver"/> keeps the frames.)
/// </summary>
internal sealed class Scope
{
    /// <summary>The names looked up from this scope, remembered: every file looks up the same few
    /// builtins many times. (A scope's names are complete when it is created, so an answer never changes.)</summary>
    private Dictionary<string, Resolution>? _resolved;

    private Scope(Scope? parent, Dictionary<string, int> names, Value[]? fixedValues)
    {
        Parent = parent;
        Names = names;
        _fixedValues = fixedValues;
    }

    /// <summary>The frame's values when they never change (the global frame), else null.</summary>
    private readonly Value[]? _fixedValues;

    public Scope? Parent { get; }

    public Dictionary<string, int> Names { get; }

    public static Scope Static(Scope? parent, Dictionary<string, int> names) => new(parent, names, null);

    /// <summary>The global frame: its slots hold <paramref name="values"/> for good, so a use of one that
    /// is not a thunk is that value (<c>builtins.head</c> need not walk every frame up to it).</summary>
    public static Scope Global(Dictionary<string, int> names, Value[] values) => new(null, names, values);

    /// <summary>Where a name is bound, seen from a frame: <see cref="Level"/> frames up in slot
    /// <see cref="Index"/>; or, when <see cref="Index"/> is -1, perhaps in one of the <c>with</c>
    /// frames <see cref="WithLevels"/> up (innermost first), or nowhere when that is null.
    /// <see cref="Known"/> is the value when it is fixed already (a global that is not a thunk).</summary>
    public readonly record struct Resolution
    {
        /// <summary><see cref="WithLevels"/> or <see cref="Known"/> (never both: one is for a name found in
        /// no frame, the other for one found in a slot), in one field so every identifier's answer is 16 bytes.</summary>
        private readonly object? _found;

        public Resolution(int level, int index, int[]? withLevels, Value? known = null)
        {
            System.Diagnostics.Debug.Assert(withLevels is null || known is null);
            Level = level;
            Index = index;
            _found = (object?)withLevels ?? known;
        }

        public int Level { get; init; }

        public int Index { get; }

        public int[]? WithLevels => _found as int[];

        public Value? Known => _found as Value;
    }

    public Resolution Resolve(string name)
    {
        if (_resolved is not null && _resolved.TryGetValue(name, out var known)) return known;
        var resolution = Search(name);
        (_resolved ??= new Dictionary<string, Resolution>(StringComparer.Ordinal))[name] = resolution;
        return resolution;
    }

    private Resolution Search(string name)
    {
        var level = 0;
        for (var s = this; s is not null; s = s.Parent, level++)
        {
            if (s.Names.TryGetValue(name, out var index))
            {
                return new Resolution(level, index, null, s._fixedValues?[index] is { } value and not Thunk ? value : null);
            }
        }
        return new Resolution(0, -1, null);
    }
}
