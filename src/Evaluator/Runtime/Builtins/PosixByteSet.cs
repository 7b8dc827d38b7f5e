namespace ConfigLang.Evaluator.Runtime.Builtins;

/// <summary>A set of bytes (0–255) as 256 bits: what a bracket expression or class takes.</summary>
internal sealed class PosixByteSet
{
    private readonly ulong[] _bits = new ulong[4];

    public bool Contains(int b) => (uint)b < 256 && (_bits[b >> 6] & (1UL << (b & 63))) != 0;

    public void Add(int b) => _bits[b >> 6] |= 1UL << (b & 63);

    public void Add(Func<int, bool> predicate)
    {
        for (var b = 0; b < 256; b++) if (predicate(b)) Add(b);
    }

    public void Complement()
    {
        for (var i = 0; i < _bits.Length; i++) _bits[i] = ~_bits[i];
    }

    public static PosixByteSet Of(Func<int, bool> predicate)
    {
        var set = new PosixByteSet();
        set.Add(predicate);
        return set;
    }
}
