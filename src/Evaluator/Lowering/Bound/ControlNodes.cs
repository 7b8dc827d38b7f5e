using ConfigLang.Evaluator.Runtime;
using ConfigLang.Evaluator.Runtime.Values;
using ConfigLang.Evaluator.Text;
using Env = ConfigLang.Evaluator.Runtime.Environment;

namespace ConfigLang.Evaluator.Lowering.Bound;

/// <summary><c>if c then a else b</c></summary>
internal sealed class IfNode(SourceText source, TextSpan span, Node condition, Node then, Node otherwise) : Node(source, span)
{
    public override Value Eval(Env env)
    {
        var c = condition.Eval(env);
        if (c is not BoolValue b) throw NotABoolean(c, condition, this);
        // Tail calls: the branch runs in place of this frame.
        return b.Value ? then.Eval(env) : otherwise.Eval(env);
    }

    internal override bool KeepsNoFrame => condition.KeepsNoFrame && then.KeepsNoFrame && otherwise.KeepsNoFrame;

    internal override bool ForcesFirst(int slot) => condition.ForcesFirst(slot);
}

/// <summary><c>assert c; body</c></summary>
internal sealed class AssertNode(SourceText source, TextSpan span, Node condition, Node body, string baseDirectory) : Node(source, span)
{
    // The condition as the message shows it, made at the first failure (tryEval may repeat it).
    private string? _shownCondition;

    // Longer conditions are cut: a short text can print to a huge one (see SyntaxPrinter.Print).
    internal const int MaxShownConditionLength = 64 * 1024;

    public override Value Eval(Env env)
    {
        var c = condition.Eval(env);
        if (c is not BoolValue b) throw NotABoolean(c, condition, this);
        if (!b.Value)
        {
            _shownCondition ??= ShowCondition();
            throw EvaluationException.Create(EvaluationDiagnostics.AssertionFailed,
                $"assertion '{_shownCondition}' failed", Location, EvaluationErrorKind.Assertion);
        }
        return body.Eval(env);
    }

    /// <summary>Nix 2.8 shows the condition as <c>nix-instantiate --parse</c> prints it (operators in
    /// parentheses, paths absolute), not as written. The condition's own text is parsed again
    /// rather than keeping its syntax tree alive for a failure that rarely comes.</summary>
    private string ShowCondition()
    {
        var text = condition.Source.Substring(condition.Span);
        var tree = Syntax.Parser.ParseSyntaxOnly(new SourceText(text, condition.Source.Path));
        return tree.HasErrors ? text : Syntax.SyntaxPrinter.Print(tree, baseDirectory, MaxShownConditionLength);
    }

    internal override bool KeepsNoFrame => condition.KeepsNoFrame && body.KeepsNoFrame;

    internal override bool ForcesFirst(int slot) => condition.ForcesFirst(slot);
}

/// <summary><c>!e</c></summary>
internal sealed class NotNode(SourceText source, TextSpan span, Node operand) : Node(source, span)
{
    public override Value Eval(Env env)
    {
        var v = operand.Eval(env);
        if (v is not BoolValue b) throw NotABoolean(v, operand, null);
        return BoolValue.Of(!b.Value);
    }

    internal override bool KeepsNoFrame => operand.KeepsNoFrame;

    internal override bool ForcesFirst(int slot) => operand.ForcesFirst(slot);
}
