using System.Runtime.CompilerServices;
using System.Text;
using ConfigLang.Evaluator.Runtime.Values;
using ConfigLang.Evaluator.Text;

namespace ConfigLang.Evaluator.Runtime.Printing;

/// <summary>
/// A value as JSON, the way <c>builtins.toJSON</c> and <c>nix-instantiate --json</c> write it:
/// forcing as it goes; a set with <c>__toString</c> becomes that string, one with
/// <c>outPath</c> becomes its <c>outPath</c>; paths become their store paths.
/// </summary>
public static class JsonPrinter
{
    public static StringValue ToJson(Interpreter interpreter, Value value, SourceLocation? site)
    {
        var builder = new StringBuilder();
        string[]? context = null;
        Write(interpreter, builder, value, site, ref context, 0);
        return new StringValue(builder.ToString(), context);
    }

    private static void Write(Interpreter interpreter, StringBuilder output, Value value, SourceLocation? site, ref string[]? context, int depth)
    {
        if (depth > interpreter.Options.MaxCallDepth || !RuntimeHelpers.TryEnsureSufficientExecutionStack()) throw EvaluationException.StackOverflow(site);
        MemoryLimit.EnsureOutput(output, site);
        var v = value.Force();
        switch (v)
        {
            case NullValue: output.Append("null"); break;
            case BoolValue b: output.Append(b.Value ? "true" : "false"); break;
            case IntValue i: output.Append(i.Value); break;
            case FloatValue f: output.Append(NumberFormat.FormatFloat(f.Value)); break;
            case StringValue s:
                context = StringValue.MergeContext(context, s.Context);
                AppendUtf8String(output, s.Text, site);
                break;
            case PathValue p:
                var storePath = ByteText.FromUnicode(interpreter.CopyPathToStore(p.Path, site));
                context = StringValue.MergeContext(context, [storePath]);
                AppendString(output, storePath);
                break;
            case AttrSetValue attrs:
                if (attrs.Get(Symbols.ToStringSymbol) is not null)
                {
                    var text = interpreter.CoerceToString(attrs, site, ref context, copyToStore: false);
                    AppendUtf8String(output, text, site);
                    break;
                }
                if (attrs.Get(Symbols.OutPath) is { } outPath)
                {
                    try
                    {
                        Write(interpreter, output, outPath, site, ref context, depth + 1);
                    }
                    // Nix 2.8 writes the outPath at the attribute's own position.
                    catch (EvaluationException e) when (attrs.PositionOf(Symbols.OutPath) is { } at && e.LocatedByNixAtIfRaisedAt(site, at))
                    {
                        throw; // never reached: the filter declines
                    }
                    break;
                }
                output.Append('{');
                for (var k = 0; k < attrs.Count; k++)
                {
                    if (k > 0) output.Append(',');
                    AppendUtf8String(output, attrs.Names[k].Name, site);
                    output.Append(':');
                    try
                    {
                        Write(interpreter, output, attrs.Values[k], site, ref context, depth + 1);
                    }
                    catch (EvaluationException e) when (!e.IsStackOverflow)
                    {
                        throw e.AddFrameAbsentFromNix($"while evaluating attribute '{attrs.Names[k].ToUnicode()}'", attrs.PositionOf(attrs.Names[k]) ?? site);
                    }
                }
                output.Append('}');
                break;
            case ListValue list:
                output.Append('[');
                for (var k = 0; k < list.Count; k++)
                {
                    if (k > 0) output.Append(',');
                    Write(interpreter, output, list.Items[k], site, ref context, depth + 1);
                }
                output.Append(']');
                break;
            default:
                throw EvaluationException.Create(EvaluationDiagnostics.Serialization, $"cannot convert {v.Describe()} to JSON", site);
        }
    }

    /// <summary>A string of the language: JSON is UTF-8, so bytes that are not are refused, as Nix does.</summary>
    private static void AppendUtf8String(StringBuilder output, string text, SourceLocation? site)
    {
        var invalid = ByteText.IndexOfInvalidUtf8(text);
        if (invalid >= 0)
        {
            throw EvaluationException.Create(EvaluationDiagnostics.Serialization,
                $"JSON serialization error: [json.exception.type_error.316] invalid UTF-8 byte at index {invalid}: 0x{(int)text[invalid]:X2}", site);
        }
        AppendString(output, text);
    }

    /// <summary>Text in the runtime's byte form (<see cref="ByteText"/>) as a JSON string, still in that form.</summary>
    public static void AppendString(StringBuilder output, string text)
    {
        output.Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"': output.Append("\\\""); break;
                case '\\': output.Append("\\\\"); break;
                case '\n': output.Append("\\n"); break;
                case '\r': output.Append("\\r"); break;
                case '\t': output.Append("\\t"); break;
                case '\b': output.Append("\\b"); break;
                case '\f': output.Append("\\f"); break;
                default:
                    if (c < 0x20) output.Append("\\u").Append(((int)c).ToString("x4"));
                    else output.Append(c);
                    break;
            }
        }
        output.Append('"');
    }
}
