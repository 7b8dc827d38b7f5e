using System.Globalization;
using System.Text;
using ConfigLang.Evaluator.Runtime.Values;
using ConfigLang.Evaluator.Text;

namespace ConfigLang.Evaluator.Runtime.Builtins;

/// <summary>
/// <c>builtins.parseFlakeRef</c> and <c>builtins.flakeRefToString</c>: the text of a flake
/// reference and its attribute form, for the kinds that need no fetching to be written down:
/// <c>github:</c>/<c>gitlab:</c>/<c>sourcehut:</c> (owner/repo[/ref-or-rev]), <c>path:</c>,
/// <c>git+</c>/<c>hg+</c>/<c>tarball+</c>/<c>file+</c> URLs, and indirect ids (<c>flake:</c>).
/// Query parameters become attributes; Nix's integer and Boolean attributes are typed.
/// </summary>
internal static class FlakeRefBuiltins
{
    private static readonly string[] RepositoryTypes = ["github", "gitlab", "sourcehut"];

    private static readonly string[] IntegerAttributes = ["revCount", "lastModified"];

    private static readonly string[] BooleanAttributes = ["shallow", "submodules", "allRefs", "exportIgnore", "lfs"];

    public static void Register(BuiltinRegistry r)
    {
        r.Add("parseFlakeRef", 1, (i, a, s) => Parse(i.ForceStringNoContext(a[0], s), s));
        r.Add("flakeRefToString", 1, (i, a, s) => StringValue.Of(Format(i, i.ForceAttrs(a[0], s), s)));
    }

    private static AttrSetValue Parse(string text, SourceLocation? site)
    {
        var question = text.IndexOf('?');
        var main = question < 0 ? text : text[..question];
        var attributes = new SortedDictionary<string, Value>(StringComparer.Ordinal);
        if (question >= 0)
        {
            foreach (var pair in text[(question + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                var equals = pair.IndexOf('=');
                var name = Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]);
                var value = Uri.UnescapeDataString(equals < 0 ? "" : pair[(equals + 1)..]);
                attributes[name] = Typed(name, value, text, site);
            }
        }
        var colon = main.IndexOf(':');
        var scheme = colon < 0 ? null : main[..colon];
        var rest = colon < 0 ? main : main[(colon + 1)..];
        if (scheme is not null && RepositoryTypes.Contains(scheme))
        {
            var parts = rest.Split('/');
            if (parts.Length is < 2 or > 3 || parts.Any(p => p.Length == 0)) throw Invalid(text, site);
            attributes["type"] = StringValue.Of(scheme);
            attributes["owner"] = StringValue.Of(parts[0]);
            attributes["repo"] = StringValue.Of(parts[1]);
            if (parts.Length == 3) attributes[IsRevision(parts[2]) ? "rev" : "ref"] = StringValue.Of(parts[2]);
        }
        else if (scheme == "path" || (scheme is null && main.StartsWith('/')))
        {
            attributes["type"] = StringValue.Of("path");
            attributes["path"] = StringValue.Of(rest);
        }
        else if (scheme is not null && scheme.Split('+') is [var kind and ("git" or "hg" or "tarball" or "file"), var transport])
        {
            attributes["type"] = StringValue.Of(kind == "hg" ? "mercurial" : kind);
            attributes["url"] = StringValue.Of(transport + ":" + rest);
        }
        else if (scheme is null or "flake")
        {
            var parts = rest.Split('/');
            if (parts.Length > 3 || parts[0].Length == 0 || !parts[0].All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')) throw Invalid(text, site);
            attributes["type"] = StringValue.Of("indirect");
            attributes["id"] = StringValue.Of(parts[0]);
            foreach (var part in parts.Skip(1)) attributes[IsRevision(part) ? "rev" : "ref"] = StringValue.Of(part);
        }
        else
        {
            throw Invalid(text, site);
        }
        var builder = new AttrSetBuilder();
        foreach (var (name, value) in attributes) builder.Add(name, value);
        return builder.Build();
    }

    private static string Format(Interpreter interpreter, AttrSetValue attrs, SourceLocation? site)
    {
        var values = new SortedDictionary<string, string>(StringComparer.Ordinal);
        for (var k = 0; k < attrs.Count; k++)
        {
            var name = attrs.Names[k].Name;
            values[name] = attrs.Values[k].Force() switch
            {
                StringValue s => s.Text,
                IntValue { Value: < 0 } n => throw EvaluationException.Create(EvaluationDiagnostics.BadArguments,
                    $"negative value given for flake ref attr {name}: {n.Value}", site),
                IntValue n => n.Value.ToString(CultureInfo.InvariantCulture),
                BoolValue b => b.Value ? "1" : "0",
                var other => throw EvaluationException.Type(
                    $"flake reference attribute sets may only contain integers, Booleans, and strings, but attribute '{name}' is {other.Describe()}", site),
            };
        }
        if (!values.Remove("type", out var type)) throw EvaluationException.Create(EvaluationDiagnostics.BadArguments, "attribute 'type' is missing in call to 'fetchTree'", site);
        string main;
        if (RepositoryTypes.Contains(type))
        {
            main = $"{type}:{Take(values, "owner", type, site)}/{Take(values, "repo", type, site)}";
            if (values.Remove("rev", out var rev)) main += "/" + rev;
            else if (values.Remove("ref", out var reference)) main += "/" + reference;
        }
        else if (type == "path") main = "path:" + Take(values, "path", type, site);
        else if (type is "git" or "mercurial" or "tarball" or "file") main = (type == "mercurial" ? "hg" : type) + "+" + Take(values, "url", type, site);
        else if (type == "indirect")
        {
            main = "flake:" + Take(values, "id", type, site);
            if (values.Remove("ref", out var reference)) main += "/" + reference;
            if (values.Remove("rev", out var rev)) main += "/" + rev;
        }
        else throw EvaluationException.Create(EvaluationDiagnostics.BadArguments, $"input type '{type}' is unsupported", site);
        if (values.Count == 0) return main;
        var query = new StringBuilder(main).Append('?');
        query.AppendJoin('&', values.Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value)));
        return query.ToString();
    }

    private static string Take(SortedDictionary<string, string> values, string name, string type, SourceLocation? site) =>
        values.Remove(name, out var value) ? value
            : throw EvaluationException.Create(EvaluationDiagnostics.BadArguments, $"attribute '{name}' is missing in a '{type}' flake reference", site);

    private static Value Typed(string name, string value, string text, SourceLocation? site)
    {
        if (IntegerAttributes.Contains(name))
        {
            return long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? IntValue.Of(number) : throw Invalid(text, site);
        }
        return BooleanAttributes.Contains(name) ? BoolValue.Of(value == "1") : StringValue.Of(value);
    }

    private static bool IsRevision(string text) => text.Length == 40 && text.All(char.IsAsciiHexDigitLower);

    private static EvaluationException Invalid(string text, SourceLocation? site) =>
        EvaluationException.Create(EvaluationDiagnostics.BadArguments, $"'{text}' is not a valid flake reference", site);
}
