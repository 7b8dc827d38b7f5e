using System.Runtime.CompilerServices;
using ConfigLang.Evaluator.Diagnostics;
using ConfigLang.Evaluator.Syntax.Nodes;
using ConfigLang.Evaluator.Text;

namespace ConfigLang.Evaluator.Syntax;

/// <summary>
/// The hand-written parser of the Nix language: recursive descent for the constructs,
/// precedence climbing (Pratt) for the operators, with Nix's precedence and associativity.
/// <para>What it guarantees: it always returns a tree (unparsable parts become
/// <see cref="ErrorExpr"/>), it reports every syntax error of the file in one run, each with a
/// span and, for unclosed delimiters, the place where they opened; it never overflows the
/// stack: nesting beyond <see cref="MaxNestingDepth"/> levels is a diagnostic. After a clean
/// parse, <see cref="Parse"/> reports what Nix also reports at parse time (duplicate attributes
/// and formals, undefined variables) through <see cref="Lowering.ScopeResolver"/>, the same
/// resolver evaluation uses.</para>
/// The grammar is split by area: <c>Parser.Expressions.cs</c> (operators, application,
/// selection, primaries), <c>Parser.Bindings.cs</c> (sets, let, inherit, attribute paths),
/// <c>Parser.Functions.cs</c> (lambdas and formals), <c>Parser.Strings.cs</c> (strings, indented
/// strings, paths).
/// </summary>
public sealed partial class Parser
{
    /// <summary>How deeply expressions may nest before the parser gives up on the file.</summary>
    public const int MaxNestingDepth = 1000;

    private readonly SourceText _source;
    private readonly string _text;
    private readonly DiagnosticBag _diagnostics;

    /// <summary>The parser's own reports; they follow the lexer's in the caller's bag, as when
    /// the whole file was lexed before parsing.</summary>
    private readonly DiagnosticBag _reports = new();

    /// <summary>Tokens come from the lexer as the parser needs them: <see cref="_tokens"/> is its
    /// buffer, whose first <c>_lexer.Count</c> items are lexed; <see cref="_index"/> is the current one.</summary>
    private readonly Lexer _lexer;
    private Token[] _tokens;
    private readonly NameTable _names = new();
    private readonly LiteralCache _literals = new();

    /// <summary>Whether the last <see cref="ParseSelect"/> made the legacy call <c>f or</c> itself (not a parenthesized one).</summary>
    private bool _selectWasCallOfOr;
    private readonly ListPool<Expr> _exprLists = new();
    private readonly ListPool<Binding> _bindingLists = new();
    private readonly ListPool<StringPart> _partLists = new();
    private readonly ListPool<AttrName> _nameLists = new();
    private readonly ListPool<IndentationStripper.Piece> _pieceLists = new();

    private int _index;
    private int _depth;

    /// <summary>How deep the nodes parsed since the last reset lie in the tree. It is more than
    /// the deepest <see cref="_depth"/> when a left-associative chain (<c>a + b + c</c>, <c>f x y</c>)
    /// has put earlier nodes under later operators; tracking it keeps the tree's real height
    /// within <see cref="MaxNestingDepth"/>, so every recursive walk of the tree is bounded too.</summary>
    private int _deepest;
    private int _previousEnd;
    private bool _abandoned;
    private int _lastErrorOffset = -1;

    private Parser(SourceText source, DiagnosticBag diagnostics)
    {
        _source = source;
        _text = source.Text;
        _diagnostics = diagnostics;
        _lexer = Lexer.Streaming(source, diagnostics);
        _lexer.LexMore();
        _tokens = _lexer.Buffer;
    }

    /// <summary>Parses one source and runs the parse-time checks when the syntax is clean.</summary>
    public static SyntaxTree Parse(SourceText source)
    {
        var diagnostics = new DiagnosticBag();
        var root = new Parser(source, diagnostics).ParseTree();
        if (!diagnostics.HasErrors) Lowering.ScopeResolver.Check(source, root, diagnostics);
        return new SyntaxTree(source, root, InSourceOrder(diagnostics));
    }

    /// <summary>Lexical errors are found before the parse starts; people read them in file order.</summary>
    private static Diagnostic[] InSourceOrder(DiagnosticBag diagnostics) =>
        diagnostics.Items.OrderBy(d => d.Location?.Span.Start ?? 0).ToArray();

    /// <summary>Parses without the parse-time checks (for tools that want the raw tree).</summary>
    public static SyntaxTree ParseSyntaxOnly(SourceText source)
    {
        var diagnostics = new DiagnosticBag();
        var root = new Parser(source, diagnostics).ParseTree();
        return new SyntaxTree(source, root, InSourceOrder(diagnostics));
    }

    // Not run in a GC no-collection region (GC.TryStartNoGCRegion), although the tree survives
    // the whole parse: measured on the 1 MB benchmark module, starting a region forces a gen2
    // collection per parse and the region's memory comes back as fresh pages every time (3.5x the
    // page faults), so a parse took 60-75 ms instead of 13-25 ms (24 instead of 70-90 MB/s of
    // processor time), with or without disallowFullBlockingGC.
    private Expr ParseTree()
    {
        var root = ParseRoot();
        _diagnostics.AddRange(_reports.Items);
        return root;
    }

    private Expr ParseRoot()
    {
        var root = ParseExpression();
        while (Kind != TokenKind.EndOfFile)
        {
            var token = Current;
            if (token.Kind is TokenKind.CloseBrace or TokenKind.CloseBracket or TokenKind.CloseParen)
                Report(SyntaxDiagnostics.UnmatchedClosingDelimiter(_source, token.Span, _text.Substring(token.Start, 1)));
            else
                ReportUnexpected(token, "end of file");
            Advance();
            // Keep going so that later errors are reported too, but do not report each token.
            if (CanStartExpression(Kind)) ParseExpression();
        }
        return root;
    }

    // ---- Token access ------------------------------------------------------------------

    private Token Current => _tokens[_index];

    private TokenKind Kind => _tokens[_index].Kind;

    /// <summary>The kind <paramref name="ahead"/> tokens after the current one (the end of file past it).</summary>
    private TokenKind PeekKind(int ahead)
    {
        if (_index + ahead >= _lexer.Count) Fill(ahead);
        return _tokens[Math.Min(_index + ahead, _lexer.Count - 1)].Kind;
    }

    private Token Advance()
    {
        var token = _tokens[_index];
        if (token.Kind != TokenKind.EndOfFile)
        {
            _previousEnd = token.End;
            if (++_index == _lexer.Count) Fill(0);
        }
        return token;
    }

    /// <summary>Tokens lexed past the one the parser needs, so that the lexer is called once per
    /// batch rather than once per token (the whole file is lexed in the end anyway).</summary>
    private const int LexAhead = 32;

    /// <summary>Lexes until the token <paramref name="ahead"/> of the current one, and a few more, are
    /// in the buffer (or the end of file is), first dropping the tokens already parsed once they fill half of it.</summary>
    private void Fill(int ahead)
    {
        if (_index >= _tokens.Length / 2) _index -= _lexer.Drop(_index);
        var wanted = _index + ahead + LexAhead;
        while (wanted >= _lexer.Count && _lexer.LexMore())
        {
        }
        _tokens = _lexer.Buffer;
    }

    /// <summary>Lexes the rest of the file (its lexical errors are still reported) and makes the
    /// end of file the current token.</summary>
    private void SkipToEnd()
    {
        do
        {
            _lexer.Drop(_lexer.Count);
        }
        while (_lexer.LexMore());
        _tokens = _lexer.Buffer;
        _index = _lexer.Count - 1;
    }

    private bool Accept(TokenKind kind)
    {
        if (Kind != kind) return false;
        Advance();
        return true;
    }

    private ReadOnlySpan<char> TextOf(Token token) => _text.AsSpan(token.Start, token.Length);

    private string Intern(Token token) => _names.Intern(TextOf(token));

    private TextSpan SpanFrom(int start) => TextSpan.FromBounds(start, Math.Max(start, _previousEnd));

    /// <summary>A zero-length span just after the last consumed token: where a missing token belongs.</summary>
    private TextSpan AfterPrevious => new(_previousEnd, 0);

    // ---- Diagnostics -------------------------------------------------------------------

    /// <summary>Adds a diagnostic unless one was already reported at that offset (avoids cascades)
    /// or the parser gave up on the file.</summary>
    private void Report(Diagnostic diagnostic)
    {
        if (_abandoned) return;
        var offset = diagnostic.Location?.Span.Start ?? -1;
        if (offset == _lastErrorOffset) return;
        _lastErrorOffset = offset;
        _reports.Add(diagnostic);
    }

    private void ReportUnexpected(Token token, string? expected)
    {
        if (token.Kind == TokenKind.EndOfFile)
            Report(SyntaxDiagnostics.UnexpectedEndOfFile(_source, token.Span, expected));
        else if (token.Kind is TokenKind.PipeLeft or TokenKind.PipeRight)
            Report(SyntaxDiagnostics.UnsupportedOperator(_source, token.Span, _text.Substring(token.Start, 2)));
        else
            Report(SyntaxDiagnostics.UnexpectedToken(_source, token.Span, TokenDescriptions.Describe(token, _text), expected));
    }

    /// <summary>Expects a closing token; when it is missing, names the opener and where it opened.</summary>
    private void ExpectClosing(TokenKind closing, Token opener, string openerText)
    {
        if (Accept(closing)) return;
        var found = Current;
        Report(SyntaxDiagnostics.UnclosedDelimiter(_source, found.Span, openerText, opener.Span,
            TokenDescriptions.Describe(found, _text)));
    }

    private bool Expect(TokenKind kind, string what)
    {
        if (Accept(kind)) return true;
        var found = Current;
        if (found.Kind == TokenKind.EndOfFile)
            Report(SyntaxDiagnostics.UnexpectedEndOfFile(_source, found.Span, what));
        else
            Report(SyntaxDiagnostics.ExpectedToken(_source, found.Span, what, TokenDescriptions.Describe(found, _text)));
        return false;
    }

    // ---- Depth safety ------------------------------------------------------------------

    /// <summary>Enters one nesting level; false (after reporting once and skipping to the end
    /// of the file) when the limit or the thread's stack is exhausted.</summary>
    private bool EnterNesting()
    {
        if (_abandoned) return false;
        // The stack probe is not free: every 16 levels is enough, as 16 levels use far less
        // stack than the reserve the probe keeps.
        if (_depth < MaxNestingDepth && ((_depth & 15) != 0 || RuntimeHelpers.TryEnsureSufficientExecutionStack()))
        {
            _depth++;
            if (_depth > _deepest) _deepest = _depth;
            return true;
        }
        GiveUpTooDeep<Expr?>(null);
        return false;
    }

    /// <summary>Reports the nesting limit once and skips to the end of the file.</summary>
    private T GiveUpTooDeep<T>(T result)
    {
        if (_abandoned) return result;
        Report(SyntaxDiagnostics.NestingTooDeep(_source, Current.Span, MaxNestingDepth));
        _abandoned = true;
        SkipToEnd();
        return result;
    }

    private void LeaveNesting() => _depth--;

    private ErrorExpr ErrorHere() => new(new TextSpan(Current.Start, 0));
}
