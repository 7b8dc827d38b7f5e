using ConfigLang.Evaluator.Runtime;
using ConfigLang.Evaluator.Runtime.Values;
using ConfigLang.Modules.Lib;
using ConfigLang.Modules.Options;

namespace ConfigLang.Modules.Types;

/// <summary><c>addCheck t f</c>: <c>t</c> with the extra condition <c>f value</c> in its check.</summary>
public sealed class AddCheckType(OptionType inner, Value extraCheck) : OptionType
{
    public OptionType Inner { get; } = inner;

    public override bool UsesCombinedCheckAndMerge => true;

    public override string Name => Inner.Name;

    public override string Description => Inner.Description;

    public override string? DescriptionClass => Inner.DescriptionClass;

    public override bool Check(Interpreter interpreter, Value value) =>
        Inner.Check(interpreter, value) && Nix.ForceBool(Nix.Call(interpreter, extraCheck, value));

    public override Value Merge(Interpreter interpreter, IReadOnlyList<string> loc, IReadOnlyList<Definition> definitions) =>
        Inner.Merge(interpreter, loc, definitions);

    public override Value? EmptyValue => Inner.EmptyValue;

    public override IReadOnlyList<(string Name, OptionType Type)> NestedTypes => Inner.NestedTypes;

    public override Value GetSubOptions(Interpreter interpreter, IReadOnlyList<string> prefix) => Inner.GetSubOptions(interpreter, prefix);

    public override IReadOnlyList<Value>? SubModules => Inner.SubModules;

    public override OptionType SubstSubModules(IReadOnlyList<Value> modules) => new AddCheckType(Inner.SubstSubModules(modules), extraCheck);

    public override OptionType? TypeMerge(OptionType other) => null;
}
