using ConfigLang.Evaluator.Runtime;
using ConfigLang.Evaluator.Runtime.Values;
using ConfigLang.Modules.Diagnostics;
using ConfigLang.Modules.Lib;
using ConfigLang.Modules.Options;

namespace ConfigLang.Modules.Types;

/// <summary>
/// <c>optionType</c>: a value that is itself a type (as <c>_module.freeformType</c> is); several
/// definitions combine like several declarations of one option.
/// </summary>
public sealed class OptionTypeType : OptionType
{
    public static readonly OptionTypeType Instance = new();

    private OptionTypeType() { }

    public override string Name => "optionType";

    public override string Description => "optionType";

    public override bool Check(Interpreter interpreter, Value value) => Nix.TypeTag(value) == "option-type";

    public override Value Merge(Interpreter interpreter, IReadOnlyList<string> loc, IReadOnlyList<Definition> definitions)
    {
        if (definitions.Count == 1) return definitions[0].Value;
        var merged = FromValue(definitions[0].Value);
        var files = new List<string> { definitions[0].File };
        var subModules = new List<Value>();
        foreach (var definition in definitions)
        {
            var type = FromValue(definition.Value);
            if (!ReferenceEquals(definition, definitions[0]))
            {
                merged = merged.TypeMerge(type) ?? throw Nix.Throw(
                    $"The option `{OptionPath.Show(loc)}' in `{LibraryFiles.DisplayName(definition.File)}' is already declared in {DefinitionListing.ShowFiles(files)}.",
                    ModuleDiagnostics.AlreadyDeclared);
                files.Add(definition.File);
            }
            if (type.SubModules is { } modules)
                subModules.InsertRange(0, modules.Select(m => (Value)Nix.Attrs(("_file", Nix.Str(definition.File)), ("imports", ListValue.Of([m])))));
        }
        if (merged.SubModules is not null) merged = merged.SubstSubModules(subModules);
        return merged.ToValue();
    }
}
