namespace ConfigLang.Evaluator.Runtime.Builtins;

/// <summary>
/// <c>builtins.break v</c>: a breakpoint for Nix's debugger. ConfigLang has no debugger, and Nix
/// without <c>--debugger</c> returns <c>v</c> unchanged, so this is the identity.
/// </summary>
internal static class BreakBuiltin
{
    public static void Register(BuiltinRegistry r) => r.Add("break", 1, (_, a, _) => a[0].Force());
}
