using System.Runtime.InteropServices;

namespace ConfigLang.Evaluator.Runtime.Values;

/// <summary>
/// An interned attribute name. Two symbols with the same name are the same object, so lookups in
/// small attribute sets compare references instead of strings.
/// </summary>
public sealed class Symbol
{
    // A plain dictionary behind a lock rather than a ConcurrentDictionary: growing that one makes
    // a new node for every entry each time (listToAttrs of 100,000 new names spent 8% there), and
    // lookups of hot names do not reach the table anyway (see Intern(StringValue)).
    private static readonly Dictionary<string, Symbol> Table = new(1024, StringComparer.Ordinal);
    private static readonly Dictionary<string, Symbol>.AlternateLookup<ReadOnlySpan<char>> TableBySpan =
        Table.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly Lock Gate = new();

    private Symbol(string name) => Name = name;

    public string Name { get; }

    private StringValue? _value;

    /// <summary>The name as a string value, made once: <c>attrNames</c>, <c>mapAttrs</c> and
    /// <c>zipAttrsWith</c> hand out names, and a name handed back (<c>set.${name}</c>,
    /// <c>listToAttrs</c>) is then found without hashing it again.</summary>
    public StringValue Value => _value ??= new StringValue(Name, null) { Symbol = this };

    public static Symbol Intern(string name)
    {
        lock (Gate)
        {
            ref var symbol = ref CollectionsMarshal.GetValueRefOrAddDefault(Table, name, out _);
            return symbol ??= new Symbol(name);
        }
    }

    /// <summary>The symbol of some characters, without making a string of them when it exists
    /// (the names of a JSON document repeat in every object).</summary>
    public static Symbol Intern(ReadOnlySpan<char> name)
    {
        lock (Gate)
        {
            if (TableBySpan.TryGetValue(name, out var symbol)) return symbol;
            symbol = new Symbol(name.ToString());
            Table.Add(symbol.Name, symbol);
            return symbol;
        }
    }

    /// <summary>
    /// Makes room for <paramref name="count"/> more names at once, before a builtin interns that
    /// many (<c>listToAttrs</c> of a generated list): growing by doubling instead copied the table
    /// (some megabytes at 100,000 names) several times over. Returns the room there was, for
    /// <see cref="ReleaseUnusedRoom"/> once the names are interned.
    /// </summary>
    public static int Reserve(int count)
    {
        lock (Gate)
        {
            var before = Table.Capacity;
            Table.EnsureCapacity((int)Math.Min((long)Table.Count + count, Array.MaxLength));
            return before;
        }
    }

    /// <summary>
    /// After <see cref="Reserve"/>: gives back the room the names did not take when more is left
    /// than doubling would have made. The table never shrinks otherwise, and input can list a known
    /// or repeated name by the hundred thousand: without this, such a list kept room for as many
    /// names in the process for good. Names that took the room (new ones) keep it.
    /// </summary>
    public static void ReleaseUnusedRoom(int roomBefore)
    {
        lock (Gate)
        {
            var needed = Math.Max(roomBefore, Table.Count);
            if (Table.Capacity > 2L * needed) Table.TrimExcess(needed);
        }
    }

    /// <summary>The room the table has for names (tests check what input makes it keep).</summary>
    internal static int Capacity
    {
        get { lock (Gate) return Table.Capacity; }
    }

    /// <summary>How many names the table holds.</summary>
    internal static int Count
    {
        get { lock (Gate) return Table.Count; }
    }

    /// <summary>The symbol of a string value's text, kept in the value, so a string used as a name many
    /// times is hashed once. For a string without context: callers refuse the others first, as Nix
    /// does (<see cref="Interpreter.ForceSymbol"/>).</summary>
    public static Symbol Intern(StringValue value) => value.Symbol ??= Intern(value.Text);

    /// <summary>The name for .NET code (messages, hosts): its bytes decoded as UTF-8 (see <see cref="ByteText"/>).</summary>
    public string ToUnicode() => ByteText.ToUnicode(Name);

    public override string ToString() => ToUnicode();

    /// <summary>Orders symbols as Nix prints attribute names: by ordinal comparison of the names.</summary>
    public static readonly IComparer<Symbol> ByName = Comparer<Symbol>.Create(static (a, b) => string.CompareOrdinal(a.Name, b.Name));
}
