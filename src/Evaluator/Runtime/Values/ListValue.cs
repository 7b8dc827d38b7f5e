namespace ConfigLang.Evaluator.Runtime.Values;

/// <summary>A list. Elements are thunks or values; the array is never changed after construction.</summary>
public sealed class ListValue(Value[] items) : Value
{
    public static readonly ListValue Empty = new([]);

    public Value[] Items { get; } = items;

    public int Count => Items.Length;

    public override ValueKind Kind => ValueKind.List;

    public static ListValue Of(Value[] items) => items.Length == 0 ? Empty : new ListValue(items);
}
