using System.Runtime.InteropServices;
using ConfigLang.Evaluator.Text;

namespace ConfigLang.Evaluator.Runtime.Values;

/// <summary>
/// Collects attributes in any order and builds a sorted <see cref="AttrSetValue"/>. Later
/// additions of the same name replace earlier ones unless the caller checks <see cref="Contains"/>.
/// </summary>
public sealed class AttrSetBuilder(int capacity = 8)
{
    private Symbol[] _names = new Symbol[Math.Max(capacity, 1)];
    private Value[] _values = new Value[Math.Max(capacity, 1)];
    private SourceLocation[]? _positions;
    private int _count;
    private Dictionary<Symbol, int>? _index;
    private bool _shared;

    public int Count => _count;

    public bool Contains(Symbol name) => IndexOf(name) >= 0;

    /// <summary>Where <paramref name="name"/> was defined, if it was added with a position.</summary>
    public SourceLocation? PositionOf(Symbol name) =>
        IndexOf(name) is var index and >= 0 && _positions is not null && _positions[index].Source is not null ? _positions[index] : null;

    public void Add(string name, Value value) => Add(Symbol.Intern(name), value);

    public void Add(Symbol name, Value value, SourceLocation? position = null)
    {
        if (_shared) Unshare();
        var existing = IndexOf(name);
        if (existing >= 0)
        {
            _values[existing] = value;
            if (position is { } p) EnsurePositions()[existing] = p;
            return;
        }
        if (_count == _names.Length)
        {
            Array.Resize(ref _names, _count * 2);
            Array.Resize(ref _values, _count * 2);
            if (_positions is not null) Array.Resize(ref _positions, _count * 2);
        }
        _names[_count] = name;
        _values[_count] = value;
        if (position is { } pos) EnsurePositions()[_count] = pos;
        _index?.Add(name, _count);
        _count++;
        if (_index is null && _count > 16)
        {
            _index = new Dictionary<Symbol, int>(_count * 2);
            for (var i = 0; i < _count; i++) _index[_names[i]] = i;
        }
    }

    public AttrSetValue Build()
    {
        if (_count == 0) return AttrSetValue.Empty;
        if (_count == _names.Length && IsSorted(_names))
        {
            // Full and sorted: the set takes the arrays as they are; a later Add copies them first.
            _shared = true;
            return new AttrSetValue(_names, _values, _positions);
        }
        var names = _names.AsSpan(0, _count).ToArray();
        var values = _values.AsSpan(0, _count).ToArray();
        var positions = _positions?.AsSpan(0, _count).ToArray();
        if (!IsSorted(names))
        {
            var order = new int[_count];
            for (var i = 0; i < order.Length; i++) order[i] = i;
            var keys = (Symbol[])names.Clone();
            Array.Sort(keys, order, Symbol.ByName);
            var sortedValues = new Value[_count];
            var sortedPositions = positions is null ? null : new SourceLocation[_count];
            for (var i = 0; i < order.Length; i++)
            {
                sortedValues[i] = values[order[i]];
                if (sortedPositions is not null) sortedPositions[i] = positions![order[i]];
            }
            names = keys;
            values = sortedValues;
            positions = sortedPositions;
        }
        return new AttrSetValue(names, values, positions);
    }

    /// <summary>
    /// A set of <paramref name="count"/> names and values given in any order (<c>listToAttrs</c>, a
    /// JSON object), taking the arrays: kept as they are when the names are sorted already, else
    /// sorted once in place. Of several entries with one name, the first written is kept, or the
    /// last with <paramref name="lastWins"/>. No dictionary per entry, as <see cref="Add(Symbol, Value, SourceLocation?)"/> needs.
    /// </summary>
    public static AttrSetValue FromUnordered(Symbol[] names, Value[] values, int count, bool lastWins)
    {
        if (count == 0) return AttrSetValue.Empty;
        if (IsStrictlySorted(names.AsSpan(0, count)))
        {
            if (count < names.Length)
            {
                Array.Resize(ref names, count);
                Array.Resize(ref values, count);
            }
            return new AttrSetValue(names, values, null);
        }
        var unique = NameSort.TrySortUnique(names, values, count, lastWins);
        if (unique < 0) unique = SortUniqueFew(names, values, count, lastWins);
        if (unique < names.Length)
        {
            Array.Resize(ref names, unique);
            Array.Resize(ref values, unique);
        }
        return new AttrSetValue(names, values, null);
    }

    /// <summary><see cref="FromUnordered"/> for few names (or names that are not bytes): sorted with a comparer.</summary>
    private static int SortUniqueFew(Symbol[] names, Value[] values, int count, bool lastWins)
    {
        // Repeated names are dropped before sorting, with a dictionary: only short lists come here
        // (NameSort sorts those of 64 entries or more by key, repeats included, then drops them).
        var firstAt = new Dictionary<Symbol, int>(count);
        var unique = 0;
        for (var i = 0; i < count; i++)
        {
            ref var at = ref CollectionsMarshal.GetValueRefOrAddDefault(firstAt, names[i], out var seen);
            if (!seen)
            {
                at = unique;
                names[unique] = names[i];
                values[unique++] = values[i];
            }
            else if (lastWins)
            {
                values[at] = values[i];
            }
        }
        Array.Sort(names, values, 0, unique, Symbol.ByName);
        return unique;
    }

    /// <summary>Whether the names are in order without a repeat.</summary>
    internal static bool IsStrictlySorted(ReadOnlySpan<Symbol> names)
    {
        for (var i = 1; i < names.Length; i++)
        {
            if (ReferenceEquals(names[i - 1], names[i]) || string.CompareOrdinal(names[i - 1].Name, names[i].Name) >= 0) return false;
        }
        return true;
    }

    private void Unshare()
    {
        _names = (Symbol[])_names.Clone();
        _values = (Value[])_values.Clone();
        if (_positions is not null) _positions = (SourceLocation[])_positions.Clone();
        _shared = false;
    }

    /// <summary>Whether the names are in order (repeats allowed).</summary>
    internal static bool IsSorted(Symbol[] names)
    {
        for (var i = 1; i < names.Length; i++)
        {
            if (string.CompareOrdinal(names[i - 1].Name, names[i].Name) > 0) return false;
        }
        return true;
    }

    private int IndexOf(Symbol name)
    {
        if (_index is not null) return _index.TryGetValue(name, out var i) ? i : -1;
        for (var i = 0; i < _count; i++)
        {
            if (ReferenceEquals(_names[i], name)) return i;
        }
        return -1;
    }

    private SourceLocation[] EnsurePositions() => _positions ??= new SourceLocation[_names.Length];
}
