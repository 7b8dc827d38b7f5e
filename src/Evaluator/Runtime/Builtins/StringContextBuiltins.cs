using ConfigLang.Evaluator.Runtime.Values;
using ConfigLang.Evaluator.Text;

namespace ConfigLang.Evaluator.Runtime.Builtins;

/// <summary>
/// String context as Nix exposes it. A context entry is stored as Nix encodes it: a plain store
/// path (the path itself), <c>=DRV</c> (the derivation and all its outputs) or <c>!OUT!DRV</c>
/// (one output). <c>getContext</c> shows them per path as <c>{ path; allOutputs; outputs; }</c>,
/// <c>appendContext</c> takes that form back, <c>unsafeDiscardOutputDependency</c> and
/// <c>addDrvOutputDependencies</c> turn <c>=DRV</c> into the plain path and back.
/// </summary>
internal static class StringContextBuiltins
{
    private static readonly Symbol PathName = Symbol.Intern("path");
    private static readonly Symbol AllOutputsName = Symbol.Intern("allOutputs");
    private static readonly Symbol OutputsName = Symbol.Intern("outputs");

    public static void Register(BuiltinRegistry r)
    {
        r.Add("getContext", 1, (i, a, s) => GetContext(i.ForceString(a[0], s)));
        r.Add("appendContext", 2, (i, a, s) =>
        {
            var str = i.ForceString(a[0], s);
            // Sorted, as every context is (its first entry is the one errors name).
            var added = ContextEntries(i, i.ForceAttrs(a[1], s), s).Distinct().Order(StringComparer.Ordinal).ToArray();
            return new StringValue(str.Text, StringValue.MergeContext(str.Context, added));
        });
        r.Add("unsafeDiscardOutputDependency", 1, (i, a, s) =>
        {
            var str = i.CoerceToStringValue(a[0], s);
            return new StringValue(str.Text, str.Context?.Select(entry => entry.StartsWith('=') ? entry[1..] : entry).Distinct().Order(StringComparer.Ordinal).ToArray());
        });
        r.Add("addDrvOutputDependencies", 1, (i, a, s) =>
        {
            var str = i.CoerceToStringValue(a[0], s);
            var context = str.Context ?? [];
            if (context.Length != 1)
            {
                throw EvaluationException.Create(EvaluationDiagnostics.BadArguments,
                    $"context of string '{str.Text}' must have exactly one element, but has {context.Length}", s);
            }
            var entry = context[0];
            if (entry.StartsWith('!'))
            {
                throw EvaluationException.Create(EvaluationDiagnostics.BadArguments,
                    $"`addDrvOutputDependencies` can only act on derivations, not on a derivation output such as '{entry[1..entry.IndexOf('!', 1)]}'", s);
            }
            if (!entry.StartsWith('=') && !entry.EndsWith(".drv", StringComparison.Ordinal))
            {
                throw EvaluationException.Create(EvaluationDiagnostics.BadArguments, $"path '{entry}' is not a derivation", s);
            }
            return new StringValue(str.Text, [entry.StartsWith('=') ? entry : "=" + entry]);
        });
    }

    private static AttrSetValue GetContext(StringValue str)
    {
        var byPath = new SortedDictionary<string, (bool Path, bool AllOutputs, SortedSet<string> Outputs)>(StringComparer.Ordinal);
        foreach (var entry in str.Context ?? [])
        {
            var path = entry.StartsWith('=') ? entry[1..] : entry.StartsWith('!') ? entry[(entry.IndexOf('!', 1) + 1)..] : entry;
            if (!byPath.TryGetValue(path, out var info)) info = (false, false, new SortedSet<string>(StringComparer.Ordinal));
            if (entry.StartsWith('=')) info.AllOutputs = true;
            else if (entry.StartsWith('!')) info.Outputs.Add(entry[1..entry.IndexOf('!', 1)]);
            else info.Path = true;
            byPath[path] = info;
        }
        var result = new AttrSetBuilder();
        foreach (var (path, info) in byPath)
        {
            var entry = new AttrSetBuilder();
            if (info.AllOutputs) entry.Add(AllOutputsName, BoolValue.True);
            if (info.Outputs.Count > 0) entry.Add(OutputsName, ListValue.Of(info.Outputs.Select(o => (Value)StringValue.Of(o)).ToArray()));
            if (info.Path) entry.Add(PathName, BoolValue.True);
            result.Add(path, entry.Build());
        }
        return result.Build();
    }

    private static IEnumerable<string> ContextEntries(Interpreter i, AttrSetValue attrs, SourceLocation? site)
    {
        for (var k = 0; k < attrs.Count; k++)
        {
            var path = attrs.Names[k].Name;
            if (!path.StartsWith(StorePaths.StoreDirectory + "/", StringComparison.Ordinal))
            {
                throw EvaluationException.Create(EvaluationDiagnostics.BadArguments, $"context key '{path}' is not a store path", site);
            }
            var info = i.ForceAttrs(attrs.Values[k], site);
            if (info.Get(PathName) is { } p && i.ForceBool(p, site)) yield return path;
            if (info.Get(AllOutputsName) is { } all && i.ForceBool(all, site))
            {
                if (!path.EndsWith(".drv", StringComparison.Ordinal))
                {
                    throw EvaluationException.Create(EvaluationDiagnostics.BadArguments,
                        $"tried to add all-outputs context of {path}, which is not a derivation, to a string", site);
                }
                yield return "=" + path;
            }
            if (info.Get(OutputsName) is { } outputs)
            {
                // Nix 2.8 refuses outputs of a non-derivation before looking at them, each at its attribute.
                var outputsPosition = info.PositionOf(OutputsName) ?? site;
                var items = i.ForceList(outputs, outputsPosition).Items;
                if (items.Length > 0 && !path.EndsWith(".drv", StringComparison.Ordinal))
                {
                    throw EvaluationException.Create(EvaluationDiagnostics.BadArguments,
                        $"Tried to add derivation output context of \"{path}\", which is not a derivation, to a string", attrs.PositionOf(attrs.Names[k]) ?? site);
                }
                foreach (var output in items) yield return $"!{i.ForceStringNoContext(output, outputsPosition)}!{path}";
            }
        }
    }
}
