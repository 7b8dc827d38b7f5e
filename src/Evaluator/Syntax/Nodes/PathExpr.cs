using ConfigLang.Evaluator.Text;

namespace ConfigLang.Evaluator.Syntax.Nodes;

/// <summary>
/// A path literal: <c>./a</c>, <c>../a</c>, <c>/a</c>, <c>~/a</c>, or one with interpolations
/// (<c>./${name}.nix</c>). The first literal part holds the text as written (with its prefix);
/// the evaluator resolves it against the directory of <see cref="SourceText.Path"/>.
/// </summary>
public sealed record PathExpr(TextSpan Span, IReadOnlyList<StringPart> Parts) : Expr(Span);
