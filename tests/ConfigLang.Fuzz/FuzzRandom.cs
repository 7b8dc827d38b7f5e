namespace ConfigLang.Fuzz;

/// <summary>
/// SplitMix64: a tiny generator whose sequence depends only on the seed, never on the .NET
/// version (System.Random makes no such promise), so a seed printed today reproduces tomorrow.
/// </summary>
public sealed class FuzzRandom(ulong seed)
{
    private ulong _state = seed;

    /// <summary>The generator for input <paramref name="index"/> of run <paramref name="seed"/>: independent of how many workers ran before it.</summary>
    public static FuzzRandom ForInput(long seed, long index) =>
        new(new FuzzRandom((ulong)seed * 0x9E3779B97F4A7C15UL ^ (ulong)index).NextUInt64());

    public ulong NextUInt64()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A number in [0, <paramref name="maxExclusive"/>).</summary>
    public int Next(int maxExclusive) => maxExclusive <= 1 ? 0 : (int)(NextUInt64() % (ulong)maxExclusive);

    /// <summary>A number in [<paramref name="min"/>, <paramref name="maxExclusive"/>).</summary>
    public int Next(int min, int maxExclusive) => min + Next(maxExclusive - min);

    /// <summary>True once in <paramref name="n"/> times.</summary>
    public bool OneIn(int n) => Next(n) == 0;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];
}
