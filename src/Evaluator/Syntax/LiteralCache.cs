namespace ConfigLang.Evaluator.Syntax;

/// <summary>
/// Shares the string of a short literal that one parse meets more than once ("nginx", "acme",
/// "/"): a direct-mapped table keyed by a hash of the text, where a newcomer simply replaces
/// whatever was in its slot. Unlike <see cref="NameTable"/> it never grows and a miss costs
/// only the string that had to be made anyway, so unique texts (host names, paths) do not pay
/// for the sharing.
/// </summary>
internal sealed class LiteralCache
{
    /// <summary>Longer texts are rarely repeated, and comparing them costs more than it saves.</summary>
    public const int MaxLength = 32;

    private const int SlotBits = 10;

    private readonly string?[] _slots = new string?[1 << SlotBits];

    public string Get(ReadOnlySpan<char> text)
    {
        if (text.Length == 0) return "";
        if (text.Length > MaxLength) return text.ToString();
        // A few characters and the length pick the slot: hashing every character would cost
        // more than the string it saves, and a collision only costs a miss.
        var hash = (uint)text.Length * 0x9E3779B1u ^ (uint)text[0] * 0x85EBCA77u ^ (uint)text[^1] * 0xC2B2AE3Du ^
                   (uint)text[text.Length >> 1] * 0x27D4EB2Fu ^ (uint)text[(text.Length * 3) >> 2] * 0x165667B1u;
        ref var slot = ref _slots[(hash ^ (hash >> 15)) >> (32 - SlotBits)];
        if (slot is { } existing && existing.AsSpan().SequenceEqual(text)) return existing;
        var made = text.ToString();
        slot = made;
        return made;
    }
}
