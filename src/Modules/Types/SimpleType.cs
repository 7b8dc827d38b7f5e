using ConfigLang.Evaluator.Runtime;
using ConfigLang.Evaluator.Runtime.Values;
using ConfigLang.Modules.Options;

namespace ConfigLang.Modules.Types;

/// <summary>How a <see cref="SimpleType"/> merges several definitions.</summary>
public enum SimpleMerge
{
    /// <summary>All definitions must be equal (<c>mergeEqualOption</c>).</summary>
    Equal,
    /// <summary>Exactly one definition (<c>mergeOneOption</c>).</summary>
    One,
    /// <summary><c>mergeDefaultOption</c>: concatenate, union, or, …</summary>
    Default,
    /// <summary>Boolean or of all definitions.</summary>
    Or,
    /// <summary>The union of sets, later definitions winning (<c>types.attrs</c>).</summary>
    Update,
}

/// <summary>
/// A type without nested types: a check on the outer value and a stock merge. Covers
/// <c>bool</c>, <c>int</c> and <c>ints.*</c>, <c>float</c>, <c>str</c> and its refinements,
/// <c>path</c>, <c>attrs</c>, <c>raw</c>, <c>unspecified</c> and the like.
/// </summary>
public sealed class SimpleType(
    string name,
    string description,
    Func<Value, bool> check,
    SimpleMerge merge,
    string? descriptionClass = "noun",
    Value? emptyValue = null,
    object? payload = null) : OptionType
{
    public override string Name => name;

    public override string Description => description;

    public override string? DescriptionClass => descriptionClass;

    public override Value? EmptyValue => emptyValue;

    protected override object? Payload => payload;

    public override bool Check(Interpreter interpreter, Value value) => check(value.Force());

    public override Value Merge(Interpreter interpreter, IReadOnlyList<string> loc, IReadOnlyList<Definition> definitions) =>
        merge switch
        {
            SimpleMerge.Equal => MergeFunctions.Equal(loc, definitions),
            SimpleMerge.One => MergeFunctions.Unique(loc, definitions),
            SimpleMerge.Or => Lib.Nix.Bool(definitions.Any(d => Lib.Nix.ForceBool(d.Value))),
            SimpleMerge.Update => definitions.Aggregate(AttrSetValue.Empty, (acc, d) => acc.Update(Lib.Nix.ForceAttrs(d.Value))),
            _ => MergeFunctions.Default(interpreter, loc, definitions),
        };

    /// <summary>The same type with another check (used by <c>addCheck</c>-like refinements).</summary>
    public SimpleType Refine(string newName, string newDescription, Func<Value, bool> extra, string? newClass = "noun") =>
        new(newName, newDescription, v => check(v) && extra(v), merge, newClass, emptyValue, payload);
}
