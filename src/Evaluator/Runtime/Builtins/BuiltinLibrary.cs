namespace ConfigLang.Evaluator.Runtime.Builtins;

/// <summary>Registers every builtin of the language, grouped by theme (one file each).</summary>
internal static class BuiltinLibrary
{
    public static void Register(BuiltinRegistry registry)
    {
        ConstantBuiltins.Register(registry);
        FetcherBuiltins.Register(registry);
        TypeBuiltins.Register(registry);
        ArithmeticBuiltins.Register(registry);
        AttrSetBuiltins.Register(registry);
        ListBuiltins.Register(registry);
        StringBuiltins.Register(registry);
        RegexBuiltins.Register(registry);
        ControlBuiltins.Register(registry);
        FileBuiltins.Register(registry);
        SerializationBuiltins.Register(registry);
        VersionBuiltins.Register(registry);
        HashBuiltins.Register(registry);
        DerivationBuiltins.Register(registry);
        ReadFileTypeBuiltin.Register(registry);
        BreakBuiltin.Register(registry);
        ConvertHashBuiltin.Register(registry);
        FlakeRefBuiltins.Register(registry);
        StringContextBuiltins.Register(registry);
    }
}
