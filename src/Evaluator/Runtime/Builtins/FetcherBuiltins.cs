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
        foreach (var index in InNixOrder(attrs))
        {
            var name = attrs.Names[index];
            var at = attrs.PositionOf(name) ?? site;
            if (name.Name is not ("url" or "sha256" or "name"))
            {
                throw EvaluationException.Create(EvaluationDiagnostics.BadArguments, $"unsupported argument '{name.ToUnicode()}' to '{who}'", at);
            }
            i.ForceStringNoContext(attrs.Values[index], at);
        }
        if (attrs.Get("url") is null) throw EvaluationException.Create(EvaluationDiagnostics.BadArguments, "'url' argument required", site);
    }

    /// <summary>
    /// The set's attribute indices in Nix 2.8's order, as far as ConfigLang can tell it. Nix orders a set by symbol
    /// creation: names it makes at start-up (<c>name</c>, <c>type</c>) first, then names as its parser first met
    /// them. Here a name's definition stands for its first meeting, which is right unless the name occurred
    /// earlier in the file (<c>let url = …; in fetchurl { foo = 1; url = 2; }</c> reports <c>foo</c>, Nix the
    /// <c>url</c>). Names without a position (built by a builtin) come last, by name.
    /// </summary>
    private static int[] InNixOrder(AttrSetValue attrs)
    {
        var order = new int[attrs.Count];
        for (var k = 0; k < order.Length; k++) order[k] = k;
        Array.Sort(order, (a, b) =>
        {
            var byStartup = (NixStartupSymbols.Rank(attrs.Names[a].Name) ?? int.MaxValue).CompareTo(NixStartupSymbols.Rank(attrs.Names[b].Name) ?? int.MaxValue);
            if (byStartup != 0) return byStartup;
            var byDefinition = DefinitionOffset(attrs, a).CompareTo(DefinitionOffset(attrs, b));
            return byDefinition != 0 ? byDefinition : a.CompareTo(b);
        });
        return order;
    }

    private static int DefinitionOffset(AttrSetValue attrs, int index) =>
        attrs.PositionOf(attrs.Names[index]) is { } position ? position.Span.Start : int.MaxValue;
}
