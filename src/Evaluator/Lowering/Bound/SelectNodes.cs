using ConfigLang.Evaluator.Runtime;
using ConfigLang.Evaluator.Runtime.Values;
using ConfigLang.Evaluator.Text;
using Env = ConfigLang.Evaluator.Runtime.Environment;

namespace ConfigLang.Evaluator.Lowering.Bound;

/// <summary>One name of an attribute path: known (<see cref="Static"/>) or computed.</summary>
internal readonly record struct AttrKey(Symbol? Static, Node? Dynamic, SourceLocation Location)
{
    public Symbol Resolve(Interpreter interpreter, Env env) =>
        Static ?? Symbol.Intern(interpreter.ForceStringNoContext(Dynamic!.Eval(env), Dynamic.Location, "while evaluating an attribute name"));
}

/// <summary><c>e.a.b</c> or <c>e.a.b or default</c>.</summary>
internal sealed class SelectNode(SourceText source, TextSpan span, Node target, AttrKey[] path, Node? fallback, Interpreter interpreter) : Node(source, span)
{
    public override Value Eval(Env env)
    {
        var value = target.Eval(env);
        for (var i = 0; i < path.Length; i++)
        {
            var key = path[i];
            var name = key.Resolve(interpreter, env);
            if (value is not AttrSetValue attrs)
            {
                if (fallback is not null) return fallback.Eval(env);
                throw EvaluationException.Type($"value is {value.Describe()} while a set was expected", Location);
            }
            if (!attrs.TryGet(name, out var next))
            {
                if (fallback is not null) return fallback.Eval(env);
                throw EvaluationException.Create(EvaluationDiagnostics.MissingAttribute, $"attribute '{name.Name}' missing", key.Location);
            }
            try
            {
                value = next.Force();
            }
            catch (EvaluationException e)
            {
                var position = attrs.PositionOf(name);
                throw e.AddFrame($"while evaluating the attribute '{name.Name}'", position ?? key.Location);
            }
        }
        return value;
    }
}

/// <summary><c>e ? a.b</c></summary>
internal sealed class HasAttrNode(SourceText source, TextSpan span, Node target, AttrKey[] path, Interpreter interpreter) : Node(source, span)
{
    public override Value Eval(Env env)
    {
        var value = target.Eval(env);
        for (var i = 0; i < path.Length; i++)
        {
            var name = path[i].Resolve(interpreter, env);
            if (value is not AttrSetValue attrs || !attrs.TryGet(name, out var next)) return BoolValue.False;
            if (i + 1 < path.Length) value = next.Force();
        }
        return BoolValue.True;
    }
}
