using ConfigLang.Evaluator.Runtime;
using ConfigLang.Evaluator.Runtime.Values;
using ConfigLang.Modules.Lib;

namespace ConfigLang.Modules.Evaluation;

/// <summary>
/// A value as data that JSON can hold, for <c>show --explain</c>: paths and packages become
/// their strings, functions the text <c>&lt;function&gt;</c>, and nesting deeper than
/// <see cref="DepthLimit"/> the text <c>…</c>, so printing a definition never fails on a value
/// JSON cannot express.
/// </summary>
public static class PlainValue
{
    public const int DepthLimit = 12;

    public static Value From(Interpreter interpreter, Value value) => From(interpreter, value, 0);

    private static Value From(Interpreter interpreter, Value value, int depth)
    {
        var forced = value.Force();
        switch (forced)
        {
            case NullValue or BoolValue or IntValue or FloatValue:
                return forced;
            case StringValue s:
                return Nix.Str(s.Text);
            case PathValue p:
                return Nix.Str(p.Path);
            case ListValue list:
                if (depth >= DepthLimit) return StringValue.FromUnicode("…");
                return ListValue.Of([.. list.Items.Select(item => From(interpreter, item, depth + 1))]);
            case AttrSetValue attrs:
                if (attrs.Get(Symbol.Intern("outPath")) is not null || attrs.Get(Symbol.Intern("__toString")) is not null)
                    return Nix.Str(interpreter.CoerceToStringValue(attrs, null, coerceMore: true, copyToStore: false).Text);
                if (depth >= DepthLimit) return StringValue.FromUnicode("…");
                var values = new Value[attrs.Count];
                for (var i = 0; i < values.Length; i++) values[i] = From(interpreter, attrs.Values[i], depth + 1);
                return new AttrSetValue(attrs.Names, values, null);
            default:
                return Nix.Str(forced.IsFunction ? "<function>" : "<" + forced.TypeOf() + ">");
        }
    }
}
