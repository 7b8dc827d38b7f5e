namespace ConfigLang.Evaluator.Runtime.Builtins;

/// <summary>
/// Bracket expressions (<c>[a-z]</c>, <c>[^]x]</c>, <c>[[:alpha:]]</c>, <c>[[.hyphen.]]</c>, <c>[[=a=]]</c>) as
/// libstdc++ reads them in extended mode with the C locale: a backslash is an ordinary character, a <c>]</c> right
/// after <c>[</c> or <c>[^</c> is literal, a <c>-</c> is literal only first or last, and no byte above 0x7F is in a class.
/// </summary>
internal static class PosixBracket
{
    /// <summary>Parses the bracket expression whose <c>[</c> is at <paramref name="open"/>; returns the index after its <c>]</c>.</summary>
    public static int Parse(string pattern, int open, out PosixSyntax.Set set)
    {
        var i = open + 1;
        var negated = i < pattern.Length && pattern[i] == '^';
        if (negated) i++;
        var bytes = new PosixByteSet();
        int? last = null; // the last single character, which may start a range
        var lastWasClass = false;
        var first = true;
        while (true)
        {
            if (i >= pattern.Length) throw Invalid("unterminated bracket expression");
            var c = pattern[i];
            if (c == ']' && !first)
            {
                i++;
                break;
            }
            if (c == '-' && !first)
            {
                i++;
                if (i < pattern.Length && pattern[i] == ']')
                {
                    // "-]": the dash is literal.
                    Push(bytes, ref last, '-');
                    i++;
                    break;
                }
                if (lastWasClass || last is null) throw Invalid("invalid range in bracket expression");
                // The end is a plain character: libstdc++ takes no collating element there.
                if (i >= pattern.Length || (pattern[i] == '[' && i + 1 < pattern.Length && pattern[i + 1] is ':' or '.' or '='))
                {
                    throw Invalid("invalid end of range in bracket expression");
                }
                int end = pattern[i++];
                if (last.Value > end) throw Invalid("invalid range in bracket expression");
                for (var b = last.Value; b <= end; b++) bytes.Add(b);
                last = null;
                lastWasClass = false;
                first = false;
                continue;
            }
            first = false;
            if (!TryTerm(pattern, ref i, out var ch, out var cls)) throw Invalid("invalid bracket expression");
            if (ch is { } single2)
            {
                Push(bytes, ref last, single2);
                lastWasClass = false;
            }
            else
            {
                if (last is { } pending) bytes.Add(pending);
                last = null;
                lastWasClass = true;
                for (var b = 0; b < 256; b++) if (cls!.Contains(b)) bytes.Add(b);
            }
        }
        if (last is { } remaining) bytes.Add(remaining);
        if (negated) bytes.Complement();
        set = new PosixSyntax.Set(bytes);
        return i;
    }

    /// <summary>One term: a character (maybe a collating element <c>[.x.]</c>) or a class (<c>[:alpha:]</c>, <c>[=a=]</c>).</summary>
    private static bool TryTerm(string pattern, ref int i, out int? single, out PosixByteSet? cls)
    {
        single = null;
        cls = null;
        var c = pattern[i];
        if (c == '[' && i + 1 < pattern.Length && pattern[i + 1] is ':' or '.' or '=')
        {
            var kind = pattern[i + 1];
            var close = pattern.IndexOf(kind, i + 2);
            if (close < 0 || close + 1 >= pattern.Length || pattern[close + 1] != ']')
            {
                throw Invalid(kind == ':' ? "unterminated character class" : "unterminated collating element");
            }
            var name = pattern[(i + 2)..close];
            i = close + 2;
            switch (kind)
            {
                case ':':
                    cls = PosixClasses.Named(name) ?? throw Invalid($"invalid character class '{name}'");
                    return true;
                case '.':
                    single = PosixClasses.CollatingElement(name) ?? throw Invalid($"invalid collating element '{name}'");
                    return true;
                default:
                    var element = PosixClasses.CollatingElement(name) ?? throw Invalid($"invalid equivalence class '{name}'");
                    cls = new PosixByteSet();
                    cls.Add(element);
                    return true;
            }
        }
        if (c == '[' && i + 1 >= pattern.Length) throw Invalid("unterminated bracket expression");
        single = c;
        i++;
        return true;
    }

    private static void Push(PosixByteSet bytes, ref int? last, int c)
    {
        if (last is { } pending) bytes.Add(pending);
        last = c;
    }

    private static InvalidPosixPatternException Invalid(string detail) => new(detail);
}
