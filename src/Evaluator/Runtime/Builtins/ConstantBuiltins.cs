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
    }
}
