using System.Runtime.CompilerServices;
using System.Text;
using ConfigLang.Evaluator.Runtime.Values;

namespace ConfigLang.Evaluator.Runtime.Printing;

/// <summary>
/// Prints values exactly as <c>nix-instantiate --eval</c> does: sorted attributes, quoted
/// names where they are not identifiers, <c>«repeated»</c> for a non-empty set or list already
/// printed, <c>&lt;CODE&gt;</c> for values not evaluated yet, <c>&lt;LAMBDA&gt;</c> and
/// <c>&lt;PRIMOP&gt;</c> for functions. It forces nothing but what Nix has evaluated at start-up
/// (<see cref="StartupThunk"/>). The result is .NET text: the
/// strings' bytes decoded as UTF-8 (see <see cref="ByteText"/>).
/// </summary>
public static class ValuePrinter
{
    /// <summary>The marker in the byte form the printer writes (see <see cref="ByteText"/>).</summary>
    private static readonly string Repeated = ByteText.FromUnicode("«repeated»");

    public static string Print(Value value) => Print(value, "<CODE>");

    /// <summary>As <see cref="Print(Value)"/>, in the runtime's byte form (<see cref="ByteText"/>): the bytes Nix prints.</summary>
    public static string PrintBytes(Value value)
    {
        var builder = new StringBuilder();
        Print(builder, value, new HashSet<object>(ReferenceEqualityComparer.Instance), "<CODE>");
        return builder.ToString();
    }

    /// <summary>
    /// As <see cref="Print(Value)"/>, with <paramref name="unevaluated"/> for a value not
    /// evaluated yet: <c>builtins.trace</c> writes <c>«thunk»</c> as newer Nix does, where
    /// Nix 2.8's <c>--eval</c> output has <c>&lt;CODE&gt;</c>.
    /// </summary>
    public static string Print(Value value, string unevaluated)
    {
        var builder = new StringBuilder();
        Print(builder, value, new HashSet<object>(ReferenceEqualityComparer.Instance), ByteText.FromUnicode(unevaluated));
        return ByteText.ToUnicode(builder.ToString());
    }

    private static void Print(StringBuilder output, Value value, HashSet<object> seen, string unevaluated)
    {
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack()) throw EvaluationException.StackOverflow(null);
        MemoryLimit.EnsureOutput(output, null);
        // Nix marks a list as printed by the slot that holds it, a set by its bindings: so in
        // `let x = [ x ]; in x` the result and the variable are two slots for one list, and
        // Nix prints [ [ «repeated» ] ].
        var slot = value;
        if (value is Thunk thunk)
        {
            if (thunk.ResultAsNixHoldsIt is { } forced) value = forced;
            else
            {
                output.Append(unevaluated);
                return;
            }
        }
        switch (value)
        {
            case NullValue: output.Append("null"); break;
            case BoolValue b: output.Append(b.Value ? "true" : "false"); break;
            case IntValue i: output.Append(i.Value); break;
            case FloatValue f: output.Append(NumberFormat.FormatFloat(f.Value)); break;
            case StringValue s: AppendString(output, s.Text); break;
            case PathValue p: output.Append(ByteText.FromUnicode(p.Path)); break;
            case LambdaValue: output.Append("<LAMBDA>"); break;
            case PrimOpValue: output.Append("<PRIMOP>"); break;
            case PrimOpAppValue: output.Append("<PRIMOP-APP>"); break;
            case AttrSetValue attrs:
                if (attrs.Count > 0 && !seen.Add(attrs))
                {
                    output.Append(Repeated);
                    break;
                }
                output.Append("{ ");
                for (var k = 0; k < attrs.Count; k++)
                {
                    AppendAttrName(output, attrs.Names[k].Name);
                    output.Append(" = ");
                    Print(output, attrs.Values[k], seen, unevaluated);
                    output.Append("; ");
                }
                output.Append('}');
                break;
            case ListValue list:
                if (list.Count > 0 && !seen.Add(slot))
                {
                    output.Append(Repeated);
                    break;
                }
                output.Append("[ ");
                foreach (var item in list.Items)
                {
                    Print(output, item, seen, unevaluated);
                    output.Append(' ');
                }
                output.Append(']');
                break;
        }
    }

    /// <summary>
    /// A string literal with Nix's escapes (<c>\" \\ \n \r \t \${</c>). Nix 2.8 escapes every
    /// <c>$</c> of a quoted attribute name (<c>{ "\$" = 1; }</c>), only <c>${</c> in a string value
    /// (found by the differential test).
    /// </summary>
    public static void AppendString(StringBuilder output, string text, bool escapeEveryDollar = false)
    {
        output.Append('"');
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '"': output.Append("\\\""); break;
                case '\\': output.Append("\\\\"); break;
                case '\n': output.Append("\\n"); break;
                case '\r': output.Append("\\r"); break;
                case '\t': output.Append("\\t"); break;
                case '$' when escapeEveryDollar || (i + 1 < text.Length && text[i + 1] == '{'): output.Append("\\$"); break;
                default: output.Append(c); break;
            }
        }
        output.Append('"');
    }

    public static void AppendAttrName(StringBuilder output, string name)
    {
        if (IsIdentifier(name)) output.Append(name);
        else AppendString(output, name, escapeEveryDollar: true);
    }

    private static bool IsIdentifier(string name)
    {
        if (name.Length == 0 || !(char.IsAsciiLetter(name[0]) || name[0] == '_')) return false;
        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '\'' or '-')) return false;
        }
        return name is not ("if" or "then" or "else" or "assert" or "with" or "let" or "in" or "rec" or "inherit" or "or");
    }
}
