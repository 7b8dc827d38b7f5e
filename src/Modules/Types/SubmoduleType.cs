using ConfigLang.Evaluator.Runtime;
using ConfigLang.Evaluator.Runtime.Values;
using ConfigLang.Modules.Evaluation;
using ConfigLang.Modules.Lib;
using ConfigLang.Modules.Options;

namespace ConfigLang.Modules.Types;

/// <summary>
/// <c>submodule</c> and <c>submoduleWith { modules; specialArgs; shorthandOnlyDefinesConfig; }</c>:
/// a value is the <c>config</c> of a nested module evaluation whose modules are the type's
/// modules plus every definition (each taken as a module), with <c>name</c> set to the last
/// element of the option path (the attribute name inside <c>attrsOf</c>).
/// </summary>
public sealed class SubmoduleType(
    ModuleSystem system,
    IReadOnlyList<Value> modules,
    AttrSetValue specialArgs,
    bool? shorthandOnlyDefinesConfig,
    string? description,
    string? moduleClass) : OptionType
{
    private static readonly Value NameDefaultModule = Nix.Attrs(("_module", Nix.Attrs(("args", Nix.Attrs(("name",
        Properties.Properties.MakeOverride(Nix.Int(Priorities.OptionDefault), StringValue.FromUnicode("‹name›"))))))));

    public IReadOnlyList<Value> Modules { get; } = modules;

    public override bool UsesCombinedCheckAndMerge => true;

    public override string Name => "submodule";

    private AttrSetValue? _base;

    /// <summary>The evaluation of the type's own modules, without definitions (for documentation, the freeform type, the empty value).</summary>
    private AttrSetValue Base => _base ??= system.Evaluate(system.Interpreter,
        new EvalModulesRequest([NameDefaultModule, .. Modules], [], specialArgs, moduleClass));

    private OptionType? FreeformType
    {
        get
        {
            var module = Nix.ForceAttrs(Nix.Get(Base, "_module")!);
            var type = Nix.Get(module, "freeformType")!.Force();
            return type is NullValue ? null : FromValue(type);
        }
    }

    public override string? DescriptionClass => null;

    public override string Description => description
        ?? (FreeformType is { } freeform ? "open submodule of " + freeform.Description : "submodule");

    public override bool Check(Interpreter interpreter, Value value)
    {
        var forced = value.Force();
        return forced is AttrSetValue || forced.IsFunction || forced is PathValue
            || (forced is StringValue s && s.Text.StartsWith('/'));
    }

    public override Value? EmptyValue => Nix.Lazy(() => Nix.Get(Base, "config")!.Force());

    public override IReadOnlyList<Value>? SubModules => Modules;

    public override OptionType SubstSubModules(IReadOnlyList<Value> replacement) =>
        new SubmoduleType(system, replacement, specialArgs, shorthandOnlyDefinesConfig, description, moduleClass);

    public override OptionType? TypeMerge(OptionType other)
    {
        if (other is not SubmoduleType s) return null;
        bool? shorthand;
        if (shorthandOnlyDefinesConfig is null) shorthand = s.ShorthandOnlyDefinesConfig;
        else if (s.ShorthandOnlyDefinesConfig is null) shorthand = shorthandOnlyDefinesConfig;
        else if (shorthandOnlyDefinesConfig == s.ShorthandOnlyDefinesConfig) shorthand = shorthandOnlyDefinesConfig;
        else throw Nix.Throw("A submoduleWith option is declared multiple times with conflicting shorthandOnlyDefinesConfig values");
        var mergedClass = moduleClass ?? s.ModuleClass;
        if (moduleClass is not null && s.ModuleClass is not null && moduleClass != s.ModuleClass)
            throw Nix.Throw($"A submoduleWith option is declared multiple times with conflicting class values \"{moduleClass}\" and \"{s.ModuleClass}\".");
        return new SubmoduleType(system, [.. Modules, .. s.Modules], specialArgs.Update(s.SpecialArgs), shorthand, description ?? s.DescriptionText, mergedClass);
    }

    public bool? ShorthandOnlyDefinesConfig => shorthandOnlyDefinesConfig;

    public AttrSetValue SpecialArgs => specialArgs;

    public string? ModuleClass => moduleClass;

    public string? DescriptionText => description;

    public override Value Merge(Interpreter interpreter, IReadOnlyList<string> loc, IReadOnlyList<Definition> definitions) =>
        system.EvaluateConfig(interpreter, Request(loc, definitions));

    /// <summary><c>{ configuration = the submodule's whole evalModules result; }</c> (options included).</summary>
    public override Value ValueMeta(Interpreter interpreter, IReadOnlyList<string> loc, IReadOnlyList<Definition> definitions) =>
        Nix.Attrs(("configuration", Nix.Lazy(() => system.Evaluate(interpreter, Request(loc, definitions)))));

    /// <summary>The type's modules, the name, and every definition taken as a module.</summary>
    private EvalModulesRequest Request(IReadOnlyList<string> loc, IReadOnlyList<Definition> definitions)
    {
        var all = new List<Value>(Modules.Count + definitions.Count + 2) { NameDefaultModule };
        all.AddRange(Modules);
        all.Add(Nix.Attrs(("_module", Nix.Attrs(("args", Nix.Attrs(("name", (loc.Count > 0 ? Nix.Str(loc[^1]) : StringValue.FromUnicode("‹name›")))))))));
        for (var d = 0; d < definitions.Count; d++)
        {
            var definition = definitions[d];
            var value = definition.Value;
            all.Add(shorthandOnlyDefinesConfig == true && value.Force() is AttrSetValue
                ? Nix.Attrs(("_file", Nix.Str(definition.File)), ("config", value))
                : Nix.Attrs(("_file", Nix.Str(definition.File)), ("imports", ListValue.Of([value]))));
        }
        return new EvalModulesRequest(all, loc, specialArgs, moduleClass);
    }

    public override Value GetSubOptions(Interpreter interpreter, IReadOnlyList<string> prefix)
    {
        var result = system.Evaluate(interpreter, new EvalModulesRequest([NameDefaultModule, .. Modules], prefix, specialArgs, moduleClass));
        var options = Nix.ForceAttrs(Nix.Get(result, "options")!);
        if (FreeformType is not { } freeform) return options;
        return options.Update(Nix.Attrs(("_freeformOptions", Nix.Lazy(() => freeform.GetSubOptions(interpreter, prefix)))));
    }

    protected override void AddAttributes(AttrSetBuilder builder)
    {
        builder.Add("getSubModules", Nix.List(Modules));
    }
}
