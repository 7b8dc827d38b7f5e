namespace ConfigLang.Evaluator.Syntax;

/// <summary>Interns identifier text, so that a name used a thousand times in a file is one
/// string, and looking it up allocates nothing. An open-addressed table of its own: a set's
/// lookup by span went through two interface calls per name, a twentieth of parsing a large file.
/// The hash is the runtime's randomized one, so no input can make its names collide on purpose.</summary>
internal sealed class NameTable
{
    private string?[] _slots = new string?[256];
    private int _count;

    public string Intern(ReadOnlySpan<char> text)
    {
        var mask = _slots.Length - 1;
        for (var i = string.GetHashCode(text) & mask; ; i = (i + 1) & mask)
        {
            var existing = _slots[i];
            if (existing is null) return Add(text.ToString(), i);
            if (existing.Length == text.Length && text.SequenceEqual(existing)) return existing;
        }
    }

    private string Add(string name, int slot)
    {
        _slots[slot] = name;
        // Kept at most half full, so a search stops soon at an empty slot.
        if (++_count * 2 > _slots.Length) Grow();
        return name;
    }

    private void Grow()
    {
        var old = _slots;
        _slots = new string?[old.Length * 2];
        var mask = _slots.Length - 1;
        foreach (var name in old)
        {
            if (name is null) continue;
            var i = string.GetHashCode(name.AsSpan()) & mask;
            while (_slots[i] is not null) i = (i + 1) & mask;
            _slots[i] = name;
        }
    }
}
