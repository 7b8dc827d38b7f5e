using ConfigLang.Evaluator.Text;

namespace ConfigLang.Evaluator.Runtime.Values;

/// <summary>A function and the place a builtin was called from, shared by every thunk of that
/// builtin's result that applies the function (<c>genList</c>, <c>zipAttrsWith</c>), so each
/// thunk holds one reference instead of three and the site.</summary>
internal sealed class SharedCall(Interpreter interpreter, Value function, SourceLocation? site)
{
    public Interpreter Interpreter { get; } = interpreter;

    public Value Function { get; } = function;

    public SourceLocation? Site { get; } = site;
}
