using ConfigLang.Evaluator.Runtime.Values;
using ConfigLang.Evaluator.Text;

namespace ConfigLang.Evaluator.Runtime.Builtins;

/// <summary>
/// <c>builtins.convertHash { hash; hashAlgo ? ...; toHashFormat; }</c>: the same digest in
/// another notation ("base16", "nix32", "base64", "sri"; "base32" is a deprecated alias of
/// "nix32" and warns as Nix does).
/// </summary>
internal static class ConvertHashBuiltin
{
    public static void Register(BuiltinRegistry r) =>
        r.Add("convertHash", 1, (i, a, s) =>
        {
            var arguments = i.ForceAttrs(a[0], s, "while evaluating the argument passed to builtins.convertHash");
            var hash = i.ForceStringNoContext(arguments.Get("hash") ?? throw Missing("hash", s), s);
            var algorithm = arguments.Get("hashAlgo") is { } given ? i.ForceStringNoContext(given, s) : null;
            var format = i.ForceStringNoContext(arguments.Get("toHashFormat") ?? throw Missing("toHashFormat", s), s);
            if (format == "base32")
            {
                i.WriteTrace("warning: \"base32\" is a deprecated alias for hash format \"nix32\".");
                format = "nix32";
            }
            if (format is not ("base16" or "nix32" or "base64" or "sri"))
            {
                throw EvaluationException.Create(EvaluationDiagnostics.BadArguments,
                    $"unknown hash format '{format}', expect 'base16', 'base32', 'nix32', 'base64' or 'sri'", s);
            }
            var (name, digest) = HashText.Parse(hash, algorithm, s);
            return StringValue.Of(HashText.Format(name, digest, format));
        });

    private static EvaluationException Missing(string name, SourceLocation? site) =>
        EvaluationException.Create(EvaluationDiagnostics.MissingAttribute, $"attribute '{name}' missing", site);
}
