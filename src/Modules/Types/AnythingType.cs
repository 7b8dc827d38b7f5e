using ConfigLang.Evaluator.Runtime;
using ConfigLang.Evaluator.Runtime.Values;
using ConfigLang.Modules.Diagnostics;
using ConfigLang.Modules.Lib;
using ConfigLang.Modules.Options;

namespace ConfigLang.Modules.Types;

/// <summary>
/// <c>anything</c>: any value; sets merge recursively (as <c>attrsOf anything</c>), functions
/// merge their results, packages and other values must be defined once or equally.
/// </summary>
public sealed class AnythingType : OptionType
{
    public static readonly AnythingType Instance = new();

    private static readonly Symbol OutPath = Symbol.Intern("outPath");
    private static readonly Symbol ToStringSym = Symbol.Intern("__toString");

    private AnythingType() { }

    public override string Name => "anything";

    public override string Description => "anything";

    public override bool Check(Interpreter interpreter, Value value) => true;

    public override Value Merge(Interpreter interpreter, IReadOnlyList<string> loc, IReadOnlyList<Definition> definitions)
    {
        var common = KindOf(definitions[0].Value);
        foreach (var definition in definitions)
        {
            if (KindOf(definition.Value) != common)
            {
                throw Nix.Throw(
                    $"The option `{OptionPath.Show(loc)}' has conflicting option types in {DefinitionListing.ShowFiles(definitions.Select(d => d.File))}",
                    ModuleDiagnostics.ConflictingValues, definition.Position);
            }
        }
        return common switch
        {
            "set" => new AttrsOfType(this, lazy: false).Merge(interpreter, loc, definitions),
            "stringCoercibleSet" => MergeFunctions.Unique(loc, definitions),
            "lambda" => Nix.Function("mergedFunction", 1, (ip, a) =>
                Merge(ip, [.. loc, "<function body>"], [.. definitions.Select(d => d.WithValue(Nix.Lazy(() => Nix.Call(ip, d.Value, a[0]))))])),
            _ => MergeFunctions.Equal(loc, definitions),
        };
    }

    private static string KindOf(Value value)
    {
        var forced = value.Force();
        if (forced is AttrSetValue attrs && (attrs.Get(OutPath) is not null || attrs.Get(ToStringSym) is not null)) return "stringCoercibleSet";
        return forced.TypeOf();
    }
}
