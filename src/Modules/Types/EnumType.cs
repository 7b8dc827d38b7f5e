using ConfigLang.Evaluator.Runtime;
using ConfigLang.Evaluator.Runtime.Values;
using ConfigLang.Modules.Diagnostics;
using ConfigLang.Modules.Lib;
using ConfigLang.Modules.Options;

namespace ConfigLang.Modules.Types;

/// <summary>
/// <c>enum [ … ]</c>: one of the listed values. Two declarations of an enum option combine into
/// the union of their values, so modules can each add choices.
/// <para>
/// <c>enumWith { values = [ … ]; listedBy = "…"; }</c> (ConfigLang extension) is the same type
/// whose refusal of a string also offers the nearest accepted value and says where the accepted
/// values are documented (<c>listedBy</c>, e.g. a <c>configlang options</c> command). Plain
/// <c>enum</c> keeps NixOS's message.
/// </para>
/// </summary>
public sealed class EnumType(IReadOnlyList<Value> values, bool suggests = false, string? listedBy = null) : OptionType
{
    public IReadOnlyList<Value> Values { get; } = values;

    /// <summary>Whether a refused string gets a "did you mean" (only <c>enumWith</c>).</summary>
    public bool Suggests { get; } = suggests;

    /// <summary>Where the accepted values are documented, for the refusal message; or null.</summary>
    public string? ListedBy { get; } = listedBy;

    public override string Name => "enum";

    public override string Description => Values.Count switch
    {
        0 => "impossible (empty enum)",
        1 => $"value {Show(Values[0])} (singular enum)",
        _ => "one of " + string.Join(", ", Values.Select(Show)),
    };

    public override string? DescriptionClass => Values.Count < 2 ? "noun" : "conjunction";

    public override bool Check(Interpreter interpreter, Value value) => Values.Any(v => ValueEquality.Equal(v, value));

    public override string? Rejection(Interpreter interpreter, Value value)
    {
        if (!Suggests) return null;
        if (value.Force() is not StringValue refused) return ListedBy is null ? null : $"`{ListedBy}' lists the accepted values";
        var accepted = Values.Select(v => v.Force()).OfType<StringValue>().Select(v => v.Text);
        // Only a near miss is offered: "did you mean \"exec\"?" for "hetzner" would mislead.
        var nearest = OptionSuggester.Suggest(refused.Text, accepted)
            .FirstOrDefault(name => OptionSuggester.Distance(refused.Text, name) <= Math.Max(2, refused.Text.Length / 3));
        var why = $"\"{refused.Text}\" is not one of them";
        if (nearest is not null) why += $" (did you mean \"{nearest}\"?)";
        if (ListedBy is not null) why += $"; `{ListedBy}' lists them";
        return why;
    }

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
        return new EnumType(union, Suggests || e.Suggests, ListedBy ?? e.ListedBy);
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
