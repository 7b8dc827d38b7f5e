using System.Globalization;
using System.Text;
using ConfigLang.Evaluator.Runtime;
using ConfigLang.Evaluator.Runtime.Values;
using ConfigLang.Modules.Options;

namespace ConfigLang.Modules.Diagnostics;

/// <summary>
/// Prints a value for an error message the way NixOS lists definition values
/// (<c>lib.generators.toPretty</c>, multi-line): lists and sets one item per line, indented by
/// two spaces, empty ones as <c>[ ]</c> and <c>{ }</c>, functions as <c>&lt;function&gt;</c>.
/// Printing forces the value; nesting deeper than ten levels is cut off.
/// </summary>
public static class ValuePrinter
{
    private const int DepthLimit = 10;

    public static string Print(Value value)
    {
        var builder = new StringBuilder();
        Append(builder, value, "", 0);
        return builder.ToString();
    }

    /// <summary>The printed value, or null when forcing it throws (then messages show no value);
    /// <c>abort</c> and other uncatchable errors go through, as <c>tryEval</c> lets them.</summary>
    public static string? TryPrint(Value value)
    {
        try
        {
            return Print(value);
        }
        catch (EvaluationException e) when (e.IsCatchable)
        {
            return null;
        }
    }

    private static void Append(StringBuilder builder, Value value, string indent, int depth)
    {
        var forced = value.Force();
        switch (forced)
        {
            case NullValue: builder.Append("null"); break;
            case BoolValue b: builder.Append(b.Value ? "true" : "false"); break;
            case IntValue i: builder.Append(i.Value.ToString(CultureInfo.InvariantCulture)); break;
            case FloatValue f: builder.Append(FormatFloat(f.Value)); break;
            case StringValue s: AppendString(builder, s.Text, indent); break;
            case PathValue p: builder.Append(ByteText.FromUnicode(p.Path)); break;
            case ListValue list:
                if (list.Count == 0) { builder.Append("[ ]"); break; }
                if (depth >= DepthLimit) { builder.Append("[ ... ]"); break; }
                builder.Append("[\n");
                foreach (var item in list.Items)
                {
                    builder.Append(indent).Append("  ");
                    Append(builder, item, indent + "  ", depth + 1);
                    builder.Append('\n');
                }
                builder.Append(indent).Append(']');
                break;
            case AttrSetValue attrs:
                AppendAttrs(builder, attrs, indent, depth);
                break;
            case LambdaValue lambda:
                if (lambda.Formals is { } formals)
                {
                    builder.Append("<function, args: {")
                        .Append(string.Join(", ", formals.Select(f => f.HasDefault ? f.Name + "?" : f.Name)))
                        .Append("}>");
                }
                else
                {
                    builder.Append("<function>");
                }
                break;
            default:
                builder.Append(forced.IsFunction ? "<function>" : "<" + forced.TypeOf() + ">");
                break;
        }
    }

    private static void AppendAttrs(StringBuilder builder, AttrSetValue attrs, string indent, int depth)
    {
        if (attrs.Get("type")?.Force() is StringValue { Text: "derivation" })
        {
            var name = attrs.Get("name")?.Force() is StringValue n ? n.Text : "???";
            builder.Append("<derivation ").Append(name).Append('>');
            return;
        }
        if (attrs.Count == 0) { builder.Append("{ }"); return; }
        if (depth >= DepthLimit) { builder.Append("{ ... }"); return; }
        builder.Append("{\n");
        for (var i = 0; i < attrs.Count; i++)
        {
            builder.Append(indent).Append("  ").Append(OptionPath.EscapeIdentifier(attrs.Names[i].Name)).Append(" = ");
            Append(builder, attrs.Values[i], indent + "  ", depth + 1);
            builder.Append(";\n");
        }
        builder.Append(indent).Append('}');
    }

    private static void AppendString(StringBuilder builder, string text, string indent)
    {
        var lines = text.Split('\n');
        if (lines.Length <= 1 || (lines.Length == 2 && lines[1].Length == 0 && false))
        {
            builder.Append(OptionPath.ShowString(text));
            return;
        }
        builder.Append("''\n");
        foreach (var line in lines)
        {
            builder.Append(indent).Append("  ").Append(line.Replace("''", "'''").Replace("${", "''${")).Append('\n');
        }
        builder.Append(indent).Append("''");
    }

    private static string FormatFloat(double value)
    {
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        return text.Contains('.') || text.Contains('E') || text.Contains("Infinity") || text.Contains("NaN") ? text : text + ".0";
    }
}
