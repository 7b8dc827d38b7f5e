using ConfigLang.Evaluator.Syntax.Nodes;

namespace ConfigLang.Evaluator.Syntax;

// Lambdas: 'x: body', '{ a, b ? 1, ... }: body' and the '@' patterns on either side.
public sealed partial class Parser
{
    /// <summary>At '{': decides between a pattern and a set by looking a few tokens ahead.</summary>
    private bool LooksLikeFormals()
    {
        switch (PeekKind(1))
        {
            case TokenKind.CloseBrace:
                return PeekKind(2) is TokenKind.Colon or TokenKind.At;
            case TokenKind.Ellipsis:
                return true;
            case TokenKind.Identifier:
                return PeekKind(2) switch
                {
                    TokenKind.Comma or TokenKind.Question => true,
                    TokenKind.CloseBrace => PeekKind(3) is TokenKind.Colon or TokenKind.At,
                    _ => false,
                };
            default:
                return false;
        }
    }

    /// <summary><c>x: body</c> or <c>x @ { … }: body</c>.</summary>
    private Expr ParseLambdaWithName()
    {
        var nameToken = Advance();
        var name = Intern(nameToken);
        Formals? formals = null;
        if (Accept(TokenKind.At))
        {
            if (Kind == TokenKind.OpenBrace) formals = ParseFormals();
            else Expect(TokenKind.OpenBrace, "'{' of a pattern after '@'");
        }
        return FinishLambda(nameToken.Start, name, formals);
    }

    /// <summary><c>{ … }: body</c> or <c>{ … } @ x: body</c>.</summary>
    private Expr ParseLambdaWithFormals()
    {
        var start = Current.Start;
        var formals = ParseFormals();
        string? name = null;
        if (Accept(TokenKind.At))
        {
            var nameToken = Current;
            if (Expect(TokenKind.Identifier, "a name after '@'")) name = Intern(nameToken);
        }
        return FinishLambda(start, name, formals);
    }

    private Expr FinishLambda(int start, string? name, Formals? formals)
    {
        Expr body;
        if (Expect(TokenKind.Colon, "':' before the function body") || CanStartExpression(Kind))
            body = ParseExpression();
        else
            body = ErrorHere();
        return new LambdaExpr(SpanFrom(start), name, formals, body);
    }

    private Formals ParseFormals()
    {
        var open = Advance();
        var items = new List<Formal>();
        var ellipsis = false;
        while (true)
        {
            var token = Current;
            if (token.Kind == TokenKind.CloseBrace || token.Kind == TokenKind.EndOfFile) break;
            if (token.Kind == TokenKind.Ellipsis)
            {
                Advance();
                ellipsis = true;
                if (Kind != TokenKind.CloseBrace) ReportUnexpected(Current, "'}' ('...' must come last)");
                break;
            }
            if (token.Kind == TokenKind.Identifier)
            {
                Advance();
                Expr? defaultValue = null;
                if (Accept(TokenKind.Question))
                    defaultValue = CanStartExpression(Kind) ? ParseExpression() : MissingOperand("as the default value");
                items.Add(new Formal(SpanFrom(token.Start), Intern(token), defaultValue));
            }
            else
            {
                ReportUnexpected(token, "a formal argument name");
                if (token.Kind is TokenKind.Colon or TokenKind.CloseParen or TokenKind.CloseBracket) break;
                Advance();
            }

            if (Accept(TokenKind.Comma)) continue;
            if (Kind is TokenKind.CloseBrace) break;
            ReportUnexpected(Current, "',' or '}'");
            if (Kind != TokenKind.Identifier) break;
        }
        ExpectClosing(TokenKind.CloseBrace, open, "{");
        return new Formals(SpanFrom(open.Start), items, ellipsis);
    }
}
