using ConfigLang.Evaluator.Runtime;
using ConfigLang.Evaluator.Runtime.Values;
using ConfigLang.Modules.Evaluation;
using ConfigLang.Modules.Lib;
using ConfigLang.Modules.Options;

namespace ConfigLang.Modules.Types;

/// <summary>
/// <c>functionTo t</c>: a function whose results, for the same argument, are merged with
/// <c>t</c> at <c>loc."&lt;function body&gt;"</c>.
/// </summary>
public sealed class FunctionToType(OptionType resultType) : OptionType
{
    public OptionType ResultType { get; } = resultType;

    public override string Name => "functionTo";

    public override string Description => "function that evaluates to a(n) " + Phrase(ResultType, "noun", "composite");

    public override string? DescriptionClass => "composite";

    public override bool Check(Interpreter interpreter, Value value) => value.Force().IsFunction;

    public override IReadOnlyList<(string Name, OptionType Type)> NestedTypes => [("elemType", ResultType)];

    protected override OptionType Rebuild(IReadOnlyList<OptionType> nested) => new FunctionToType(nested[0]);

    public override Value GetSubOptions(Interpreter interpreter, IReadOnlyList<string> prefix) =>
        ResultType.GetSubOptions(interpreter, [.. prefix, "<function body>"]);

    public override IReadOnlyList<Value>? SubModules => ResultType.SubModules;

    public override OptionType SubstSubModules(IReadOnlyList<Value> modules) => new FunctionToType(ResultType.SubstSubModules(modules));

    public override Value Merge(Interpreter interpreter, IReadOnlyList<string> loc, IReadOnlyList<Definition> definitions) =>
        Nix.Function("mergedFunction", 1, (ip, args) =>
            new MergedDefinitions(ip, [.. loc, "<function body>"], ResultType,
                [.. definitions.Select(d => d.WithValue(Nix.Lazy(() => Nix.Call(ip, d.Value, args[0]))))]).MergedValue);
}
