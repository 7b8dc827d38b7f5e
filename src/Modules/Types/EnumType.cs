using ConfigLang.Evaluator.Runtime;
using ConfigLang.Evaluator.Runtime.Values;
using ConfigLang.Modules.Lib;
using ConfigLang.Modules.Options;

namespace ConfigLang.Modules.Types;

/// <summary>
/// <c>enum [ … ]</c>: one of the listed values. Two declarations of an enum option combine into
/// the union of their values, so modules can each add choices.
/// </summary>
public sealed class EnumType(IReadOnlyList<Value> values) : OptionType
{
    public IReadOnlyList<Value> Values { get; } = values;

    public override string Name => "enum";

    public override string Description => Values.Count switch
    {
        0 => "impossible (empty enum)",
        1 => $"value {Show(Values[0])} (singular enum)",
        _ => "one of " + string.Join(", ", Values.Select(Show)),
    };

    public override string? DescriptionClass => Values.Count < 2 ? "noun" : "conjunction";

    public override bool Check(Interpreter interpreter, Value value) => Values.Any(v => ValueEquality.Equal(v, value));

    public override Value Merge(Interpreter interpreter, IReadOnlyList<string> loc, IReadOnlyList<Definition> definitions) =>
        MergeFunctions.Equal(loc, definitions);

    public override OptionType? TypeMerge(OptionType other)
    {
        if (other is not EnumType e) return null;
        var union = new List<Value>(Values);
        foreach (var v in e.Values)
        {
            if (!union.Any(u => ValueEquality.Equal(u, v))) union.Add(v);
        }
        return new EnumType(union);
    }

    protected override void AddAttributes(AttrSetBuilder builder) { }

    private static string Show(Value value) => value.Force() switch
    {
        StringValue s => "\"" + s.Text + "\"",
        IntValue i => i.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
        BoolValue b => b.Value ? "true" : "false",
        var other => "<" + other.TypeOf() + ">",
    };
}
