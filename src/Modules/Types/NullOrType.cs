using ConfigLang.Evaluator.Runtime;
using ConfigLang.Evaluator.Runtime.Values;
using ConfigLang.Modules.Diagnostics;
using ConfigLang.Modules.Lib;
using ConfigLang.Modules.Options;

namespace ConfigLang.Modules.Types;

/// <summary><c>nullOr t</c>: null, or a value of <c>t</c>; defining both null and non-null is an error.</summary>
public sealed class NullOrType(OptionType elementType) : OptionType
{
    public OptionType ElementType { get; } = elementType;

    public override string Name => "nullOr";

    public override string Description => "null or " + Phrase(ElementType, "noun", "conjunction");

    public override string? DescriptionClass => "conjunction";

    public override bool Check(Interpreter interpreter, Value value) =>
        value.Force() is NullValue || ElementType.Check(interpreter, value);

    public override string? Rejection(Interpreter interpreter, Value value) =>
        value.Force() is NullValue ? null : ElementType.Rejection(interpreter, value);

    public override Value? EmptyValue => NullValue.Instance;

    public override IReadOnlyList<(string Name, OptionType Type)> NestedTypes => [("elemType", ElementType)];

    protected override OptionType Rebuild(IReadOnlyList<OptionType> nested) => new NullOrType(nested[0]);

    public override Value GetSubOptions(Interpreter interpreter, IReadOnlyList<string> prefix) => ElementType.GetSubOptions(interpreter, prefix);

    public override IReadOnlyList<Value>? SubModules => ElementType.SubModules;

    public override OptionType SubstSubModules(IReadOnlyList<Value> modules) => new NullOrType(ElementType.SubstSubModules(modules));

    public override Value Merge(Interpreter interpreter, IReadOnlyList<string> loc, IReadOnlyList<Definition> definitions)
    {
        var nulls = definitions.Count(d => d.Value.Force() is NullValue);
        if (nulls == definitions.Count) return NullValue.Instance;
        if (nulls == 0) return ElementType.Merge(interpreter, loc, definitions);
        throw Nix.Throw(
            $"The option `{OptionPath.Show(loc)}' is defined both null and not null, in {DefinitionListing.ShowFiles(definitions.Select(d => d.File))}.",
            ModuleDiagnostics.ConflictingValues);
    }
}
