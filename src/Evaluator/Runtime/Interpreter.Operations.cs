using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using ConfigLang.Evaluator.Lowering;
using ConfigLang.Evaluator.Runtime.Values;
using ConfigLang.Evaluator.Text;

namespace ConfigLang.Evaluator.Runtime;

public sealed partial class Interpreter
{
    private readonly Dictionary<string, string> _storePathCache = new(StringComparer.Ordinal);

    /// <summary><c>+ - * /</c> on numbers: integers stay integers (overflow is an error), a float makes the result a float.</summary>
    public Value Arithmetic(char op, Value left, Value right, SourceLocation? site)
    {
        var a = left.Force();
        var b = right.Force();
        // Nix 2.8's division checks the divisor first (a number, not zero), whatever the dividend is.
        if (op == '/' && ForceFloat(b, site) == 0) throw EvaluationException.Create(EvaluationDiagnostics.DivisionByZero, "division by zero", site);
        if (op == '+' && !(b is IntValue or FloatValue) && a is IntValue or FloatValue)
        {
            throw EvaluationException.Type($"cannot add {b.Describe()} to {a.Describe()}", site);
        }
        if (a is FloatValue || b is FloatValue)
        {
            var x = ForceFloat(a, site);
            var y = ForceFloat(b, site);
            switch (op)
            {
                case '+': return new FloatValue(x + y);
                case '-': return new FloatValue(x - y);
                case '*': return new FloatValue(x * y);
                default:
                    if (y == 0) throw EvaluationException.Create(EvaluationDiagnostics.DivisionByZero, "division by zero", site);
                    return new FloatValue(x / y);
            }
        }
        var i = ForceInt(a, site);
        var j = ForceInt(b, site);
        if (TryIntArithmetic(op, i, j, out var result)) return IntValue.Of(result);
        if (op == '/' && j == 0) throw EvaluationException.Create(EvaluationDiagnostics.DivisionByZero, "division by zero", site);
        if (op == '/') throw EvaluationException.Create(EvaluationDiagnostics.IntegerOverflow, "overflow in integer division", site);
        var verb = op switch { '+' => "adding", '-' => "subtracting", '*' => "multiplying", _ => "dividing" };
        throw EvaluationException.Create(EvaluationDiagnostics.IntegerOverflow, $"integer overflow in {verb} {i} {op} {j}", site);
    }

    /// <summary><c>+ - * /</c> on two integers when it cannot fail: false on overflow and division
    /// by zero, which <see cref="Arithmetic"/> reports. Cannot fail, so it may run before anything
    /// asks for the result (no thunk for <c>n - 1</c> when <c>n</c> is known).</summary>
    internal static bool TryIntArithmetic(char op, long i, long j, out long result)
    {
        switch (op)
        {
            case '+':
                result = i + j;
                return ((i ^ result) & (j ^ result)) >= 0;
            case '-':
                result = i - j;
                return ((i ^ j) & (i ^ result)) >= 0;
            case '*':
                var high = Math.BigMul(i, j, out result);
                return high == result >> 63;
            default:
                if (j == 0 || (j == -1 && i == long.MinValue))
                {
                    result = 0;
                    return false;
                }
                result = i / j;
                return true;
        }
    }

    /// <summary>Nix's <c>==</c>. Functions are never equal; elements that are the very same
    /// object (the same thunk or value) are equal without comparing, as in Nix.</summary>
    public bool ValuesEqual(Value left, Value right, SourceLocation? site)
    {
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack()) throw EvaluationException.StackOverflow(site);
        var a = left.Force();
        var b = right.Force();
        switch (a)
        {
            case IntValue i:
                return b switch { IntValue j => i.Value == j.Value, FloatValue g => i.Value == g.Value, _ => false };
            case FloatValue f:
                return b switch { IntValue j => f.Value == j.Value, FloatValue g => f.Value == g.Value, _ => false };
            case StringValue s:
                return b is StringValue t && string.Equals(s.Text, t.Text, StringComparison.Ordinal);
            case PathValue p:
                return b is PathValue q && string.Equals(p.Path, q.Path, StringComparison.Ordinal);
            case NullValue:
                return b is NullValue;
            case BoolValue x:
                return b is BoolValue y && x.Value == y.Value;
            case ListValue l:
            {
                if (b is not ListValue m || l.Count != m.Count) return false;
                for (var k = 0; k < l.Count; k++)
                {
                    if (ReferenceEquals(l.Items[k], m.Items[k])) continue;
                    if (!ValuesEqual(l.Items[k], m.Items[k], site)) return false;
                }
                return true;
            }
            case AttrSetValue xs:
            {
                if (b is not AttrSetValue ys) return false;
                if (ReferenceEquals(xs, ys)) return true;
                if (IsDerivation(xs) && IsDerivation(ys) && xs.Get(Symbols.OutPath) is { } o1 && ys.Get(Symbols.OutPath) is { } o2)
                {
                    return ValuesEqual(o1, o2, site);
                }
                if (xs.Count != ys.Count) return false;
                for (var k = 0; k < xs.Count; k++)
                {
                    if (!ReferenceEquals(xs.Names[k], ys.Names[k])) return false;
                }
                for (var k = 0; k < xs.Count; k++)
                {
                    if (ReferenceEquals(xs.Values[k], ys.Values[k])) continue;
                    if (!ValuesEqual(xs.Values[k], ys.Values[k], site)) return false;
                }
                return true;
            }
            default:
                return false;
        }
    }

    /// <summary>Whether a set is a derivation (<c>type = "derivation"</c>).</summary>
    public bool IsDerivation(AttrSetValue attrs) =>
        attrs.Get(Symbols.Type) is { } type && type.Force() is StringValue { Text: "derivation" };

    /// <summary>Nix's <c>&lt;</c>: numbers, strings, paths, and lists lexicographically.</summary>
    public bool LessThan(Value left, Value right, SourceLocation? site)
    {
        var a = left.Force();
        var b = right.Force();
        switch (a, b)
        {
            case (IntValue i, IntValue j): return i.Value < j.Value;
            case (IntValue i, FloatValue g): return i.Value < g.Value;
            case (FloatValue f, IntValue j): return f.Value < j.Value;
            case (FloatValue f, FloatValue g): return f.Value < g.Value;
            case (StringValue s, StringValue t): return Utf8Order.Compare(s.Text, t.Text) < 0;
            case (PathValue p, PathValue q): return string.CompareOrdinal(p.Path, q.Path) < 0;
            case (ListValue l, ListValue m):
                for (var k = 0; ; k++)
                {
                    if (k == m.Count) return false;
                    if (k == l.Count) return true;
                    if (!ValuesEqual(l.Items[k], m.Items[k], site)) return LessThan(l.Items[k], m.Items[k], site);
                }
            default:
                // Nix 2.8 compares without a position: it prints none.
                throw EvaluationException.Type($"cannot compare {a.Describe()} with {b.Describe()}", site).LocatedByNixAt(null);
        }
    }

    /// <summary>
    /// String interpolation (<paramref name="forceString"/>) and <c>+</c> on strings and paths:
    /// the first operand decides whether the result is a path; paths interpolated into strings
    /// are "copied to the store" (their store path is computed, nothing is written).
    /// </summary>
    /// <param name="operands">The nodes <paramref name="values"/> came from, for the location of an error.</param>
    /// <param name="site">The whole expression; a node rather than its location, which only an error needs.</param>
    /// <param name="integers">One bit per part that is an integer <c>toString</c> was applied to
    /// (see ConcatNode), its value in <paramref name="numbers"/>: formatted in decimal straight into the result.</param>
    internal Value ConcatStrings(ReadOnlySpan<Value> values, bool forceString, Lowering.Bound.Node[] operands, Lowering.Bound.ConcatNode site,
        ulong integers = 0, ReadOnlySpan<long> numbers = default)
    {
        var firstKind = forceString || (integers & 1) != 0 ? ValueKind.String : values[0].Force().Kind;
        if (firstKind is ValueKind.Int or ValueKind.Float)
        {
            Value sum = values[0].Force();
            for (var i = 1; i < values.Length; i++) sum = Arithmetic('+', sum, values[i], operands[i].Location);
            return sum;
        }
        // Interpolations have a few parts: their strings stay on the stack until joined.
        var buffer = new InlineParts<string>();
        var parts = values.Length <= InlineParts<string>.Length ? ((Span<string>)buffer)[..values.Length] : new string[values.Length];
        string[]? context = null;
        long length = 0;
        for (var i = 0; i < values.Length; i++)
        {
            if ((integers >> i & 1) != 0)
            {
                parts[i] = null!;
                length += DecimalLength(numbers[i]);
                continue;
            }
            // Nearly every part is a string: taken as it is, without working out the part's location.
            if (values[i].Force() is StringValue s)
            {
                parts[i] = s.Text;
                context = StringValue.MergeContext(context, s.Context);
            }
            else
            {
                parts[i] = CoercePart(values[i], site, i, ref context, copyToStore: firstKind == ValueKind.String, canonicalizePath: forceString || i > 0);
            }
            length += parts[i].Length;
        }
        // Doubling a string thirty times is a short expression: checked before the string is made.
        MemoryLimit.EnsureString(length, site.Location);
        var text = integers == 0
            ? string.Concat((ReadOnlySpan<string?>)parts)
            : string.Create((int)length, new FormattedParts(parts, numbers), static (span, state) => state.CopyTo(span));
        if (firstKind == ValueKind.Path)
        {
            if (context is not null)
            {
                throw EvaluationException.Create(EvaluationDiagnostics.TypeMismatch,
                    "a string that refers to a store path cannot be appended to a path", site.Location);
            }
            return new PathValue(PathUtilities.Canonicalize(ByteText.ToUnicode(text)));
        }
        return new StringValue(text, context);
    }

    /// <summary>A part of a concatenation that is no string, coerced. An error raised at the part itself (not inside
    /// a __toString) is located as Nix 2.8 locates it, at the part's start (see ConcatNode). A method of its own, so
    /// the handler is no part of the concatenation's frame (that cost string-build 4%).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private string CoercePart(Value value, Lowering.Bound.ConcatNode site, int index, ref string[]? context, bool copyToStore, bool canonicalizePath)
    {
        var operand = site.PartLocation(index);
        try
        {
            return CoerceToString(value, operand, ref context, coerceMore: false, copyToStore, canonicalizePath);
        }
        catch (EvaluationException e) when (e.LocatedByNixAtIfRaisedAt(operand, site.NixLocationOfPart(index)))
        {
            throw; // never reached: the filter declines
        }
    }

    /// <summary>The number of chars of <paramref name="value"/> in decimal, a minus sign included.</summary>
    private static int DecimalLength(long value)
    {
        if (value < 0) return value == long.MinValue ? 20 : 1 + DecimalLength(-value);
        var digits = 1;
        for (; value >= 10; value /= 10) digits++;
        return digits;
    }

    /// <summary>The parts of a concatenation: a string, or where that is null a number to format.</summary>
    private readonly ref struct FormattedParts(ReadOnlySpan<string> texts, ReadOnlySpan<long> numbers)
    {
        private readonly ReadOnlySpan<string> _texts = texts;
        private readonly ReadOnlySpan<long> _numbers = numbers;

        public void CopyTo(Span<char> span)
        {
            for (var i = 0; i < _texts.Length; i++)
            {
                int written;
                if (_texts[i] is { } text)
                {
                    text.CopyTo(span);
                    written = text.Length;
                }
                else
                {
                    _numbers[i].TryFormat(span, out written, default, CultureInfo.InvariantCulture);
                }
                span = span[written..];
            }
        }
    }

    /// <summary>Nix's <c>coerceToString</c>. <paramref name="coerceMore"/> is <c>toString</c>'s
    /// extra leniency (numbers, Booleans, null, lists).</summary>
    public string CoerceToString(Value value, SourceLocation? site, ref string[]? context,
        bool coerceMore = false, bool copyToStore = true, bool canonicalizePath = true) =>
        CoerceToString(value, site, ref context, coerceMore, copyToStore, canonicalizePath, depth: 0);

    private string CoerceToString(Value value, SourceLocation? site, ref string[]? context,
        bool coerceMore, bool copyToStore, bool canonicalizePath, int depth)
    {
        // A depth, not only the stack: `__toString = self: self` recurses in tail position, which
        // the JIT may turn into a loop that never runs out of stack.
        if (depth > Options.MaxCallDepth || !RuntimeHelpers.TryEnsureSufficientExecutionStack()) throw EvaluationException.StackOverflow(site);
        var v = value.Force();
        switch (v)
        {
            case StringValue s:
                context = StringValue.MergeContext(context, s.Context);
                return s.Text;
            case PathValue p:
            {
                // Paths hold .NET text (they name files); strings hold bytes.
                var path = canonicalizePath ? PathUtilities.Canonicalize(p.Path) : p.Path;
                if (!copyToStore) return ByteText.FromUnicode(path);
                var storePath = ByteText.FromUnicode(CopyPathToStore(path, site));
                context = StringValue.MergeContext(context, [storePath]);
                return storePath;
            }
            case AttrSetValue attrs:
                if (attrs.Get(Symbols.ToStringSymbol) is { } toString)
                {
                    var result = Call(toString, attrs, site).Force();
                    return CoerceToString(result, site, ref context, coerceMore, copyToStore, canonicalizePath, depth + 1);
                }
                if (attrs.Get(Symbols.OutPath) is { } outPath)
                {
                    return CoerceToString(outPath, site, ref context, coerceMore, copyToStore, canonicalizePath, depth + 1);
                }
                break;
        }
        if (coerceMore)
        {
            switch (v)
            {
                case BoolValue b: return b.Value ? "1" : "";
                case IntValue i: return i.Value.ToString(CultureInfo.InvariantCulture);
                case FloatValue f: return f.Value.ToString("F6", CultureInfo.InvariantCulture);
                case NullValue: return "";
                case ListValue list:
                {
                    var builder = new StringBuilder();
                    for (var k = 0; k < list.Count; k++)
                    {
                        builder.Append(CoerceToString(list.Items[k], site, ref context, coerceMore, copyToStore, canonicalizePath, depth + 1));
                        if (k < list.Count - 1 && !(list.Items[k].Force() is ListValue { Count: 0 })) builder.Append(' ');
                    }
                    return builder.ToString();
                }
            }
        }
        throw EvaluationException.Type($"cannot coerce {v.Describe()} to a string", site);
    }

    /// <summary>A convenience for builtins: coerce and return a string value keeping the context.</summary>
    public StringValue CoerceToStringValue(Value value, SourceLocation? site, bool coerceMore = false, bool copyToStore = true)
    {
        // A string coerces to its own text and context: the same value, not a copy.
        if (value.Force() is StringValue s) return s;
        string[]? context = null;
        var text = CoerceToString(value, site, ref context, coerceMore, copyToStore);
        return new StringValue(text, context);
    }

    /// <summary>Coerces to a path string (for <c>readFile</c>, <c>import</c>…): an absolute path is required.</summary>
    public string CoerceToPath(Value value, SourceLocation? site) => CoerceToPath(value, site, out _);

    /// <summary><see cref="CoerceToPath(Value, SourceLocation?)"/>, also giving the path as <paramref name="written"/> before canonicalizing.</summary>
    public string CoerceToPath(Value value, SourceLocation? site, out string written)
    {
        string[]? context = null;
        written = ByteText.ToUnicode(CoerceToString(value, site, ref context, coerceMore: false, copyToStore: false));
        if (written.Length == 0 || written[0] != '/')
        {
            throw EvaluationException.Create(EvaluationDiagnostics.TypeMismatch, $"string '{written}' doesn't represent an absolute path", site);
        }
        EnsureNoNul(written, site);
        return PathUtilities.Canonicalize(written);
    }

    /// <summary><see cref="CoerceToPath(Value, SourceLocation?, out string)"/> for a builtin that reads the path
    /// (<c>import</c>, <c>readFile</c>, <c>pathExists</c>…): Nix 2.8 frames a failure "while realising the context of a path".</summary>
    public string RealisePath(Value value, SourceLocation? site, out string written)
    {
        try
        {
            return CoerceToPath(value, site, out written);
        }
        catch (EvaluationException e) when (!e.IsStackOverflow)
        {
            throw e.AddFrame("while realising the context of a path", site);
        }
    }

    /// <summary>
    /// The path a builtin is about to open (<c>readFile</c>, <c>import</c>…): canonical, but failing
    /// as Nix 2.8 does, with "<paramref name="operation"/> 'PATH': Not a directory", when the path
    /// as written goes through a non-directory (<c>toString ./file.nix + "/"</c>).
    /// </summary>
    public string CoerceToOpenablePath(Value value, SourceLocation? site, string operation)
    {
        var path = RealisePath(value, site, out var written);
        if (Files.NamesNonDirectoryAsFolder(written, path))
        {
            throw EvaluationException.SystemError($"{operation} '{written}': Not a directory", site);
        }
        return path;
    }

    /// <summary>No file name holds a NUL byte (the runtime's file API would throw); say so at the call.</summary>
    private static void EnsureNoNul(string path, SourceLocation? site)
    {
        if (!path.Contains('\0')) return;
        throw EvaluationException.Create(EvaluationDiagnostics.FileSystem, $"path '{path.Replace("\0", "\\0")}' contains a NUL byte", site);
    }

    /// <summary>Copies a path into the evaluation's store (<c>"${./file}"</c>); its NAR hash decides where.</summary>
    public string CopyPathToStore(string path, SourceLocation? site)
    {
        if (_storePathCache.TryGetValue(path, out var cached)) return cached;
        EnsureNoNul(path, site);
        string storePath;
        try
        {
            storePath = AddToStore(path, PathUtilities.BaseNameOf(path), filter: null, site);
        }
        catch (ForbiddenPathException e)
        {
            throw Forbidden(e, site);
        }
        _storePathCache[path] = storePath;
        return storePath;
    }

    /// <summary>
    /// Adds <paramref name="path"/> (a file, directory or symlink, from the disk or the store) to the
    /// evaluation's store recursively, as <c>builtins.path</c> does, keeping what <paramref name="filter"/> accepts.
    /// </summary>
    public string AddToStore(string path, string name, Func<string, string, bool>? filter, SourceLocation? site)
    {
        if (!Files.Exists(path))
        {
            throw EvaluationException.SystemError($"getting status of '{path}': No such file or directory", site);
        }
        Store.StoreObject copy;
        try
        {
            copy = Files.Copy(path, filter, site);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw EvaluationException.Create(EvaluationDiagnostics.FileSystem, $"copying '{path}' to the store: {e.Message}", site);
        }
        var storePath = StorePaths.SourcePath(name, Store.NarHash.Of(copy));
        Files.Store.Add(storePath, copy, site);
        return storePath;
    }
}
