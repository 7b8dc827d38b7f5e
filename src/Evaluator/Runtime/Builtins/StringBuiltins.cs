using System.Runtime.CompilerServices;
using System.Text;
using ConfigLang.Evaluator.Lowering;
using ConfigLang.Evaluator.Runtime.Values;
using ConfigLang.Evaluator.Text;

namespace ConfigLang.Evaluator.Runtime.Builtins;

/// <summary>Builtins on strings and string context. Lengths and offsets count bytes, as Nix's do (a char is a byte, see <see cref="ByteText"/>).</summary>
internal static class StringBuiltins
{
    public static void Register(BuiltinRegistry r)
    {
        r.Add("toString", 1, (i, a, s) => i.CoerceToStringValue(a[0], s, coerceMore: true, copyToStore: false), global: true);
        r.Add("stringLength", 1, (i, a, s) =>
        {
            return IntValue.Of(i.CoerceToStringValue(a[0], s).Text.Length);
        });
        r.Add("substring", 3, (i, a, s) =>
        {
            var start = i.ForceInt(a[0], s);
            var length = i.ForceInt(a[1], s);
            var str = i.CoerceToStringValue(a[2], s);
            if (start < 0) throw EvaluationException.Create(EvaluationDiagnostics.OutOfBounds, "negative start position in 'substring'", s);
            return new StringValue(Substring(str.Text, start, length), str.Context);
        });
        r.Add("concatStringsSep", 2, ConcatStringsSep);
        r.Add("replaceStrings", 3, ReplaceStrings);
        r.Add("baseNameOf", 1, (i, a, s) =>
        {
            string[]? context = null;
            var text = i.CoerceToString(a[0], s, ref context, copyToStore: false);
            return new StringValue(PathUtilities.BaseNameOf(text), context);
        }, global: true);
        r.Add("dirOf", 1, (i, a, s) =>
        {
            var v = a[0].Force();
            if (v is PathValue p) return new PathValue(PathUtilities.DirOf(p.Path));
            string[]? context = null;
            var text = i.CoerceToString(v, s, ref context, copyToStore: false);
            return new StringValue(PathUtilities.DirOf(text), context);
        }, global: true);
        r.Add("unsafeDiscardStringContext", 1, (i, a, s) => StringValue.Of(i.CoerceToStringValue(a[0], s).Text));
        r.Add("hasContext", 1, (i, a, s) => BoolValue.Of(i.ForceString(a[0], s).HasContext));
        r.Add("placeholder", 1, (i, a, s) =>
        {
            var output = i.ForceStringNoContext(a[0], s);
            var hash = System.Security.Cryptography.SHA256.HashData(ByteText.ToBytes("nix-output:" + output));
            return StringValue.Of("/" + StorePaths.ToBase32(hash));
        }, global: true);
    }

    /// <summary>
    /// <c>concatStringsSep</c>: the elements coerced in order and measured, then copied once into a
    /// string of the exact length. Strings are read again from the list rather than kept in an
    /// array of parts (a million-line file would keep a large array the collector scans at every
    /// collection while the lines are being evaluated).
    /// </summary>
    private static Value ConcatStringsSep(Interpreter i, Value[] a, SourceLocation? s)
    {
        // The separator is forced, not coerced (Nix 2.8): a path or a set is a type error.
        var separatorValue = i.ForceString(a[0], s);
        var separator = separatorValue.Text;
        var context = separatorValue.Context;
        var list = i.ForceList(a[1], s);
        if (list.Count == 0) return new StringValue("", context);
        long length = (long)separator.Length * (list.Count - 1);
        // What elements that are not strings (a path, a set with __toString) coerced to, by index.
        string[]? coerced = null;
        for (var k = 0; k < list.Count; k++)
        {
            string text;
            if (list.Items[k].Force() is StringValue str)
            {
                text = str.Text;
                context = StringValue.MergeContext(context, str.Context);
            }
            else
            {
                text = i.CoerceToString(list.Items[k], s, ref context);
                (coerced ??= new string[list.Count])[k] = text;
            }
            length += text.Length;
        }
        MemoryLimit.EnsureString(length, s);
        var joined = string.Create((int)length, (list, separator, coerced), static (span, state) =>
        {
            var (list, separator, coerced) = state;
            for (var k = 0; k < list.Count; k++)
            {
                if (k > 0)
                {
                    separator.CopyTo(span);
                    span = span[separator.Length..];
                }
                var part = coerced?[k] ?? Unsafe.As<StringValue>(list.Items[k].Force()).Text;
                part.CopyTo(span);
                span = span[part.Length..];
            }
        });
        return new StringValue(joined, context);
    }

    /// <summary>Nix's substring on bytes (one per char, see <see cref="ByteText"/>); a negative length means "to the end".</summary>
    private static string Substring(string text, long start, long length)
    {
        if (start >= text.Length) return "";
        var available = text.Length - (int)start;
        var take = length < 0 || length > available ? available : (int)length;
        return text.Substring((int)start, take);
    }

    private static Value ReplaceStrings(Interpreter i, Value[] a, SourceLocation? s)
    {
        var from = i.ForceList(a[0], s);
        var to = i.ForceList(a[1], s);
        if (from.Count != to.Count)
        {
            throw EvaluationException.Create(EvaluationDiagnostics.General, "'from' and 'to' arguments to 'replaceStrings' have different lengths", s);
        }
        // Nix 2.8's order: the patterns, then the input, each forced to a string (not coerced).
        var patterns = new string[from.Count];
        for (var k = 0; k < patterns.Length; k++) patterns[k] = i.ForceString(from.Items[k], s).Text; // context allowed, and dropped
        var input = i.ForceString(a[2], s);
        var replacements = new StringValue?[to.Count];
        string[]? context = input.Context;
        var text = input.Text;
        var builder = new StringBuilder();
        for (var p = 0; p <= text.Length;)
        {
            var found = false;
            for (var k = 0; k < patterns.Length; k++)
            {
                var pattern = patterns[k];
                if (string.CompareOrdinal(text, p, pattern, 0, pattern.Length) != 0 || p + pattern.Length > text.Length) continue;
                replacements[k] ??= i.ForceString(to.Items[k], s);
                builder.Append(replacements[k]!.Text);
                context = StringValue.MergeContext(context, replacements[k]!.Context);
                if (pattern.Length == 0)
                {
                    if (p < text.Length) builder.Append(text[p]);
                    p++;
                }
                else
                {
                    p += pattern.Length;
                }
                found = true;
                break;
            }
            if (!found)
            {
                if (p < text.Length) builder.Append(text[p]);
                p++;
            }
        }
        return new StringValue(builder.ToString(), context);
    }
}
