using ConfigLang.Evaluator.Diagnostics;
using ConfigLang.Evaluator.Syntax.Nodes;
using ConfigLang.Evaluator.Text;

namespace ConfigLang.Evaluator.Syntax;

/// <summary>
/// The result of parsing one source: the tree (always present; unparsable parts are
/// <see cref="ErrorExpr"/> nodes) and every syntax diagnostic found in that one run.
/// </summary>
public sealed record SyntaxTree(SourceText Source, Expr Root, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.IsError);

    /// <summary>Parses <paramref name="source"/> (see <see cref="Parser.Parse"/>).</summary>
    public static SyntaxTree Parse(SourceText source) => Parser.Parse(source);
}
