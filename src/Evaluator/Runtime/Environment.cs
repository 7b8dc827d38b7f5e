using System.Runtime.CompilerServices;
using ConfigLang.Evaluator.Runtime.Values;

namespace ConfigLang.Evaluator.Runtime;

/// <summary>
/// One frame of variables: the slots a <c>let</c>, <c>rec</c> set, function or <c>with</c>
/// introduces, resolved to indices before evaluation, and the enclosing frame.
/// <para>A frame of up to <see cref="MaxInlineSlots"/> slots is one object holding them inline
/// (every call, <c>let</c> and <c>with</c> makes one, so a separate array doubled the
/// allocations); a larger one, and a <c>rec</c> set's (whose slots are also the set's values),
/// keeps them in an array.</para>
/// </summary>
public abstract class Environment
{
    /// <summary>The largest frame kept inline; larger ones use an array.</summary>
    public const int MaxInlineSlots = 8;

    // Not readonly: a function whose frame no closure or thunk can keep reuses it for its next call
    // (see LambdaNode.ReusesFrame), under another parent.
    public Environment? Parent { get; private set; }

    private protected Environment(Environment? parent) => Parent = parent;

    /// <summary>Makes a frame that is no longer used a fresh one of <paramref name="size"/> empty
    /// slots under <paramref name="parent"/>: only for frames nothing else refers to.</summary>
    internal void Reset(int size, Environment? parent)
    {
        for (var i = 0; i < size; i++) Slot(i) = null!;
        Parent = parent;
    }

    /// <summary>A frame of <paramref name="size"/> empty slots.</summary>
    public static Environment Create(int size, Environment? parent) => !InlineSlotsUsable ? new ArrayFrame(new Value[size], parent) : size switch
    {
        <= 1 => new Frame1(parent),
        2 => new Frame2(parent),
        3 => new Frame3(parent),
        4 => new Frame4(parent),
        5 => new Frame5(parent),
        6 => new Frame6(parent),
        7 => new Frame7(parent),
        8 => new Frame8(parent),
        _ => new ArrayFrame(new Value[size], parent),
    };

    /// <summary>A frame of one slot holding <paramref name="value"/> (<c>with</c>, <c>inherit (e)</c>).</summary>
    public static Environment Single(Value value, Environment? parent) => new Frame1(parent) { Slot0 = value };

    // Checked at run time too, not only by a test: a runtime that laid the fields out otherwise
    // would mix up slots silently, so such a runtime gets array frames instead.
    private static readonly bool InlineSlotsUsable = InlineSlotsAreConsecutive();

    /// <summary>A frame whose slots are <paramref name="slots"/> itself (shared, not copied).</summary>
    public static Environment OverArray(Value[] slots, Environment? parent) => new ArrayFrame(slots, parent);

    /// <summary>Slot <paramref name="index"/>; null while a <c>let</c> or <c>rec</c> frame is being filled.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ref Value Slot(int index)
    {
        if (this is ArrayFrame array) return ref array.Slots[index];
        // The inline slots are consecutive fields (checked once in FrameLayout).
        return ref Unsafe.Add(ref Unsafe.As<Frame1>(this).Slot0, index);
    }

    private sealed class ArrayFrame(Value[] slots, Environment? parent) : Environment(parent)
    {
        public readonly Value[] Slots = slots;
    }

    // Each class adds one slot after its base's, so slot i is i references after Slot0.
    private class Frame1(Environment? parent) : Environment(parent) { public Value Slot0 = null!; }
    private class Frame2(Environment? parent) : Frame1(parent) { public Value Slot1 = null!; }
    private class Frame3(Environment? parent) : Frame2(parent) { public Value Slot2 = null!; }
    private class Frame4(Environment? parent) : Frame3(parent) { public Value Slot3 = null!; }
    private class Frame5(Environment? parent) : Frame4(parent) { public Value Slot4 = null!; }
    private class Frame6(Environment? parent) : Frame5(parent) { public Value Slot5 = null!; }
    private class Frame7(Environment? parent) : Frame6(parent) { public Value Slot6 = null!; }
    private sealed class Frame8(Environment? parent) : Frame7(parent) { public Value Slot7 = null!; }

    /// <summary>Whether the runtime laid the inline slots out consecutively, as <see cref="Slot"/>
    /// assumes (derived fields follow their base's); a test asserts it.</summary>
    internal static bool InlineSlotsAreConsecutive()
    {
        var frame = new Frame8(null);
        return Unsafe.ByteOffset(ref frame.Slot0, ref frame.Slot7) == 7 * IntPtr.Size
            && Unsafe.ByteOffset(ref frame.Slot0, ref frame.Slot1) == IntPtr.Size
            && Unsafe.ByteOffset(ref frame.Slot3, ref frame.Slot4) == IntPtr.Size;
    }
}
