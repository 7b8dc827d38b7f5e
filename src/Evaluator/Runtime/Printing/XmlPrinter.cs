using System.Runtime.CompilerServices;
using System.Text;
using ConfigLang.Evaluator.Runtime.Values;
using ConfigLang.Evaluator.Text;

namespace ConfigLang.Evaluator.Runtime.Printing;

/// <summary>
/// A value as Nix's XML (<c>builtins.toXML</c>, <c>nix-instantiate --eval --xml</c>): forcing
/// as it goes when <c>strict</c>, two-space indentation, derivations shown once. It writes the
/// runtime's byte form (<see cref="ByteText"/>): text from .NET (file paths) is converted to it.
/// </summary>
public static class XmlPrinter
{
    public static StringValue ToXml(Interpreter interpreter, Value value, bool strict, bool location, SourceLocation? site)
    {
        var output = new StringBuilder("<?xml version='1.0' encoding='utf-8'?>\n<expr>\n");
        string[]? context = null;
        var printer = new State(interpreter, strict, location, site);
        printer.Write(output, value, 1, ref context);
        output.Append("</expr>\n");
        return new StringValue(output.ToString(), context);
    }

    private sealed class State(Interpreter interpreter, bool strict, bool location, SourceLocation? site)
    {
        private readonly HashSet<string> _drvsSeen = new(StringComparer.Ordinal);
        private int _nesting;

        public void Write(StringBuilder output, Value value, int depth, ref string[]? context)
        {
            // Values nest as deeply as calls may (as in JSON); past that the indentation alone would be gigabytes.
            if (_nesting >= interpreter.Options.MaxCallDepth || !RuntimeHelpers.TryEnsureSufficientExecutionStack()) throw EvaluationException.StackOverflow(site);
            MemoryLimit.EnsureOutput(output, site);
            _nesting++;
            WriteValue(output, value, depth, ref context);
            _nesting--;
        }

        private void WriteValue(StringBuilder output, Value value, int depth, ref string[]? context)
        {
            var v = strict ? value.Force() : value is Thunk t ? t.ResultAsNixHoldsIt ?? t : value;
            var indent = new string(' ', depth * 2);
            switch (v)
            {
                case IntValue i: Empty(output, indent, "int", ("value", i.Value.ToString())); break;
                case BoolValue b: Empty(output, indent, "bool", ("value", b.Value ? "true" : "false")); break;
                case StringValue s:
                    context = StringValue.MergeContext(context, s.Context);
                    Empty(output, indent, "string", ("value", s.Text));
                    break;
                case PathValue p: Empty(output, indent, "path", ("value", ByteText.FromUnicode(p.Path))); break;
                case NullValue: output.Append(indent).Append("<null />\n"); break;
                case FloatValue f: Empty(output, indent, "float", ("value", NumberFormat.FormatFloat(f.Value))); break;
                case AttrSetValue attrs:
                    if (interpreter.IsDerivation(attrs))
                    {
                        var attributes = new List<(string, string)>();
                        string? drvPath = null;
                        if (attrs.Get("drvPath") is { } d && d.Force() is StringValue ds) attributes.Add(("drvPath", drvPath = ds.Text));
                        if (attrs.Get(Symbols.OutPath) is { } o && o.Force() is StringValue os) attributes.Add(("outPath", os.Text));
                        output.Append(indent).Append("<derivation").Append(Attributes(attributes)).Append(">\n");
                        if (drvPath is null || _drvsSeen.Add(drvPath)) WriteAttrs(output, attrs, depth + 1, ref context);
                        else output.Append(indent).Append("  <repeated />\n");
                        output.Append(indent).Append("</derivation>\n");
                    }
                    else
                    {
                        output.Append(indent).Append("<attrs>\n");
                        WriteAttrs(output, attrs, depth + 1, ref context);
                        output.Append(indent).Append("</attrs>\n");
                    }
                    break;
                case ListValue list:
                    output.Append(indent).Append("<list>\n");
                    foreach (var item in list.Items) Write(output, item, depth + 1, ref context);
                    output.Append(indent).Append("</list>\n");
                    break;
                case LambdaValue lambda:
                    output.Append(indent).Append("<function").Append(LocationAttributes(lambda.Location)).Append(">\n");
                    if (lambda.Formals is { } formals)
                    {
                        var attributes = new List<(string, string)>();
                        if (lambda.Code.Ellipsis) attributes.Add(("ellipsis", "1"));
                        if (lambda.Code.ArgName is { } argName) attributes.Add(("name", argName));
                        output.Append(indent).Append("  <attrspat").Append(Attributes(attributes)).Append(">\n");
                        foreach (var name in formals.Select(f => f.Name).Order(StringComparer.Ordinal))
                        {
                            Empty(output, indent + "    ", "attr", ("name", name));
                        }
                        output.Append(indent).Append("  </attrspat>\n");
                    }
                    else
                    {
                        Empty(output, indent + "  ", "varpat", ("name", lambda.Code.ArgName ?? ""));
                    }
                    output.Append(indent).Append("</function>\n");
                    break;
                default:
                    output.Append(indent).Append("<unevaluated />\n");
                    break;
            }
        }

        private void WriteAttrs(StringBuilder output, AttrSetValue attrs, int depth, ref string[]? context)
        {
            var indent = new string(' ', depth * 2);
            for (var k = 0; k < attrs.Count; k++)
            {
                var attributes = new List<(string, string)>();
                if (location && attrs.PositionOf(attrs.Names[k])?.NixAttributePosition is { } position)
                {
                    attributes.Add(("column", position.ByteColumn.ToString()));
                    attributes.Add(("line", position.Start.Line.ToString()));
                }
                attributes.Insert(attributes.Count > 0 ? 2 : 0, ("name", attrs.Names[k].Name));
                if (location && attrs.PositionOf(attrs.Names[k]) is { } p) attributes.Add(("path", p.Source.PathByteText));
                output.Append(indent).Append("<attr").Append(Attributes(attributes)).Append(">\n");
                Write(output, attrs.Values[k], depth + 1, ref context);
                output.Append(indent).Append("</attr>\n");
            }
        }

        private string LocationAttributes(SourceLocation position) =>
            location ? Attributes([("column", position.ByteColumn.ToString()), ("line", position.Start.Line.ToString()), ("path", position.Source.PathByteText)]) : "";
    }

    private static void Empty(StringBuilder output, string indent, string element, params (string, string)[] attributes) =>
        output.Append(indent).Append('<').Append(element).Append(Attributes(attributes)).Append(" />\n");

    private static string Attributes(IEnumerable<(string Name, string Value)> attributes)
    {
        var builder = new StringBuilder();
        foreach (var (name, value) in attributes) builder.Append(' ').Append(name).Append("=\"").Append(Escape(value)).Append('"');
        return builder.ToString();
    }

    private static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '<' => "&lt;",
                '>' => "&gt;",
                '&' => "&amp;",
                '"' => "&quot;",
                '\'' => "&apos;",
                '\n' => "&#xA;",
                '\r' => "&#xD;",
                '\t' => "&#x9;",
                _ => c.ToString(),
            });
        }
        return builder.ToString();
    }
}
