using System.Text;
using ConfigLang.Evaluator.Diagnostics;
using ConfigLang.Evaluator.Syntax.Nodes;
using ConfigLang.Evaluator.Text;

namespace ConfigLang.Evaluator.Syntax;

// Attribute sets, let, inherit and attribute paths. Recovery: a broken binding is skipped up
// to its ';' (or the closing '}' / 'in'), so the next bindings are still checked.
public sealed partial class Parser
{
    private Expr ParseAttrSet(bool recursive, int start)
    {
        var open = Advance();
        var bindings = ParseBindings(TokenKind.CloseBrace);
        ExpectClosing(TokenKind.CloseBrace, open, "{");
        return new AttrSetExpr(SpanFrom(start), recursive, bindings, open.Start);
    }

    private Expr ParseLet()
    {
        var letToken = Advance();
        var bindings = ParseBindings(TokenKind.In);
        Expr body;
        if (Accept(TokenKind.In))
        {
            body = ParseExpression();
        }
        else
        {
            var found = Current;
            Report(SyntaxDiagnostics.ExpectedToken(_source, found.Span, "'in' to end the bindings of this 'let'",
                TokenDescriptions.Describe(found, _text)).WithLabel(new SourceLocation(_source, letToken.Span), "'let' is here"));
            body = CanStartExpression(Kind) ? ParseExpression() : ErrorHere();
        }
        return new LetExpr(SpanFrom(letToken.Start), bindings, body);
    }

    /// <summary>The legacy <c>let { a = 1; body = a; }</c>.</summary>
    private Expr ParseLegacyLet()
    {
        var letToken = Advance();
        var open = Advance();
        var bindings = ParseBindings(TokenKind.CloseBrace);
        ExpectClosing(TokenKind.CloseBrace, open, "{");
        return new LegacyLetExpr(SpanFrom(letToken.Start), bindings);
    }

    private Binding[] ParseBindings(TokenKind terminator)
    {
        var bindings = _bindingLists.Rent();
        while (true)
        {
            var kind = Kind;
            if (kind == terminator || kind == TokenKind.EndOfFile) break;
            if (kind == TokenKind.Inherit)
            {
                bindings.Add(ParseInherit());
            }
            else if (kind is TokenKind.Identifier or TokenKind.OrKeyword or TokenKind.StringOpen or TokenKind.InterpolationOpen)
            {
                if (ParseAttrBinding(terminator) is { } binding) bindings.Add(binding);
            }
            else if (kind is TokenKind.CloseBrace or TokenKind.CloseBracket or TokenKind.CloseParen or TokenKind.In)
            {
                break;
            }
            else
            {
                var bad = Current;
                var message = IsKeyword(kind)
                    ? SyntaxDiagnostics.ExpectedAttributeName(_source, bad.Span,
                        $"the keyword {TokenDescriptions.Describe(kind)}").WithNote($"quote it to use it as a name: \"{_text.Substring(bad.Start, bad.Length)}\"")
                    : SyntaxDiagnostics.UnexpectedToken(_source, bad.Span, TokenDescriptions.Describe(bad, _text),
                        "a binding ('name = value;') or 'inherit'");
                Report(message);
                SkipBinding(terminator);
            }
        }
        return _bindingLists.ToArrayAndReturn(bindings);
    }

    private static bool IsKeyword(TokenKind kind) => kind is TokenKind.If or TokenKind.Then or TokenKind.Else or
        TokenKind.Assert or TokenKind.With or TokenKind.Let or TokenKind.In or TokenKind.Rec or TokenKind.Inherit;

    /// <summary>Skips the rest of a broken binding: up to and including its ';', or up to the
    /// terminator or a closing delimiter that is not ours.</summary>
    private void SkipBinding(TokenKind terminator)
    {
        var nesting = 0;
        while (Kind != TokenKind.EndOfFile)
        {
            var kind = Kind;
            if (nesting == 0)
            {
                if (kind == TokenKind.Semicolon) { Advance(); return; }
                if (kind == terminator || kind is TokenKind.CloseBrace or TokenKind.CloseBracket or TokenKind.CloseParen) return;
            }
            if (kind is TokenKind.OpenBrace or TokenKind.OpenBracket or TokenKind.OpenParen or TokenKind.InterpolationOpen) nesting++;
            else if (kind is TokenKind.CloseBrace or TokenKind.CloseBracket or TokenKind.CloseParen) nesting--;
            Advance();
        }
    }

    private Binding? ParseAttrBinding(TokenKind terminator)
    {
        var start = Current.Start;
        var path = ParseAttrPath("at the start of a binding");
        if (path.Count == 0)
        {
            SkipBinding(terminator);
            return null;
        }
        if (!Accept(TokenKind.Assign))
        {
            var found = Current;
            var name = DescribePath(path);
            if (found.Kind == TokenKind.EndOfFile)
                Report(SyntaxDiagnostics.UnexpectedEndOfFile(_source, found.Span, $"'=' after '{name}'"));
            else
                Report(SyntaxDiagnostics.ExpectedToken(_source, found.Span, $"'=' after '{name}'", TokenDescriptions.Describe(found, _text)));
            SkipBinding(terminator);
            return null;
        }
        // 'a.b.c = v;' is 'a = { b = { c = v; }; };': each name after the first nests a set,
        // which the merged sets, the printer and evaluation all walk.
        var pathNesting = path.Count - 1;
        if (_depth + pathNesting >= MaxNestingDepth) return GiveUpTooDeep<Binding?>(null);
        var outerDeepest = _deepest;
        _deepest = _depth;
        var value = CanStartExpression(Kind) ? ParseExpression() : MissingOperand($"as the value of '{DescribePath(path)}'");
        _deepest = Math.Max(outerDeepest, _deepest + pathNesting);
        if (_deepest > MaxNestingDepth) return GiveUpTooDeep<Binding?>(null);
        if (!Accept(TokenKind.Semicolon) && Kind != TokenKind.EndOfFile)
        {
            // (At the end of the file the unclosed '{' or missing 'in' is the real problem.)
            Report(SyntaxDiagnostics.MissingSemicolon(_source, AfterPrevious, DescribePath(path))
                .WithNote($"found {TokenDescriptions.Describe(Current, _text)} instead"));
            var next = Kind;
            var startsNext = next == terminator || next == TokenKind.Inherit ||
                             (next is TokenKind.Identifier or TokenKind.OrKeyword && LooksLikeBindingStart()) ||
                             next is TokenKind.CloseBrace or TokenKind.EndOfFile;
            if (!startsNext) SkipBinding(terminator);
        }
        return new AttrBinding(SpanFrom(start), path, value);
    }

    /// <summary>The path as written, for messages (cut as <see cref="SyntaxDiagnostics.Shown"/> cuts
    /// it; a path of 100,000 names is not joined whole).</summary>
    private string DescribePath(AttrPath path)
    {
        var text = new StringBuilder();
        for (var i = 0; i < path.Count && text.Length <= SyntaxDiagnostics.MaxShownLength; i++)
        {
            if (i > 0) text.Append('.');
            text.Append(path[i] is StaticAttrName s ? s.Name : _source.Substring(path[i].Span));
        }
        return SyntaxDiagnostics.Shown(text.ToString());
    }

    private Binding ParseInherit()
    {
        var inheritToken = Advance();
        Expr? from = null;
        if (Kind == TokenKind.OpenParen)
        {
            var open = Advance();
            from = ParseExpression();
            ExpectClosing(TokenKind.CloseParen, open, "(");
        }
        var names = _nameLists.Rent();
        while (true)
        {
            var token = Current;
            if (token.Kind is TokenKind.Identifier or TokenKind.OrKeyword)
            {
                Advance();
                names.Add(new StaticAttrName(token.Span, token.Kind == TokenKind.OrKeyword ? "or" : Intern(token)));
            }
            else if (token.Kind == TokenKind.StringOpen)
            {
                var name = ParseAttrName();
                if (name is DynamicAttrName)
                    Report(SyntaxDiagnostics.DynamicAttributeInInherit(_source, name.Span));
                else if (name is not null)
                    names.Add(name);
            }
            else if (token.Kind == TokenKind.InterpolationOpen)
            {
                var name = ParseAttrName();
                if (name is StaticAttrName) names.Add(name);
                else Report(SyntaxDiagnostics.DynamicAttributeInInherit(_source, name?.Span ?? token.Span));
            }
            else
            {
                break;
            }
        }
        if (!Accept(TokenKind.Semicolon))
        {
            var found = Current;
            if (found.Kind is TokenKind.CloseBrace or TokenKind.In or TokenKind.EndOfFile || IsBindingStartAfterInherit())
            {
                Report(SyntaxDiagnostics.ExpectedToken(_source, AfterPrevious, "';' after 'inherit'", TokenDescriptions.Describe(found, _text)));
            }
            else
            {
                ReportUnexpected(found, "a name to inherit or ';'");
                SkipBinding(TokenKind.CloseBrace);
            }
        }
        return new InheritBinding(SpanFrom(inheritToken.Start), from, _nameLists.ToArrayAndReturn(names));
    }

    private bool IsBindingStartAfterInherit() => Kind == TokenKind.Inherit;

    /// <summary><c>a.b."c d".${e}</c>; reports and returns what it has when a name is missing.</summary>
    private AttrPath ParseAttrPath(string where)
    {
        var start = Current.Start;
        if (Kind == TokenKind.Identifier && PeekKind(1) != TokenKind.Dot)
        {
            // The commonest path, one plain name: kept as its string (see AttrPath).
            var token = Advance();
            return new AttrPath(token.Span, Intern(token));
        }
        var names = _nameLists.Rent();
        while (true)
        {
            var name = ParseAttrName();
            if (name is null)
            {
                var found = Current;
                if (found.Kind == TokenKind.EndOfFile)
                    Report(SyntaxDiagnostics.UnexpectedEndOfFile(_source, found.Span, $"an attribute name {where}"));
                else if (IsKeyword(found.Kind))
                    Report(SyntaxDiagnostics.ExpectedAttributeName(_source, found.Span, $"the keyword {TokenDescriptions.Describe(found.Kind)}")
                        .WithNote($"quote it to use it as a name: \"{_text.Substring(found.Start, found.Length)}\""));
                else
                    Report(SyntaxDiagnostics.ExpectedAttributeName(_source, found.Span, TokenDescriptions.Describe(found, _text)));
                break;
            }
            names.Add(name);
            if (Kind != TokenKind.Dot) break;
            Advance();
        }
        if (names.Count == 1)
        {
            var only = names[0];
            _nameLists.Return(names);
            return new AttrPath(SpanFrom(start), only);
        }
        return new AttrPath(SpanFrom(start), _nameLists.ToArrayAndReturn(names));
    }

    /// <summary>One attribute name, or null (nothing consumed) when the current token cannot be one.</summary>
    private AttrName? ParseAttrName()
    {
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.Identifier:
                Advance();
                return new StaticAttrName(token.Span, Intern(token));
            case TokenKind.OrKeyword:
                Advance();
                return new StaticAttrName(token.Span, "or");
            case TokenKind.StringOpen when PeekKind(1) == TokenKind.StringClose ||
                                           (PeekKind(1) == TokenKind.StringText && PeekKind(2) == TokenKind.StringClose):
                {
                    // "name" (the usual quoted name): static, read straight from the tokens
                    // without building a string node only to take its text.
                    Advance();
                    var text = Kind == TokenKind.StringText ? StringLiteralDecoder.Decode(TextOf(Advance()), _literals) : "";
                    Advance();
                    return new StaticAttrName(SpanFrom(token.Start), text);
                }
            case TokenKind.StringOpen:
                {
                    var str = (StringExpr)ParseString();
                    if (str.Parts.Count == 0) return new StaticAttrName(str.Span, "");
                    if (str.Parts.Count == 1 && str.Parts[0] is LiteralPart literal) return new StaticAttrName(str.Span, literal.Text);
                    return new DynamicAttrName(str.Span, str);
                }
            case TokenKind.InterpolationOpen:
                {
                    var open = Advance();
                    var expr = ParseExpression();
                    ExpectInterpolationClose(open);
                    // ${"a"}: a string without interpolation names the attribute statically (as in Nix).
                    if (expr is StringExpr { Parts.Count: 0 }) return new StaticAttrName(SpanFrom(open.Start), "");
                    if (expr is StringExpr { Parts: [LiteralPart only] }) return new StaticAttrName(SpanFrom(open.Start), only.Text);
                    return new DynamicAttrName(SpanFrom(open.Start), expr);
                }
            default:
                return null;
        }
    }

    private void ExpectInterpolationClose(Token open)
    {
        if (Accept(TokenKind.CloseBrace)) return;
        var found = Current;
        Report(SyntaxDiagnostics.UnterminatedInterpolation(_source, found.Span, open.Span, TokenDescriptions.Describe(found, _text)));
    }
}
