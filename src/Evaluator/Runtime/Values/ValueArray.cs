using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ConfigLang.Evaluator.Runtime.Values;

/// <summary>
/// Stores into a <c>Value[]</c> without the runtime's covariance check: since <see cref="Value"/>
/// is not sealed, every plain store into such an array calls a helper that walks the stored
/// object's type hierarchy (5% of building sets in an overlay fold). Only for arrays made as
/// <c>new Value[n]</c>, never one of a subtype seen through a <c>Value[]</c> reference.
/// </summary>
internal static class ValueArray
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Set(Value[] array, int index, Value value)
    {
        Debug.Assert(array.GetType() == typeof(Value[]), "only arrays made as Value[] skip the covariance check");
        if ((uint)index >= (uint)array.Length) ThrowIndex();
        Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(array), index) = value;
    }

    private static void ThrowIndex() => throw new IndexOutOfRangeException();
}
