using ConfigLang.Evaluator.Runtime;
using ConfigLang.Evaluator.Runtime.Values;
using ConfigLang.Modules.Evaluation;
using ConfigLang.Modules.Lib;
using ConfigLang.Modules.Options;

namespace ConfigLang.Modules.Types;

/// <summary>
/// <c>deferredModule</c>: a module kept for a later evaluation; the definitions merge into
/// <c>{ imports = [ … ]; }</c>, each located as "FILE, via option LOC".
/// </summary>
public sealed class DeferredModuleType(ModuleSystem system, IReadOnlyList<Value> staticModules) : OptionType
{
    public override string Name => "deferredModule";

    public override string Description => "module";

    public override bool Check(Interpreter interpreter, Value value)
    {
        var forced = value.Force();
        return forced is AttrSetValue || forced.IsFunction || forced is PathValue || (forced is StringValue s && s.Text.StartsWith('/'));
    }

    public override IReadOnlyList<Value>? SubModules => staticModules;

    public override OptionType SubstSubModules(IReadOnlyList<Value> modules) => new DeferredModuleType(system, modules);

    public override OptionType? TypeMerge(OptionType other) =>
        other is DeferredModuleType d ? new DeferredModuleType(system, [.. staticModules, .. d.StaticModules]) : null;

    public IReadOnlyList<Value> StaticModules => staticModules;

    public override Value GetSubOptions(Interpreter interpreter, IReadOnlyList<string> prefix) =>
        new SubmoduleType(system, staticModules, AttrSetValue.Empty, false, null, null).GetSubOptions(interpreter, prefix);

    public override Value Merge(Interpreter interpreter, IReadOnlyList<string> loc, IReadOnlyList<Definition> definitions)
    {
        var located = definitions.Select(d => (Value)Nix.Attrs(
            ("_file", Nix.Str($"{d.File}, via option {OptionPath.Show(loc)}")),
            ("imports", ListValue.Of([d.Value]))));
        return Nix.Attrs(("imports", ListValue.Of([.. staticModules, .. located])));
    }
}
