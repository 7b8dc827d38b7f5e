using System.Collections.Concurrent;

namespace ConfigLang.Evaluator.Runtime.Values;

/// <summary>
/// An interned attribute name. Two symbols with the same name are the same object, so lookups in
/// small attribute sets compare references instead of strings.
/// </summary>
public sealed class Symbol
{
    private static readonly ConcurrentDictionary<string, Symbol> Table = new(StringComparer.Ordinal);

    private Symbol(string name) => Name = name;

    public string Name { get; }

    public static Symbol Intern(string name) =>
        Table.TryGetValue(name, out var symbol) ? symbol : Table.GetOrAdd(name, static n => new Symbol(n));

    public override string ToString() => Name;

    /// <summary>Orders symbols as Nix prints attribute names: by ordinal comparison of the names.</summary>
    public static readonly IComparer<Symbol> ByName = Comparer<Symbol>.Create(static (a, b) => string.CompareOrdinal(a.Name, b.Name));
}
