using ConfigLang.Evaluator.Runtime.Builtins;

namespace ConfigLang.Modules.Lib;

/// <summary>
/// The host hook that adds the module system to the evaluator: <c>builtins.configlangModules</c>,
/// which the embedded library (<c>import &lt;configlang/lib&gt;</c>) calls once.
/// </summary>
/// <param name="recordOrigins">See <see cref="Evaluation.ConfigurationOrigins"/>.</param>
public sealed class ModulesBuiltinProvider(bool recordOrigins = false) : IBuiltinProvider
{
    public void Register(BuiltinRegistry registry) =>
        registry.Add("configlangModules", 1, (interpreter, args, _) => NativeLibrary.Build(interpreter, args[0], recordOrigins));
}
