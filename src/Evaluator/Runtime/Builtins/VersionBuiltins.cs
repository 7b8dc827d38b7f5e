using ConfigLang.Evaluator.Runtime.Values;

namespace ConfigLang.Evaluator.Runtime.Builtins;

/// <summary><c>compareVersions</c>, <c>splitVersion</c>, <c>parseDrvName</c>, with Nix's version ordering.</summary>
internal static class VersionBuiltins
{
    public static void Register(BuiltinRegistry r)
    {
        r.Add("compareVersions", 2, (i, a, s) =>
            IntValue.Of(CompareVersions(i.ForceStringNoContext(a[0], s), i.ForceStringNoContext(a[1], s))));
        r.Add("splitVersion", 1, (i, a, s) =>
        {
            var version = i.ForceStringNoContext(a[0], s);
            var parts = new List<Value>();
            var position = 0;
            while (NextComponent(version, ref position) is { } component) parts.Add(StringValue.Of(component));
            return ListValue.Of(parts.ToArray());
        });
        r.Add("parseDrvName", 1, (i, a, s) =>
        {
            var name = i.ForceStringNoContext(a[0], s);
            var split = name.Length;
            for (var k = 0; k + 1 < name.Length; k++)
            {
                if (name[k] == '-' && !char.IsAsciiLetter(name[k + 1]))
                {
                    split = k;
                    break;
                }
            }
            var version = split < name.Length ? name[(split + 1)..] : "";
            return new AttrSetValue([Symbols.Name, Symbol.Intern("version")], [StringValue.Of(name[..split]), StringValue.Of(version)], null);
        });
    }

    /// <summary>The next component: a run of digits or of other characters, separators ('.' and '-') skipped.</summary>
    private static string? NextComponent(string s, ref int p)
    {
        while (p < s.Length && (s[p] == '.' || s[p] == '-')) p++;
        if (p >= s.Length) return null;
        var start = p;
        if (char.IsAsciiDigit(s[p]))
        {
            while (p < s.Length && char.IsAsciiDigit(s[p])) p++;
        }
        else
        {
            while (p < s.Length && !(char.IsAsciiDigit(s[p]) || s[p] == '.' || s[p] == '-')) p++;
        }
        return s[start..p];
    }

    private static bool ComponentLess(string c1, string c2)
    {
        var n1 = long.TryParse(c1, out var v1) && c1.All(char.IsAsciiDigit);
        var n2 = long.TryParse(c2, out var v2) && c2.All(char.IsAsciiDigit);
        if (n1 && n2) return v1 < v2;
        if (c1.Length == 0 && n2) return true;
        if (c1 == "pre" && c2 != "pre") return true;
        if (c2 == "pre") return false;
        if (n1) return false;
        if (n2) return true;
        return string.CompareOrdinal(c1, c2) < 0;
    }

    public static int CompareVersions(string a, string b)
    {
        int p1 = 0, p2 = 0;
        while (p1 < a.Length || p2 < b.Length)
        {
            var c1 = NextComponent(a, ref p1) ?? "";
            var c2 = NextComponent(b, ref p2) ?? "";
            if (ComponentLess(c1, c2)) return -1;
            if (ComponentLess(c2, c1)) return 1;
        }
        return 0;
    }
}
