using ConfigLang.Evaluator.Runtime;
using ConfigLang.Evaluator.Runtime.Values;
using ConfigLang.Modules.Lib;
using ConfigLang.Modules.Options;

namespace ConfigLang.Modules.Types;

/// <summary>
/// <c>coercedTo from f to</c>: values of type <c>to</c>, or of type <c>from</c> turned into one by
/// <c>f</c> before merging (a string accepted where a list of strings is wanted, say).
/// </summary>
public sealed class CoercedToType(OptionType fromType, Value coerce, OptionType finalType) : OptionType
{
    public OptionType FromType { get; } = fromType;

    public OptionType FinalType { get; } = finalType;

    public override bool UsesCombinedCheckAndMerge => true;

    public override string Name => "coercedTo";

    public override string Description =>
        Phrase(FinalType, "noun") + " or " + Phrase(FromType, "noun") + " convertible to it";

    // No class: inside another description it is always parenthesised, as nixpkgs' types.nix tests want.
    public override string? DescriptionClass => null;

    public override bool Check(Interpreter interpreter, Value value) =>
        (FromType.Check(interpreter, value) && FinalType.Check(interpreter, Nix.Call(interpreter, coerce, value)))
        || FinalType.Check(interpreter, value);

    public override Value? EmptyValue => FinalType.EmptyValue;

    public override IReadOnlyList<(string Name, OptionType Type)> NestedTypes => [("coercedType", FromType), ("finalType", FinalType)];

    protected override OptionType Rebuild(IReadOnlyList<OptionType> nested) => new CoercedToType(nested[0], coerce, nested[1]);

    public override OptionType? TypeMerge(OptionType other) => null;

    public override Value GetSubOptions(Interpreter interpreter, IReadOnlyList<string> prefix) => FinalType.GetSubOptions(interpreter, prefix);

    public override IReadOnlyList<Value>? SubModules => FinalType.SubModules;

    public override OptionType SubstSubModules(IReadOnlyList<Value> modules) =>
        new CoercedToType(FromType, coerce, FinalType.SubstSubModules(modules));

    public override Value Merge(Interpreter interpreter, IReadOnlyList<string> loc, IReadOnlyList<Definition> definitions) =>
        FinalType.Merge(interpreter, loc, [.. definitions.Select(d =>
            FromType.Check(interpreter, d.Value) ? d.WithValue(Nix.Call(interpreter, coerce, d.Value)) : d)]);
}
