using System.Runtime.CompilerServices;

namespace ConfigLang.Evaluator.Syntax;

/// <summary>
/// The items of a node's list as a span. The parser stores every list as an exact-size array
/// behind <see cref="IReadOnlyList{T}"/>; reading an array through that interface is a
/// virtual-stub call per item, which made the parse-time checks several times slower whenever
/// the JIT had no profile to devirtualize it. Lists built otherwise (in tests) are copied.
/// The test is an exact type comparison: a cast to an array of a non-sealed type goes through
/// the runtime's cast helper, which alone took 3 % of the checks.
/// </summary>
internal static class NodeLists
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ReadOnlySpan<T> Items<T>(IReadOnlyList<T> list) where T : class =>
        list.GetType() == typeof(T[]) ? Unsafe.As<T[]>(list) : [.. list];
}
