using ConfigLang.Evaluator.Runtime;
using ConfigLang.Evaluator.Runtime.Values;
using ConfigLang.Modules.Options;

namespace ConfigLang.Modules.Types;

/// <summary>
/// <c>serializableValueWith { typeName; nullable ? true; }</c>: values a configuration file
/// format can hold (null when nullable, bool, int, float, string, path, and sets and lists of
/// such values). Sets merge attribute by attribute, lists concatenate, other values must agree.
/// </summary>
public sealed class SerializableValueType(string typeName, bool nullable) : OptionType
{
    public override string Name => "serializableValue";

    public override string Description => typeName + " value";

    protected override object? Payload => (typeName, nullable);

    public override bool Check(Interpreter interpreter, Value value) => value.Force() switch
    {
        NullValue => nullable,
        BoolValue or IntValue or FloatValue or StringValue or PathValue or AttrSetValue or ListValue => true,
        _ => false,
    };

    public override Value Merge(Interpreter interpreter, IReadOnlyList<string> loc, IReadOnlyList<Definition> definitions)
    {
        var kind = definitions[0].Value.Force().Kind;
        if (definitions.Any(d => d.Value.Force().Kind != kind)) return MergeFunctions.Unique(loc, definitions);
        return kind switch
        {
            ValueKind.Attrs => new AttrsOfType(this, lazy: false).Merge(interpreter, loc, definitions),
            ValueKind.List => new ListOfType(this).Merge(interpreter, loc, definitions),
            _ => MergeFunctions.Equal(loc, definitions),
        };
    }
}
