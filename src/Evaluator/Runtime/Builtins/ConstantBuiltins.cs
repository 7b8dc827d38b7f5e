using ConfigLang.Evaluator.Runtime.Values;

namespace ConfigLang.Evaluator.Runtime.Builtins;

/// <summary><c>currentSystem</c>, <c>nixVersion</c>, <c>langVersion</c>, <c>storeDir</c>, <c>currentTime</c>.</summary>
internal static class ConstantBuiltins
{
    public static void Register(BuiltinRegistry r)
    {
        r.AddValue("currentSystem", StringValue.Of(r.Interpreter.Options.CurrentSystem));
        r.AddValue("nixVersion", StringValue.Of("2.8.0"));
        r.AddValue("langVersion", IntValue.Of(6));
        r.AddValue("storeDir", StringValue.Of(StorePaths.StoreDirectory));
        r.AddValue("currentTime", IntValue.Of(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));
        foreach (var name in new[] { "fetchurl", "fetchTarball", "fetchGit", "fetchMercurial", "fetchTree" })
        {
            var global = name is "fetchTarball" or "fetchGit" or "fetchMercurial" or "fetchTree";
            r.Add(name, 1, (_, _, site) => throw EvaluationException.Create(EvaluationDiagnostics.Unsupported,
                $"'builtins.{name}' needs a Nix store, which ConfigLang does not have", site), global);
        }
    }
}
