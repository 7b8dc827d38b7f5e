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
        if (c is not BoolValue b) throw NotABoolean(c, condition);
        // Tail calls: the branch runs in place of this frame.
        return b.Value ? then.Eval(env) : otherwise.Eval(env);
    }

    internal override bool KeepsNoFrame => condition.KeepsNoFrame && then.KeepsNoFrame && otherwise.KeepsNoFrame;

    internal override bool ForcesFirst(int slot) => condition.ForcesFirst(slot);
}

/// <summary><c>assert c; body</c></summary>
internal sealed class AssertNode(SourceText source, TextSpan span, Node condition, Node body) : Node(source, span)
{
    public override Value Eval(Env env)
    {
        var c = condition.Eval(env);
        if (c is not BoolValue b) throw NotABoolean(c, condition);
        if (!b.Value)
        {
            throw EvaluationException.Create(EvaluationDiagnostics.AssertionFailed,
                $"assertion '{condition.Source.Substring(condition.Span)}' failed", Location, EvaluationErrorKind.Assertion);
        }
        return body.Eval(env);
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
        if (v is not BoolValue b) throw NotABoolean(v, operand);
        return BoolValue.Of(!b.Value);
    }

    internal override bool KeepsNoFrame => operand.KeepsNoFrame;

    internal override bool ForcesFirst(int slot) => operand.ForcesFirst(slot);
}
