using ConfigLang.Evaluator.Runtime;
using ConfigLang.Evaluator.Runtime.Values;
using ConfigLang.Evaluator.Text;
using ConfigLang.Modules.Lib;

namespace ConfigLang.Modules.Resolved;

/// <summary>
/// The one Nix source behind every in-process evaluation of modules: a fixed expression that
/// yields the option library and a function from module files to <c>lib.evalModules</c>'s result.
/// The files are passed as path values, never spliced into source text; everything after
/// (<c>.config</c>, <c>lib.configlang.select</c>, …) is read and called as values.
/// </summary>
public static class ModulesDriver
{
    /// <summary>Where errors located in the driver are said to be (never shown as such: they are moved to the user's file or dropped from traces).</summary>
    public const string Name = "«configlang host»";

    private const string Text =
        "let lib = import <configlang/lib>; in " +
        "{ inherit lib; evaluate = modules: lib.evalModules { modules = modules ++ lib.configlang.builtinModules; }; }";

    /// <summary><c>lib</c> and <c>lib.evalModules</c>'s result for <paramref name="moduleFiles"/> (absolute) with the built-in modules.</summary>
    public static (AttrSetValue Lib, AttrSetValue Evaluated) Evaluate(Interpreter interpreter, string currentDirectory, IReadOnlyList<string> moduleFiles)
    {
        var driver = Nix.ForceAttrs(interpreter.Evaluate(new SourceText(Text, Name), currentDirectory));
        var modules = Nix.List([.. moduleFiles.Select(file => (Value)new PathValue(file))]);
        var evaluated = Nix.ForceAttrs(Nix.Call(interpreter, Nix.Get(driver, "evaluate")!, modules));
        return (Nix.ForceAttrs(Nix.Get(driver, "lib")!), evaluated);
    }

    /// <summary>Whether a trace frame is the driver's own (left out of what the user sees).</summary>
    public static bool IsDriverFrame(TraceFrame frame) =>
        frame.Message.Contains(Name, StringComparison.Ordinal) || frame.Location is { } at && at.Source.Path == Name;
}
