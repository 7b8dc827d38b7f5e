using System.Globalization;
using System.Text;
using ConfigLang.Evaluator.Syntax.Nodes;

namespace ConfigLang.Evaluator.Syntax;

/// <summary>
/// Prints a syntax tree exactly as <c>nix-instantiate --parse</c> of Nix 2.8 does: operators
/// desugared the way Nix's parser desugars them (<c>a - b</c> is <c>(__sub a b)</c>,
/// <c>a &gt; b</c> is <c>(__lessThan b a)</c>), dotted bindings merged into nested sets,
/// <c>inherit (e) x</c> as <c>x = (e).x</c>, paths made absolute against the file's directory,
/// sets sorted by name.
/// <para>Nix 2.8 prints <c>let</c> bindings and formal arguments in the order of its symbol
/// table's memory addresses, which follows the order names were first created: names Nix
/// creates at start-up (<c>outPath</c>, <c>type</c>, <c>name</c>, …) first, then names in the
/// order they first appear in the file. That is what this printer does; a few names Nix
/// creates late at start-up (such as <c>x</c>) can still come out in a different place.</para>
/// </summary>
public sealed class SyntaxPrinter
{
    private readonly StringBuilder _out = new();
    private readonly string _baseDirectory;
    private readonly string _home;
    private IReadOnlyDictionary<string, int>[] _createdNames = [];
    private int _maxLength = int.MaxValue;

    private readonly Text.SourceText _source;

    private SyntaxPrinter(Text.SourceText source, string baseDirectory, string home)
    {
        _source = source;
        _baseDirectory = baseDirectory;
        _home = home;
    }

    /// <summary>Prints <paramref name="tree"/>; relative paths resolve against <paramref name="baseDirectory"/>
    /// (the file's directory, or the current directory for standard input).</summary>
    public static string Print(SyntaxTree tree, string baseDirectory, string? home = null) =>
        Print(tree, baseDirectory, int.MaxValue, home);

    /// <summary>Like <see cref="Print(SyntaxTree, string, string?)"/>, but stops once the text passes
    /// <paramref name="maxLength"/> characters and ends it with "…": <c>inherit (e) a b …</c> prints
    /// <c>e</c> once per name, so a short hostile text can print to a huge one.</summary>
    public static string Print(SyntaxTree tree, string baseDirectory, int maxLength, string? home = null)
    {
        var printer = new SyntaxPrinter(tree.Source, baseDirectory, home ?? Environment.GetEnvironmentVariable("HOME") ?? "/")
        {
            _maxLength = maxLength,
            _createdNames = [NixStartupSymbols.NamesCreatedBy(tree.Root)],
        };
        printer.Print(tree.Root);
        if (printer._out.Length <= maxLength) return printer._out.ToString();
        var head = printer._out.ToString(0, maxLength);
        return string.Concat(head.AsSpan(0, Diagnostics.WholeCharacters.CutLength(head)), "…");
    }

    private long SymbolRank(string name) => NixStartupSymbols.Rank(name, _createdNames);

    private void Print(Expr expr)
    {
        if (_out.Length > _maxLength) return;
        switch (expr)
        {
            case IntLiteral i: _out.Append(i.Value.ToString(CultureInfo.InvariantCulture)); break;
            case FloatLiteral f: _out.Append(FormatFloat(f.Value)); break;
            case Identifier id: _out.Append(id.Name); break;
            case CurPosExpr: _out.Append("__curPos"); break;
            case UriLiteral uri: AppendString(uri.Value); break;
            case SearchPathExpr search: _out.Append("(__findFile __nixPath "); AppendString(search.Name); _out.Append(')'); break;
            case StringExpr { Indented: true, Parts: [InterpolationPart only] } when IsPlainString(only.Expression):
                // Nix returns the single piece of an indented string itself when it is a plain string.
                Print(only.Expression);
                break;
            case StringExpr str: PrintStringParts(str.Parts, forceConcat: false); break;
            case PathExpr path: PrintPath(path); break;
            case ListExpr list:
                _out.Append("[ ");
                foreach (var item in list.Items) { _out.Append('('); Print(item); _out.Append(") "); }
                _out.Append(']');
                break;
            case AttrSetExpr set:
                PrintAttrs(AttrSetMerger.Merge(_source, set.Bindings, null, recursive: set.Recursive, dropsMergedDynamicNames: true));
                break;
            case LegacyLetExpr legacy:
                _out.Append('(');
                PrintAttrs(AttrSetMerger.Merge(_source, legacy.Bindings, null, recursive: true, dropsMergedDynamicNames: true));
                _out.Append(").body");
                break;
            case LetExpr let:
                {
                    _out.Append("(let ");
                    var merged = AttrSetMerger.Merge(_source, let.Bindings, null, recursive: true, dropsMergedDynamicNames: true);
                    foreach (var attr in merged.Static.OrderBy(a => SymbolRank(a.Name)))
                    {
                        if (attr.Inherited) { _out.Append("inherit "); AppendAttrName(attr.Name); _out.Append("; "); continue; }
                        AppendAttrName(attr.Name);
                        _out.Append(" = ");
                        PrintAttrValue(attr);
                        _out.Append("; ");
                    }
                    _out.Append("in ");
                    Print(let.Body);
                    _out.Append(')');
                    break;
                }
            case LambdaExpr lambda:
                _out.Append('(');
                if (lambda.Formals is { } formals)
                {
                    _out.Append("{ ");
                    var first = true;
                    foreach (var formal in formals.Items.OrderBy(f => SymbolRank(f.Name)))
                    {
                        if (!first) _out.Append(", ");
                        first = false;
                        _out.Append(formal.Name);
                        if (formal.Default is { } d) { _out.Append(" ? "); Print(d); }
                    }
                    if (formals.Ellipsis) _out.Append(first ? "..." : ", ...");
                    _out.Append(" }");
                    if (lambda.ArgName is { } arg) _out.Append(" @ ").Append(arg);
                }
                else
                {
                    _out.Append(lambda.ArgName);
                }
                _out.Append(": ");
                Print(lambda.Body);
                _out.Append(')');
                break;
            case CallExpr call:
                {
                    var arguments = new List<Expr>();
                    Expr function = call;
                    while (function is CallExpr c) { arguments.Add(c.Argument); function = c.Function; }
                    _out.Append('(');
                    Print(function);
                    for (var i = arguments.Count - 1; i >= 0; i--) { _out.Append(' '); Print(arguments[i]); }
                    _out.Append(')');
                    break;
                }
            case SelectExpr select:
                _out.Append('(');
                Print(select.Target);
                _out.Append(").");
                PrintAttrPath(select.Path);
                if (select.Default is { } fallback) { _out.Append(" or ("); Print(fallback); _out.Append(')'); }
                break;
            case HasAttrExpr has:
                _out.Append("((");
                Print(has.Target);
                _out.Append(") ? ");
                PrintAttrPath(has.Path);
                _out.Append(')');
                break;
            case IfExpr ifExpr:
                _out.Append("(if "); Print(ifExpr.Condition);
                _out.Append(" then "); Print(ifExpr.Then);
                _out.Append(" else "); Print(ifExpr.Else);
                _out.Append(')');
                break;
            case AssertExpr assert:
                _out.Append("assert "); Print(assert.Condition); _out.Append("; "); Print(assert.Body);
                break;
            case WithExpr with:
                _out.Append("(with "); Print(with.Scope); _out.Append("; "); Print(with.Body); _out.Append(')');
                break;
            case UnaryExpr { Operator: UnaryOperator.Not } not:
                _out.Append("(! "); Print(not.Operand); _out.Append(')');
                break;
            case UnaryExpr negate:
                _out.Append("(__sub 0 "); Print(negate.Operand); _out.Append(')');
                break;
            case BinaryExpr binary:
                PrintBinary(binary);
                break;
            case ErrorExpr:
                _out.Append("«error»");
                break;
        }
    }

    /// <summary>What Nix's parser makes an <c>ExprString</c>: a string without interpolation, a URI.</summary>
    private static bool IsPlainString(Expr expr) => expr switch
    {
        UriLiteral => true,
        StringExpr { Parts.Count: 0 } => true,
        StringExpr { Parts: [LiteralPart] } => true,
        StringExpr { Indented: true, Parts: [InterpolationPart inner] } => IsPlainString(inner.Expression),
        _ => false,
    };

    private void PrintBinary(BinaryExpr binary)
    {
        switch (binary.Operator)
        {
            case BinaryOperator.Subtract: Call("__sub", binary.Left, binary.Right); return;
            case BinaryOperator.Multiply: Call("__mul", binary.Left, binary.Right); return;
            case BinaryOperator.Divide: Call("__div", binary.Left, binary.Right); return;
            case BinaryOperator.Less: Call("__lessThan", binary.Left, binary.Right); return;
            case BinaryOperator.Greater: Call("__lessThan", binary.Right, binary.Left); return;
            case BinaryOperator.LessOrEqual: _out.Append("(! "); Call("__lessThan", binary.Right, binary.Left); _out.Append(')'); return;
            case BinaryOperator.GreaterOrEqual: _out.Append("(! "); Call("__lessThan", binary.Left, binary.Right); _out.Append(')'); return;
        }
        var symbol = binary.Operator switch
        {
            BinaryOperator.Add => "+",
            BinaryOperator.Concat => "++",
            BinaryOperator.Update => "//",
            BinaryOperator.Equal => "==",
            BinaryOperator.NotEqual => "!=",
            BinaryOperator.And => "&&",
            BinaryOperator.Or => "||",
            BinaryOperator.Implies => "->",
            BinaryOperator.PipeRight => "|>",
            _ => "<|",
        };
        _out.Append('(');
        Print(binary.Left);
        _out.Append(' ').Append(symbol).Append(' ');
        Print(binary.Right);
        _out.Append(')');
    }

    private void Call(string function, Expr left, Expr right)
    {
        _out.Append('(').Append(function).Append(' ');
        Print(left);
        _out.Append(' ');
        Print(right);
        _out.Append(')');
    }

    private void PrintAttrs(MergedAttrs attrs)
    {
        if (attrs.Recursive) _out.Append("rec ");
        _out.Append("{ ");
        foreach (var attr in attrs.Static.OrderBy(a => a.Name, StringComparer.Ordinal))
        {
            if (attr.Inherited)
            {
                _out.Append("inherit ");
                AppendAttrName(attr.Name);
                _out.Append(" ; ");
                continue;
            }
            AppendAttrName(attr.Name);
            _out.Append(" = ");
            PrintAttrValue(attr);
            _out.Append("; ");
        }
        foreach (var dynamic in attrs.Dynamic)
        {
            _out.Append("\"${");
            Print(dynamic.Name.Expression);
            _out.Append("}\" = ");
            if (dynamic.Nested is { } nested) PrintAttrs(nested);
            else if (dynamic.Value is { } value) Print(value);
            _out.Append("; ");
        }
        _out.Append('}');
    }

    private void PrintAttrValue(MergedAttr attr)
    {
        if (attr.InheritedFrom is { } from)
        {
            _out.Append('(');
            Print(from);
            _out.Append(").");
            AppendAttrName(attr.Name);
        }
        else if (attr.Nested is { } nested)
        {
            PrintAttrs(nested);
        }
        else if (attr.Value is { } value)
        {
            Print(value);
        }
    }

    private void PrintAttrPath(AttrPath path)
    {
        for (var i = 0; i < path.Count; i++)
        {
            if (i > 0) _out.Append('.');
            switch (path[i])
            {
                case StaticAttrName s: AppendAttrName(s.Name); break;
                case DynamicAttrName d: _out.Append("\"${"); Print(d.Expression); _out.Append("}\""); break;
            }
        }
    }

    private void PrintStringParts(IReadOnlyList<StringPart> parts, bool forceConcat)
    {
        if (parts.Count == 0) { AppendString(""); return; }
        if (parts.Count == 1 && parts[0] is LiteralPart only && !forceConcat) { AppendString(only.Text); return; }
        _out.Append('(');
        for (var i = 0; i < parts.Count; i++)
        {
            if (i > 0) _out.Append(" + ");
            switch (parts[i])
            {
                case LiteralPart literal: AppendString(literal.Text); break;
                case InterpolationPart interpolation: Print(interpolation.Expression); break;
            }
        }
        _out.Append(')');
    }

    private void PrintPath(PathExpr path)
    {
        var first = ((LiteralPart)path.Parts[0]).Text;
        var resolved = ResolvePath(first);
        if (path.Parts.Count == 1)
        {
            _out.Append(resolved);
            return;
        }
        _out.Append('(').Append(resolved);
        for (var i = 1; i < path.Parts.Count; i++)
        {
            _out.Append(" + ");
            switch (path.Parts[i])
            {
                case LiteralPart literal: AppendString(literal.Text); break;
                case InterpolationPart interpolation: Print(interpolation.Expression); break;
            }
        }
        _out.Append(')');
    }

    /// <summary>As Nix's parser: <c>~/x</c> is <c>$HOME/x</c> as written; other paths are made
    /// absolute and canonical (no <c>.</c>, <c>..</c>, doubled or trailing slash), a trailing
    /// slash kept only before an interpolation.</summary>
    private string ResolvePath(string text)
    {
        if (text.StartsWith('~')) return _home + text[1..];
        var absolute = text.StartsWith('/') ? text : _baseDirectory.TrimEnd('/') + "/" + text;
        var segments = new List<string>();
        foreach (var segment in absolute.Split('/'))
        {
            if (segment.Length == 0 || segment == ".") continue;
            if (segment == "..") { if (segments.Count > 0) segments.RemoveAt(segments.Count - 1); continue; }
            segments.Add(segment);
        }
        var canonical = "/" + string.Join('/', segments);
        if (text.Length > 1 && text.EndsWith('/')) canonical += "/";
        return canonical;
    }

    private void AppendAttrName(string name)
    {
        if (IsPlainIdentifier(name)) _out.Append(name);
        else AppendString(name);
    }

    private static bool IsPlainIdentifier(string name)
    {
        if (name.Length == 0 || !(char.IsAsciiLetter(name[0]) || name[0] == '_')) return false;
        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '_' || c == '\'' || c == '-')) return false;
        }
        // 'or' may be an attribute name unquoted, so it is not quoted.
        return name is not ("if" or "then" or "else" or "assert" or "with" or "let" or "in" or "rec" or "inherit");
    }

    private void AppendString(string text)
    {
        _out.Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"': _out.Append("\\\""); break;
                case '\\': _out.Append("\\\\"); break;
                case '$': _out.Append("\\$"); break;
                case '\n': _out.Append("\\n"); break;
                case '\r': _out.Append("\\r"); break;
                case '\t': _out.Append("\\t"); break;
                default: _out.Append(c); break;
            }
        }
        _out.Append('"');
    }

    /// <summary>C++ <c>ostream &lt;&lt; double</c>: <c>%g</c> with six significant digits.</summary>
    public static string FormatFloat(double value)
    {
        if (double.IsNaN(value)) return "nan";
        if (double.IsInfinity(value)) return value > 0 ? "inf" : "-inf";
        if (value == 0) return "0";
        var scientific = value.ToString("E5", CultureInfo.InvariantCulture);
        var exponent = int.Parse(scientific[(scientific.IndexOf('E') + 1)..], CultureInfo.InvariantCulture);
        if (exponent < -4 || exponent >= 6)
        {
            var mantissa = scientific[..scientific.IndexOf('E')];
            if (mantissa.Contains('.')) mantissa = mantissa.TrimEnd('0').TrimEnd('.');
            return $"{mantissa}e{(exponent < 0 ? '-' : '+')}{Math.Abs(exponent):00}";
        }
        var fixedText = value.ToString("F" + (5 - exponent), CultureInfo.InvariantCulture);
        if (fixedText.Contains('.')) fixedText = fixedText.TrimEnd('0').TrimEnd('.');
        return fixedText;
    }
}
