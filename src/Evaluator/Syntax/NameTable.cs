namespace ConfigLang.Evaluator.Syntax;

/// <summary>Interns identifier text, so that a name used a thousand times in a file is one
/// string, and looking it up allocates nothing.</summary>
internal sealed class NameTable
{
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public NameTable() => _lookup = _names.GetAlternateLookup<ReadOnlySpan<char>>();

    public string Intern(ReadOnlySpan<char> text)
    {
        if (_lookup.TryGetValue(text, out var existing)) return existing;
        var name = text.ToString();
        _names.Add(name);
        return name;
    }
}
