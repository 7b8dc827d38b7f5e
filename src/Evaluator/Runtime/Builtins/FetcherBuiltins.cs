using ConfigLang.Evaluator.Runtime.Values;
using ConfigLang.Evaluator.Syntax;
using ConfigLang.Evaluator.Text;

namespace ConfigLang.Evaluator.Runtime.Builtins;

/// <summary>
/// <c>fetchurl</c>, <c>fetchTarball</c>, <c>fetchGit</c>, <c>fetchMercurial</c>, <c>fetchTree</c>: without a store
/// or the network they all fail, but <c>fetchurl</c> and <c>fetchTarball</c> first read their argument as Nix 2.8
/// does, so a wrong one (a string referring to a store path, an unknown attribute) gets Nix 2.8's error.
/// </summary>
internal static class FetcherBuiltins
{
    public static void Register(BuiltinRegistry r)
    {
        foreach (var name in new[] { "fetchurl", "fetchTarball", "fetchGit", "fetchMercurial", "fetchTree" })
        {
            var global = name is "fetchTarball" or "fetchGit" or "fetchMercurial" or "fetchTree";
            var readsArgument = name is "fetchurl" or "fetchTarball";
            r.Add(name, 1, (i, a, site) =>
            {
                if (readsArgument) ReadArgument(i, a[0], name, site);
                throw EvaluationException.Create(EvaluationDiagnostics.Unsupported,
                    $"'builtins.{name}' needs a Nix store, which ConfigLang does not have", site);
            }, global);
        }
    }

    /// <summary>A URL string, or a set of <c>url</c>, <c>sha256</c> and <c>name</c>: strings that may not refer to
    /// store paths, each checked at its attribute. Nix 2.8 reads the set in one pass and stops at the first wrong
    /// attribute, a bad value or an unknown name alike, so which error comes first follows its attribute order.</summary>
    private static void ReadArgument(Interpreter i, Value argument, string who, SourceLocation? site)
    {
        if (argument.Force() is not AttrSetValue attrs)
        {
            i.ForceStringNoContext(argument, site);
            return;
        }
        foreach (var index in InNixOrder(i, attrs))
        {
            var name = attrs.Names[index];
            var at = attrs.Positions is { } positions && positions[index].Source is not null ? positions[index] : site;
            if (name.Name is not ("url" or "sha256" or "name"))
            {
                throw EvaluationException.Create(EvaluationDiagnostics.BadArguments, $"unsupported argument '{name.ToUnicode()}' to '{who}'", at);
            }
            i.ForceStringNoContext(attrs.Values[index], at);
        }
        if (attrs.Get("url") is null) throw EvaluationException.Create(EvaluationDiagnostics.BadArguments, "'url' argument required", site);
    }

    /// <summary>
    /// The set's attribute indices in Nix 2.8's order (<see cref="NixStartupSymbols.Rank"/>), as far as ConfigLang can
    /// tell it: the names each source of the set's attributes creates, those sources taken in the order they were
    /// read. A source read without <c>import</c> (the evaluated file, a <c>scopedImport</c>) counts as read first.
    /// </summary>
    private static int[] InNixOrder(Interpreter i, AttrSetValue attrs)
    {
        var created = SourcesInReadOrder(i, attrs).Select(source => source.NixNamesCreated).ToArray();
        return [.. Enumerable.Range(0, attrs.Count).OrderBy(index => NixStartupSymbols.Rank(attrs.Names[index].Name, created)).ThenBy(index => index)];
    }

    private static List<SourceText> SourcesInReadOrder(Interpreter i, AttrSetValue attrs)
    {
        if (attrs.Positions is not { } positions) return [];
        var sources = positions.Where(p => p.Source is not null).Select(p => p.Source).Distinct().ToList();
        if (sources.Count < 2) return sources;
        var importOrder = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var path in i.ImportedFiles) importOrder.TryAdd(path, importOrder.Count);
        return [.. sources.OrderBy(source => importOrder.TryGetValue(source.Path, out var order) ? order : -1)];
    }
}
