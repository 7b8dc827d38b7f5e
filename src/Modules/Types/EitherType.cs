using ConfigLang.Evaluator.Runtime;
using ConfigLang.Evaluator.Runtime.Values;
using ConfigLang.Modules.Options;

namespace ConfigLang.Modules.Types;

/// <summary>
/// <c>either a b</c> (and <c>oneOf [ … ]</c>, a chain of them): a value of either type; merged
/// with <c>a</c> when every definition is an <c>a</c>, else with <c>b</c> when every one is a
/// <c>b</c>, else only a single definition is allowed.
/// </summary>
public sealed class EitherType(OptionType left, OptionType right) : OptionType
{
    public OptionType Left { get; } = left;

    public OptionType Right { get; } = right;

    public override bool UsesCombinedCheckAndMerge => true;

    public override string Name => "either";

    // A clause that explains its noun ("positive integer, meaning >0") stays bare and takes a comma.
    public override string Description => Left.DescriptionClass == "nonRestrictiveClause"
        ? Left.Description + ", or " + Phrase(Right, "noun", "conjunction")
        : Phrase(Left, "noun", "conjunction") + " or " + Phrase(Right, "noun", "conjunction", "composite");

    public override string? DescriptionClass => "conjunction";

    public override bool Check(Interpreter interpreter, Value value) =>
        Left.Check(interpreter, value) || Right.Check(interpreter, value);

    public override IReadOnlyList<(string Name, OptionType Type)> NestedTypes => [("left", Left), ("right", Right)];

    protected override OptionType Rebuild(IReadOnlyList<OptionType> nested) => new EitherType(nested[0], nested[1]);

    public override Value Merge(Interpreter interpreter, IReadOnlyList<string> loc, IReadOnlyList<Definition> definitions)
    {
        if (definitions.All(d => Left.Check(interpreter, d.Value))) return Left.Merge(interpreter, loc, definitions);
        if (definitions.All(d => Right.Check(interpreter, d.Value))) return Right.Merge(interpreter, loc, definitions);
        return MergeFunctions.Unique(loc, definitions);
    }
}
