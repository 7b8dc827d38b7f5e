using ConfigLang.Evaluator.Runtime.Builtins;
using ConfigLang.Evaluator.Runtime.Values;

namespace ConfigLang.Modules.Tests.Evaluation;

/// <summary>
/// <c>builtins.joinWithNul "a" "b"</c> is <c>"a\0b"</c>. No program can make a string holding NUL
/// (<c>fromJSON</c> refuses <c>\u0000</c>), but a host's native builtin can, so the module types'
/// own NUL checks are tested through one.
/// </summary>
internal sealed class NulJoinBuiltin : IBuiltinProvider
{
    public static string Join(string left, string right) => $"(builtins.joinWithNul \"{left}\" \"{right}\")";

    public void Register(BuiltinRegistry registry) =>
        registry.Add("joinWithNul", 2, (i, a, s) => StringValue.Of(i.ForceStringNoContext(a[0], s) + "\0" + i.ForceStringNoContext(a[1], s)));
}
