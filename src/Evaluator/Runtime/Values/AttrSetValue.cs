using ConfigLang.Evaluator.Text;

namespace ConfigLang.Evaluator.Runtime.Values;

/// <summary>
/// An attribute set: names sorted as Nix prints them (ordinal), with their values (thunks or
/// values) and, where known, the position of each definition (for <c>unsafeGetAttrPos</c>).
/// Small sets are searched linearly by symbol reference, larger ones by binary search.
/// </summary>
public sealed class AttrSetValue : Value
{
    public static readonly AttrSetValue Empty = new([], [], null);

    private const int LinearSearchLimit = 8;

    /// <summary>Takes ownership of the arrays, which must be sorted by name without duplicates.</summary>
    public AttrSetValue(Symbol[] names, Value[] values, SourceLocation[]? positions)
    {
        Names = names;
        Values = values;
        Positions = positions;
    }

    public Symbol[] Names { get; }

    public Value[] Values { get; }

    /// <summary>Definition positions parallel to <see cref="Names"/>; null when none are known.</summary>
    public SourceLocation[]? Positions { get; }

    public int Count => Names.Length;

    public override ValueKind Kind => ValueKind.Attrs;

    public int IndexOf(Symbol name)
    {
        var names = Names;
        if (names.Length <= LinearSearchLimit)
        {
            for (var i = 0; i < names.Length; i++)
            {
                if (ReferenceEquals(names[i], name)) return i;
            }
            return -1;
        }

        var at = LowerBound(name);
        return IsAt(at, name) ? at : -1;
    }

    /// <summary>
    /// <see cref="TryGet(Symbol, out Value)"/> for a place in the code that looks up the same name
    /// again and again (<c>builtins.length</c>, <c>cfg.port</c>): <paramref name="hint"/> holds the
    /// index found last time, tried first, since the sets met there mostly have the same names in
    /// the same order (the builtins set always; a binary search over its 200 names cost 13% of a
    /// recursiveUpdate fold), then the index after it (a walk over <c>attrNames</c>). Checked against
    /// the name, so a stale hint only costs the search.
    /// </summary>
    public bool TryGet(Symbol name, ref int hint, out Value value)
    {
        var names = Names;
        var at = hint;
        if ((uint)at < (uint)names.Length && ReferenceEquals(names[at], name))
        {
            value = Values[at];
            return true;
        }
        // A walk over attrNames reads each name after the one before (set.${name} in a map or fold).
        if ((uint)(at + 1) < (uint)names.Length && ReferenceEquals(names[at + 1], name))
        {
            hint = at + 1;
            value = Values[at + 1];
            return true;
        }
        at = IndexOf(name);
        if (at < 0)
        {
            value = null!;
            return false;
        }
        hint = at;
        value = Values[at];
        return true;
    }

    public bool TryGet(Symbol name, out Value value)
    {
        var i = IndexOf(name);
        if (i < 0)
        {
            value = null!;
            return false;
        }
        value = Values[i];
        return true;
    }

    public Value? Get(Symbol name)
    {
        var i = IndexOf(name);
        return i < 0 ? null : Values[i];
    }

    public Value? Get(string name) => Get(Symbol.Intern(name));

    public SourceLocation? PositionOf(Symbol name)
    {
        var i = IndexOf(name);
        if (i < 0 || Positions is null || Positions[i].Source is null) return null;
        return Positions[i];
    }

    /// <summary><c>this // other</c>: every attribute of both, <paramref name="other"/> winning. The
    /// names are counted first so the arrays are made at their size, and when one side has every
    /// name (overriding a few attributes of a set) the result shares its name array.</summary>
    public AttrSetValue Update(AttrSetValue other)
    {
        if (other.Count == 0) return this;
        if (Count == 0) return other;
        if (other.Count <= Count / 4) return UpdateWithFew(other);
        var a = Names; var b = other.Names;
        var count = UnionCount(a, b);
        var names = count == a.Length ? a : count == b.Length ? b : new Symbol[count];
        var ownNames = names != a && names != b;
        var values = new Value[count];
        SourceLocation[]? positions = Positions is null && other.Positions is null ? null : new SourceLocation[count];
        int i = 0, j = 0, k = 0;
        while (i < a.Length || j < b.Length)
        {
            var c = Compare(a, i, b, j);
            if (c < 0)
            {
                if (ownNames) names[k] = a[i];
                ValueArray.Set(values, k, Values[i]);
                if (positions is not null && Positions is not null) positions[k] = Positions[i];
                i++;
            }
            else
            {
                if (ownNames) names[k] = b[j];
                ValueArray.Set(values, k, other.Values[j]);
                if (positions is not null && other.Positions is not null) positions[k] = other.Positions[j];
                j++;
                if (c == 0) i++;
            }
            k++;
        }
        return new AttrSetValue(names, values, positions);
    }

    /// <summary>
    /// <c>this // other</c> when <paramref name="other"/> is a few attributes (an overlay overriding
    /// packages, <c>cfg // { x = …; }</c>): each of its names is found by a binary search, and this
    /// set's attributes between them are copied in runs, rather than walking and comparing both
    /// name lists (7% of an overlay fold). When every name is already here, the names are shared.
    /// </summary>
    private AttrSetValue UpdateWithFew(AttrSetValue other)
    {
        var b = other.Names;
        Span<int> at = b.Length <= 32 ? stackalloc int[b.Length] : new int[b.Length];
        var added = 0;
        for (var j = 0; j < b.Length; j++)
        {
            at[j] = LowerBound(b[j]);
            if (!IsAt(at[j], b[j])) added++;
        }
        var count = Count + added;
        var names = added == 0 ? Names : new Symbol[count];
        var values = new Value[count];
        var positions = Positions is null && other.Positions is null ? null : new SourceLocation[count];
        int from = 0, to = 0;
        for (var j = 0; j < b.Length; j++)
        {
            CopyRun(from, at[j] - from, names, values, positions, ref to);
            from = at[j];
            if (added != 0) names[to] = b[j];
            ValueArray.Set(values, to, other.Values[j]);
            if (positions is not null && other.Positions is not null) positions[to] = other.Positions[j];
            to++;
            if (IsAt(from, b[j])) from++;
        }
        CopyRun(from, Count - from, names, values, positions, ref to);
        return new AttrSetValue(names, values, positions);
    }

    /// <summary><c>removeAttrs this [ name ]</c>: this set itself when it has no such name, else
    /// the others with their positions, copied around the one left out (the module system drops
    /// <c>_module</c> from every submodule instance's config so).</summary>
    public AttrSetValue Without(Symbol name)
    {
        var at = IndexOf(name);
        if (at < 0) return this;
        var count = Count - 1;
        if (count == 0) return Empty;
        var names = new Symbol[count];
        var values = new Value[count];
        var positions = Positions is null ? null : new SourceLocation[count];
        var to = 0;
        CopyRun(0, at, names, values, positions, ref to);
        CopyRun(at + 1, count - at, names, values, positions, ref to);
        return new AttrSetValue(names, values, positions);
    }

    /// <summary><c>removeAttrs this names</c>: this set itself when it has none of them, else the
    /// others with their positions, in arrays made at their size.</summary>
    public AttrSetValue Without(IReadOnlySet<Symbol> names)
    {
        // Each name is looked up once: the copy reads which go from here.
        Span<bool> removed = Names.Length <= 256 ? stackalloc bool[Names.Length] : new bool[Names.Length];
        var removedCount = 0;
        for (var i = 0; i < Names.Length; i++)
        {
            if (!names.Contains(Names[i])) continue;
            removed[i] = true;
            removedCount++;
        }
        if (removedCount == 0) return this;
        var count = Count - removedCount;
        if (count == 0) return Empty;
        var keptNames = new Symbol[count];
        var keptValues = new Value[count];
        var keptPositions = Positions is null ? null : new SourceLocation[count];
        var to = 0;
        var runStart = 0;
        for (var i = 0; i < Names.Length; i++)
        {
            if (!removed[i]) continue;
            CopyRun(runStart, i - runStart, keptNames, keptValues, keptPositions, ref to);
            runStart = i + 1;
        }
        CopyRun(runStart, Names.Length - runStart, keptNames, keptValues, keptPositions, ref to);
        return new AttrSetValue(keptNames, keptValues, keptPositions);
    }

    /// <summary>Copies this set's attributes <c>[from, from + length)</c> to index <paramref name="to"/> of the new arrays.</summary>
    private void CopyRun(int from, int length, Symbol[] names, Value[] values, SourceLocation[]? positions, ref int to)
    {
        if (length == 0) return;
        if (names != Names) Array.Copy(Names, from, names, to, length);
        Array.Copy(Values, from, values, to, length);
        if (positions is not null && Positions is not null) Array.Copy(Positions, from, positions, to, length);
        to += length;
    }

    /// <summary>The index of the first name not ordered before <paramref name="name"/> (<see cref="Count"/> if none).</summary>
    private int LowerBound(Symbol name)
    {
        var names = Names;
        int lo = 0, hi = names.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (!ReferenceEquals(names[mid], name) && string.CompareOrdinal(names[mid].Name, name.Name) < 0) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    private bool IsAt(int index, Symbol name) =>
        index < Names.Length && (ReferenceEquals(Names[index], name) || Names[index].Name == name.Name);

    /// <summary>How many distinct names two sorted name arrays have together.</summary>
    private static int UnionCount(Symbol[] a, Symbol[] b)
    {
        int i = 0, j = 0, count = 0;
        while (i < a.Length && j < b.Length)
        {
            var c = Compare(a, i, b, j);
            if (c <= 0) i++;
            if (c >= 0) j++;
            count++;
        }
        return count + (a.Length - i) + (b.Length - j);
    }

    /// <summary>Which of <c>a[i]</c> and <c>b[j]</c> comes first, an exhausted side last.</summary>
    private static int Compare(Symbol[] a, int i, Symbol[] b, int j)
    {
        if (i == a.Length) return 1;
        if (j == b.Length) return -1;
        return ReferenceEquals(a[i], b[j]) ? 0 : string.CompareOrdinal(a[i].Name, b[j].Name);
    }
}
