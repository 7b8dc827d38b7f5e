using System.Collections.Concurrent;

namespace ConfigLang.Evaluator.Runtime.Values;

/// <summary>
/// An interned attribute name. Two symbols with the same name are the same object, so lookups in
/// small attribute sets compare references instead of strings.
/// </summary>
public sealed class Symbol
{
    private static readonly ConcurrentDictionary<string, Symbol> Table = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, Symbol>.AlternateLookup<ReadOnlySpan<char>> TableBySpan =
        Table.GetAlternateLookup<ReadOnlySpan<char>>();

    private Symbol(string name) => Name = name;

    public string Name { get; }

    private StringValue? _value;

    /// <summary>The name as a string value, made once: <c>attrNames</c>, <c>mapAttrs</c> and
    /// <c>zipAttrsWith</c> hand out names, and a name handed back (<c>set.${name}</c>,
    /// <c>listToAttrs</c>) is then found without hashing it again.</summary>
    public StringValue Value => _value ??= new StringValue(Name, null) { Symbol = this };

    public static Symbol Intern(string name) =>
        Table.TryGetValue(name, out var symbol) ? symbol : Table.GetOrAdd(name, static n => new Symbol(n));

    /// <summary>The symbol of some characters, without making a string of them when it exists
    /// (the names of a JSON document repeat in every object).</summary>
    public static Symbol Intern(ReadOnlySpan<char> name) =>
        TableBySpan.TryGetValue(name, out var symbol) ? symbol : Intern(name.ToString());

    /// <summary>The symbol of a string value's text (the context is not part of a name): kept in the
    /// value, so a string used as a name many times is hashed once.</summary>
    public static Symbol Intern(StringValue value) => value.Symbol ??= Intern(value.Text);

    /// <summary>The name for .NET code (messages, hosts): its bytes decoded as UTF-8 (see <see cref="ByteText"/>).</summary>
    public string ToUnicode() => ByteText.ToUnicode(Name);

    public override string ToString() => ToUnicode();

    /// <summary>Orders symbols as Nix prints attribute names: by ordinal comparison of the names.</summary>
    public static readonly IComparer<Symbol> ByName = Comparer<Symbol>.Create(static (a, b) => string.CompareOrdinal(a.Name, b.Name));
}
