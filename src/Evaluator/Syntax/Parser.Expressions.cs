using System.Globalization;
using ConfigLang.Evaluator.Diagnostics;
using ConfigLang.Evaluator.Syntax.Nodes;
using ConfigLang.Evaluator.Text;

namespace ConfigLang.Evaluator.Syntax;

// Expressions: the function level (lambda, assert, with, let), if, the operators by
// precedence climbing, application, selection and the primaries.
public sealed partial class Parser
{
    /// <summary><c>expr</c>: a lambda, <c>assert</c>, <c>with</c>, <c>let … in</c>, <c>if</c> or an operator expression.</summary>
    private Expr ParseExpression()
    {
        // No try/finally around the nesting count: nothing in the parser throws, and a protected
        // region on this path, taken for every expression, costs more than it guards.
        if (!EnterNesting()) return ErrorHere();
        var expr = ParseFunctionLevel();
        LeaveNesting();
        return expr;
    }

    private Expr ParseFunctionLevel()
    {
        var start = Current.Start;
        switch (Kind)
        {
            case TokenKind.Identifier when PeekKind(1) is TokenKind.Colon or TokenKind.At:
                return ParseLambdaWithName();
            case TokenKind.OpenBrace when LooksLikeFormals():
                return ParseLambdaWithFormals();
            case TokenKind.Assert:
                {
                    Advance();
                    var condition = ParseExpression();
                    Expect(TokenKind.Semicolon, "';' after the condition of 'assert'");
                    var body = ParseExpression();
                    return new AssertExpr(SpanFrom(start), condition, body);
                }
            case TokenKind.With:
                {
                    Advance();
                    var scope = ParseExpression();
                    Expect(TokenKind.Semicolon, "';' after the scope of 'with'");
                    var body = ParseExpression();
                    return new WithExpr(SpanFrom(start), scope, body);
                }
            case TokenKind.Let when PeekKind(1) != TokenKind.OpenBrace:
                return ParseLet();
            case TokenKind.If:
                return ParseIf();
            default:
                return ParseOperators(0);
        }
    }

    private Expr ParseIf()
    {
        var ifToken = Advance();
        var condition = ParseExpression();
        Expr thenBranch, elseBranch;
        if (Expect(TokenKind.Then, "'then'") || CanStartExpression(Kind))
            thenBranch = ParseExpression();
        else
            thenBranch = ErrorHere();
        // The message names the line of the 'if', so it is built only when 'else' is missing.
        if (Accept(TokenKind.Else) || (!Expect(TokenKind.Else, $"'else' (this 'if' at {_source.GetLinePosition(ifToken.Start)} has no 'else')") && CanStartExpression(Kind)))
            elseBranch = ParseExpression();
        else
            elseBranch = ErrorHere();
        return new IfExpr(SpanFrom(ifToken.Start), condition, thenBranch, elseBranch);
    }

    // ---- Operators ---------------------------------------------------------------------

    // Nix's precedence, loosest first (bison %right IMPL ... %nonassoc NEGATE).
    private const int PrecImplies = 1, PrecOr = 2, PrecAnd = 3, PrecEquality = 4, PrecComparison = 5,
        PrecUpdate = 6, PrecNot = 7, PrecAdditive = 8, PrecMultiplicative = 9, PrecConcat = 10,
        PrecHasAttr = 11, PrecNegate = 12;

    private enum Associativity : byte { Left, Right, None }

    private static (int Precedence, Associativity Associativity, BinaryOperator Operator) BinaryInfo(TokenKind kind) => kind switch
    {
        TokenKind.Implies => (PrecImplies, Associativity.Right, BinaryOperator.Implies),
        TokenKind.Or => (PrecOr, Associativity.Left, BinaryOperator.Or),
        TokenKind.And => (PrecAnd, Associativity.Left, BinaryOperator.And),
        TokenKind.Equal => (PrecEquality, Associativity.None, BinaryOperator.Equal),
        TokenKind.NotEqual => (PrecEquality, Associativity.None, BinaryOperator.NotEqual),
        TokenKind.Less => (PrecComparison, Associativity.None, BinaryOperator.Less),
        TokenKind.LessOrEqual => (PrecComparison, Associativity.None, BinaryOperator.LessOrEqual),
        TokenKind.Greater => (PrecComparison, Associativity.None, BinaryOperator.Greater),
        TokenKind.GreaterOrEqual => (PrecComparison, Associativity.None, BinaryOperator.GreaterOrEqual),
        TokenKind.Update => (PrecUpdate, Associativity.Right, BinaryOperator.Update),
        TokenKind.Plus => (PrecAdditive, Associativity.Left, BinaryOperator.Add),
        TokenKind.Minus => (PrecAdditive, Associativity.Left, BinaryOperator.Subtract),
        TokenKind.Star => (PrecMultiplicative, Associativity.Left, BinaryOperator.Multiply),
        TokenKind.Slash => (PrecMultiplicative, Associativity.Left, BinaryOperator.Divide),
        TokenKind.Concat => (PrecConcat, Associativity.Right, BinaryOperator.Concat),
        TokenKind.Question => (PrecHasAttr, Associativity.None, default),
        // Newer Nix's pipe operators: parsed loosely so the error can name them.
        TokenKind.PipeRight => (PrecImplies, Associativity.Left, BinaryOperator.PipeRight),
        TokenKind.PipeLeft => (PrecImplies, Associativity.Right, BinaryOperator.PipeLeft),
        _ => (-1, Associativity.None, default),
    };

    /// <summary>Precedence climbing: parses operators that bind at least as tightly as <paramref name="minPrecedence"/>.</summary>
    private Expr ParseOperators(int minPrecedence)
    {
        var start = Current.Start;
        var outerDeepest = _deepest;
        _deepest = _depth;
        var left = ParsePrefix();
        var deepest = _deepest;
        while (true)
        {
            var opToken = Current;
            var (precedence, associativity, op) = BinaryInfo(opToken.Kind);
            if (precedence < 0 || precedence < minPrecedence) break;
            // Folding puts the whole left operand one level deeper.
            if (++deepest > MaxNestingDepth) return GiveUpTooDeep(left);
            _deepest = _depth;
            Advance();
            // Where the right operand starts, its parenthesis included (its node's span drops it).
            var rightStart = Current.Start;
            if (opToken.Kind is TokenKind.PipeLeft or TokenKind.PipeRight)
                Report(SyntaxDiagnostics.UnsupportedOperator(_source, opToken.Span, _text.Substring(opToken.Start, 2)));

            if (opToken.Kind == TokenKind.Question)
            {
                var path = ParseAttrPath("after '?'");
                left = new HasAttrExpr(SpanFrom(start), left, path);
            }
            else
            {
                var nextMin = associativity == Associativity.Right ? precedence : precedence + 1;
                if (!EnterNesting()) return left;
                var right = ParseOperators(nextMin);
                LeaveNesting();
                left = new BinaryExpr(SpanFrom(start), op, opToken.Span, left, right, rightStart);
            }
            deepest = Math.Max(deepest, _deepest);

            if (associativity == Associativity.None && BinaryInfo(Kind).Precedence == precedence)
            {
                Report(SyntaxDiagnostics.NonAssociativeOperator(_source, Current.Span, _text.Substring(Current.Start, Current.Length)));
            }
        }
        _deepest = Math.Max(outerDeepest, deepest);
        return left;
    }

    /// <summary><c>!e</c> binds looser than arithmetic (<c>!a + b</c> is <c>!(a + b)</c>); <c>-e</c> binds tightest.</summary>
    private Expr ParsePrefix()
    {
        var kind = Kind;
        if (kind is not (TokenKind.Not or TokenKind.Minus)) return ParseApplication();
        if (!EnterNesting()) return ErrorHere();
        var start = Advance().Start;
        var operand = ParseOperators(kind == TokenKind.Not ? PrecNot : PrecNegate);
        LeaveNesting();
        return new UnaryExpr(SpanFrom(start), kind == TokenKind.Not ? UnaryOperator.Not : UnaryOperator.Negate, operand);
    }

    // ---- Application and selection -----------------------------------------------------

    private Expr ParseApplication()
    {
        var start = Current.Start;
        var outerDeepest = _deepest;
        _deepest = _depth;
        var function = ParseSelect();
        var deepest = _deepest;
        while (CanStartArgument())
        {
            // As for operators: each argument puts the calls before it one level deeper.
            if (++deepest > MaxNestingDepth) return GiveUpTooDeep(function);
            _deepest = _depth;
            var argument = ParseSelect();
            if (_selectWasCallOfOr) WarnCursedOr(argument);
            deepest = Math.Max(deepest, _deepest);
            function = new CallExpr(SpanFrom(start), function, argument);
        }
        _deepest = Math.Max(outerDeepest, deepest);
        return function;
    }

    /// <summary>Whether the current token begins an argument. An identifier followed by
    /// <c>=</c> (or a dotted path and <c>=</c>) begins the next binding instead: the usual
    /// sign of a missing <c>;</c>, which the binding parser then reports by name.</summary>
    private bool CanStartArgument()
    {
        var kind = Kind;
        if (kind == TokenKind.Let) return PeekKind(1) == TokenKind.OpenBrace;
        if (!CanStartSimple(kind)) return false;
        if (kind == TokenKind.Identifier && LooksLikeBindingStart()) return false;
        return true;
    }

    private bool LooksLikeBindingStart()
    {
        for (var ahead = 0; ; ahead += 2)
        {
            if (PeekKind(ahead) is not (TokenKind.Identifier or TokenKind.OrKeyword)) return false;
            var next = PeekKind(ahead + 1);
            if (next == TokenKind.Assign) return true;
            if (next != TokenKind.Dot) return false;
        }
    }

    private Expr ParseSelect()
    {
        var start = Current.Start;
        var target = ParsePrimary();
        _selectWasCallOfOr = false;
        if (Kind == TokenKind.Dot)
        {
            Advance();
            var path = ParseAttrPath("after '.'");
            Expr? fallback = null;
            if (Accept(TokenKind.OrKeyword))
            {
                // 'a.b or c.d or …' nests to the right: each fallback is one level deeper.
                if (!CanStartSimple(Kind) && Kind != TokenKind.Let) fallback = MissingOperand("after 'or'");
                else if (!EnterNesting()) fallback = ErrorHere();
                else
                {
                    fallback = ParseSelect();
                    if (_selectWasCallOfOr) WarnCursedOr(fallback);
                    LeaveNesting();
                }
            }
            // An interpolated name or the fallback may have set it.
            _selectWasCallOfOr = false;
            return new SelectExpr(SpanFrom(start), target, path, fallback);
        }
        if (Kind == TokenKind.OrKeyword)
        {
            // Nix allows 'f or' as an application of f to a variable named 'or'.
            var orToken = Advance();
            var or = new Identifier(orToken.Span, "or");
            _selectWasCallOfOr = true;
            return new CallExpr(SpanFrom(start), target, or);
        }
        return target;
    }

    /// <summary>
    /// A call <c>f or</c> used as an argument, a list element or a fallback (<c>g f or</c>, <c>[ f or ]</c>,
    /// <c>a.b or f or</c>): newer Nix warns that its meaning will change once <c>or</c> is an ordinary
    /// name, as ConfigLang does (<c>map or [ ]</c> and <c>(f or)</c> keep their meaning and pass quietly).
    /// </summary>
    private void WarnCursedOr(Expr call) =>
        Report(SyntaxDiagnostics.CursedOr(_source, call.Span, _text.Substring(call.Span.Start, call.Span.Length)));

    private Expr MissingOperand(string where)
    {
        ReportUnexpected(Current, $"an expression {where}");
        return ErrorHere();
    }

    // ---- Primaries ---------------------------------------------------------------------

    private static bool CanStartSimple(TokenKind kind) => kind is
        TokenKind.Identifier or TokenKind.Integer or TokenKind.Float or TokenKind.CurPos or
        TokenKind.StringOpen or TokenKind.IndentedStringOpen or TokenKind.Path or TokenKind.HomePath or
        TokenKind.SearchPath or TokenKind.Uri or TokenKind.OpenParen or TokenKind.OpenBrace or
        TokenKind.OpenBracket or TokenKind.Rec;

    private static bool CanStartExpression(TokenKind kind) => CanStartSimple(kind) || kind is
        TokenKind.Let or TokenKind.If or TokenKind.Assert or TokenKind.With or TokenKind.Not or TokenKind.Minus;

    private Expr ParsePrimary()
    {
        if (!EnterNesting()) return ErrorHere();
        var primary = ParsePrimaryCore();
        LeaveNesting();
        return primary;
    }

    private Expr ParsePrimaryCore()
    {
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.Identifier:
                {
                    Advance();
                    return new Identifier(token.Span, Intern(token));
                }
            case TokenKind.Integer:
                Advance();
                if (long.TryParse(TextOf(token), NumberStyles.None, CultureInfo.InvariantCulture, out var integer))
                    return new IntLiteral(token.Span, integer);
                Report(SyntaxDiagnostics.InvalidInteger(_source, token.Span, TextOf(token).ToString()));
                return new ErrorExpr(token.Span);
            case TokenKind.Float:
                Advance();
                return new FloatLiteral(token.Span, double.Parse(TextOf(token), NumberStyles.Float, CultureInfo.InvariantCulture));
            case TokenKind.CurPos:
                Advance();
                return new CurPosExpr(token.Span);
            case TokenKind.StringOpen:
                return ParseString();
            case TokenKind.IndentedStringOpen:
                return ParseIndentedString();
            case TokenKind.Path:
            case TokenKind.HomePath:
                return ParsePath();
            case TokenKind.SearchPath:
                Advance();
                return new SearchPathExpr(token.Span, _text.Substring(token.Start + 1, token.Length - 2));
            case TokenKind.Uri:
                Advance();
                return new UriLiteral(token.Span, _text.Substring(token.Start, token.Length));
            case TokenKind.OpenParen:
                {
                    Advance();
                    var inner = ParseExpression();
                    ExpectClosing(TokenKind.CloseParen, token, "(");
                    return inner;
                }
            case TokenKind.OpenBracket:
                return ParseList();
            case TokenKind.OpenBrace:
                return ParseAttrSet(recursive: false, token.Start);
            case TokenKind.Rec:
                Advance();
                if (Kind != TokenKind.OpenBrace)
                {
                    ReportUnexpected(Current, "'{' after 'rec'");
                    return new ErrorExpr(token.Span);
                }
                return ParseAttrSet(recursive: true, token.Start);
            case TokenKind.Let when PeekKind(1) == TokenKind.OpenBrace:
                return ParseLegacyLet();
            default:
                return UnexpectedInExpression(token);
        }
    }

    private Expr UnexpectedInExpression(Token token)
    {
        if (token.Kind is TokenKind.CloseBrace or TokenKind.CloseBracket or TokenKind.CloseParen or
            TokenKind.Semicolon or TokenKind.In or TokenKind.Then or TokenKind.Else or TokenKind.EndOfFile or TokenKind.Comma)
        {
            // Leave closers and separators to the construct that owns them.
            ReportUnexpected(token, "an expression");
            return new ErrorExpr(new TextSpan(token.Start, 0));
        }
        ReportUnexpected(token, null);
        Advance();
        return new ErrorExpr(token.Span);
    }

    private Expr ParseList()
    {
        var open = Advance();
        var items = _exprLists.Rent();
        while (true)
        {
            if (Kind == TokenKind.CloseBracket) break;
            if (CanStartSimple(Kind) || (Kind == TokenKind.Let && PeekKind(1) == TokenKind.OpenBrace))
            {
                var item = ParseSelect();
                if (_selectWasCallOfOr) WarnCursedOr(item);
                items.Add(item);
                continue;
            }
            if (Kind is TokenKind.EndOfFile or TokenKind.CloseBrace or TokenKind.CloseParen or TokenKind.Semicolon or TokenKind.In)
                break;
            // An operator or keyword inside a list: Nix lists hold only simple expressions.
            var bad = Advance();
            Report(SyntaxDiagnostics.UnexpectedToken(_source, bad.Span, TokenDescriptions.Describe(bad, _text),
                "a list element (wrap operators and function calls in parentheses)"));
        }
        ExpectClosing(TokenKind.CloseBracket, open, "[");
        return new ListExpr(SpanFrom(open.Start), _exprLists.ToArrayAndReturn(items));
    }
}
