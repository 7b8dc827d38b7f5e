using System.Diagnostics;
using System.Runtime.CompilerServices;
using ConfigLang.Evaluator.Text;

namespace ConfigLang.Evaluator.Runtime.Values;

/// <summary>A list. Elements are thunks or values; the array is never changed after construction.</summary>
public sealed class ListValue(Value[] items) : Value
{
    public static readonly ListValue Empty = new([]);

    public Value[] Items { get; } = items;

    public int Count => Items.Length;

    public override ValueKind Kind => ValueKind.List;

    public static ListValue Of(Value[] items) => items.Length == 0 ? Empty : new ListValue(items);

    /// <summary><c>++</c>, <c>concatLists</c>, <c>concatMap</c>: the lists one after the other. Each part is
    /// a list or a thunk forced to one already (<c>concatLists</c> passes its list's elements, without an
    /// array of the parts). The length is checked against the memory limit first (lists can share
    /// elements, so a short expression can ask for billions of slots).</summary>
    public static ListValue Concatenate(ReadOnlySpan<Value> parts, SourceLocation? site)
    {
        long total = 0;
        ListValue? last = null;
        foreach (var part in parts)
        {
            var list = Forced(part);
            total += list.Count;
            if (list.Count > 0) last = list;
        }
        // A single non-empty part is the result itself (lists never change).
        if (last is null) return Empty;
        if (last.Count == total) return last;
        MemoryLimit.EnsureList(total, 0, site);
        var items = new Value[total];
        var at = 0;
        foreach (var part in parts)
        {
            var list = Forced(part);
            Array.Copy(list.Items, 0, items, at, list.Count);
            at += list.Count;
        }
        return Of(items);
    }

    private static ListValue Forced(Value part)
    {
        Debug.Assert(part.Force() is ListValue, "the parts are forced lists");
        return Unsafe.As<ListValue>(part.Force());
    }
}
