using ConfigLang.Evaluator.Runtime.Values;
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
    /// store paths, each checked at its attribute (<c>url</c>, <c>sha256</c>, <c>name</c> in turn, as Nix 2.8 met them).</summary>
    private static void ReadArgument(Interpreter i, Value argument, string who, SourceLocation? site)
    {
        if (argument.Force() is not AttrSetValue attrs)
        {
            i.ForceStringNoContext(argument, site);
            return;
        }
        foreach (var known in new[] { "url", "sha256", "name" })
        {
            if (attrs.Get(known) is { } value) i.ForceStringNoContext(value, attrs.PositionOf(Symbol.Intern(known)) ?? site);
        }
        foreach (var name in attrs.Names)
        {
            if (name.Name is "url" or "sha256" or "name") continue;
            throw EvaluationException.Create(EvaluationDiagnostics.BadArguments, $"unsupported argument '{name.ToUnicode()}' to '{who}'",
                attrs.PositionOf(name) ?? site);
        }
        if (attrs.Get("url") is null) throw EvaluationException.Create(EvaluationDiagnostics.BadArguments, "'url' argument required", site);
    }
}
